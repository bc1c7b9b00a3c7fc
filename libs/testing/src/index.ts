export * from './test-services';
export * from './graphql-client';
export * from './tcp-proxy';
export * from './test-stack';
export * from './smtp-catcher';
