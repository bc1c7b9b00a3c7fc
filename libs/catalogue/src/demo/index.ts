export * from './demo-data.types';
export * from './demo-region.constants';
export * from './load-demo-data';
export * from './demo-reachability';
