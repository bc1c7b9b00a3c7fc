import { readFileSync } from 'fs';
import { join } from 'path';
import { loadPostcodeDistricts } from '@skillpath/catalogue';
import type {
  DemoAccreditation,
  DemoData,
  DemoOccupation,
  DemoOpportunity,
  DemoOrganisation,
  DemoSkill,
} from './demo-data.types';

/** libs/demo-region/data, found relative to this file (src → ../data). */
export const DEMO_DATA_DIR = join(__dirname, '..', 'data');

export const DEMO_DATA_FILES = {
  skills: 'skills.json',
  occupations: 'occupations.json',
  organisations: 'organisations.json',
  opportunities: 'opportunities.json',
  accreditations: 'accreditations.json',
} as const;

function readArray<T>(dir: string, file: string): T[] {
  const path = join(dir, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read demo data file ${path}: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`Demo data file ${path} must contain a JSON array`);
  return parsed as T[];
}

/** Reads every demo data file. The shapes are checked by demo-data.spec.ts, not at run time. */
export function loadDemoData(dir: string = DEMO_DATA_DIR): DemoData {
  return {
    skills: readArray<DemoSkill>(dir, DEMO_DATA_FILES.skills),
    occupations: readArray<DemoOccupation>(dir, DEMO_DATA_FILES.occupations),
    organisations: readArray<DemoOrganisation>(dir, DEMO_DATA_FILES.organisations),
    postcodeDistricts: loadPostcodeDistricts(),
    opportunities: readArray<DemoOpportunity>(dir, DEMO_DATA_FILES.opportunities),
    accreditations: readArray<DemoAccreditation>(dir, DEMO_DATA_FILES.accreditations),
  };
}
