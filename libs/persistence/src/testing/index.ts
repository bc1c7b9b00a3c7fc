// Test helpers of the persistence lib (@skillpath/persistence/testing; never from the lib's index).
export * from './test-database';
export * from './undo-migrations';
