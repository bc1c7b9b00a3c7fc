export * from './app-error';
export * from './request-loaders';
export * from './json.scalar';
export * from './input-checks';
