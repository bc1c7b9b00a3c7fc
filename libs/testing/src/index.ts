export * from './test-services';
export * from './graphql-client';
export * from './tcp-proxy';
export * from './test-stack';
export * from './smtp-catcher';
export * from './load/read-mix';
export * from './load/app-processes';
export * from './load/ready-balancer';
