export * from './queues';
export * from './redis-connection';
export * from './job-handler.decorator';
export * from './job-handler.registry';
export * from './registry.processor';
export * from './listing-changes.publisher';
export * from './jobs.module';
export * from './listing-changes.module';
