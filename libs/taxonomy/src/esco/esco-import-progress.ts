export type EscoImportPhase =
  | 'collections'
  | 'broader-relations'
  | 'skills'
  | 'skill-hierarchy'
  | 'occupations'
  | 'occupation-skills'
  | 'popularity'
  | 'done';

/** Progress over the whole import, measured in bytes of the CSV files read (drives one progress bar). */
export interface EscoImportProgress {
  phase: EscoImportPhase;
  bytesDone: number;
  bytesTotal: number;
  /** Rows written so far in this phase. */
  rows: number;
}

/** Inserted/updated/unchanged counts for one table; `skipped` rows could not be imported (reason in the summary). */
export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface EscoImportSummary {
  dir: string;
  files: string[];
  skills: TableCounts;
  occupations: TableCounts;
  occupationSkills: TableCounts;
  /** Skills whose broader concept is itself a skill (broader_id set). */
  skillsWithBroaderSkill: number;
  digitalSkills: number;
  durationMs: number;
  warnings: string[];
}

export function emptyCounts(): TableCounts {
  return { inserted: 0, updated: 0, unchanged: 0, skipped: 0 };
}

/** The notice the ESCO licence requires wherever ESCO data is used or shown. */
export const ESCO_ATTRIBUTION = 'This service uses the ESCO classification of the European Commission.';
