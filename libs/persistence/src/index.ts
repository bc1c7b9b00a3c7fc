export * from './entities';
export * from './data-source';
export * from './snake-naming.strategy';
export * from './postgres-url';
export * from './database-admin.repository';
export * from './sql/sql';
