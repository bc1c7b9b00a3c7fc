export * from './geocoder';
export * from './geocoder.errors';
export * from './haversine';
export * from './postcode-format';
export * from './outward-code-geocoder';
export * from './postcodes-io-geocoder';
export * from './region-boroughs';
export * from './postcode-districts';
