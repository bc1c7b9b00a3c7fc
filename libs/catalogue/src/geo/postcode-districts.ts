import { readFileSync } from 'fs';
import { join } from 'path';

/** The ten boroughs of Greater Manchester, the region Skillpath serves. */
export const GM_BOROUGHS = [
  'Bolton',
  'Bury',
  'Manchester',
  'Oldham',
  'Rochdale',
  'Salford',
  'Stockport',
  'Tameside',
  'Trafford',
  'Wigan',
] as const;
export type Borough = (typeof GM_BOROUGHS)[number];

/** One postcode district (outward code) of the region, with its borough and approximate centroid. */
export interface PostcodeDistrict {
  /** Outward code, e.g. "M4". */
  outward: string;
  borough: Borough;
  lat: number;
  lon: number;
}

/** The region's hand-maintained postcode-district table: libs/catalogue/region/postcode-districts.json. */
export const REGION_POSTCODE_DISTRICTS_FILE = join(
  __dirname,
  '..',
  '..',
  'region',
  'postcode-districts.json',
);

/** Reads a postcode-district table (by default the region's). */
export function loadPostcodeDistricts(path: string = REGION_POSTCODE_DISTRICTS_FILE): PostcodeDistrict[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read postcode districts ${path}: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`Postcode districts file ${path} must contain a JSON array`);
  return parsed as PostcodeDistrict[];
}
