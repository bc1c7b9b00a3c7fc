// The fictional Greater Manchester demo region: data, loader, seeder. Used by `npm start`, the demo
// generator and tests only — production code never imports it.
export * from './demo-data.types';
export * from './demo-region.constants';
export * from './load-demo-data';
export * from './demo-reachability';
export * from './load-demo-region';
