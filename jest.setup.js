// Integration tests start apps and databases; on a loaded 2-core machine Jest's 5 s default is too short.
jest.setTimeout(60000);
