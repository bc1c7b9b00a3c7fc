export * from './entities';
export * from './data-source';
export * from './snake-naming.strategy';
export * from './postgres-admin';
export * from './sql/sql';
