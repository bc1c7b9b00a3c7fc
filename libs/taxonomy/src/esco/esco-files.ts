import { promises as fs } from 'fs';
import * as path from 'path';

/** The CSV files of an ESCO release that the import reads; optional ones may be absent. */
export interface EscoFiles {
  skills: string;
  occupations: string;
  occupationSkillRelations: string;
  broaderSkillRelations?: string;
  digitalSkillsCollection?: string;
  languageSkillsCollection?: string;
}

const WANTED: Record<keyof EscoFiles, RegExp> = {
  skills: /^skills_en\.csv$/i,
  occupations: /^occupations_en\.csv$/i,
  occupationSkillRelations: /^occupationSkillRelations(_en)?\.csv$/i,
  broaderSkillRelations: /^broaderRelationsSkillPillar(_en)?\.csv$/i,
  digitalSkillsCollection: /^(digitalSkillsCollection|ictSkillsCollection)_en\.csv$/i,
  languageSkillsCollection: /^languageSkillsCollection_en\.csv$/i,
};
const REQUIRED: (keyof EscoFiles)[] = ['skills', 'occupations', 'occupationSkillRelations'];

export class EscoFilesNotFoundError extends Error {
  constructor(
    readonly dir: string,
    readonly missing: string[],
  ) {
    super(`ESCO release folder ${dir} lacks ${missing.join(', ')} (searched its subfolders too)`);
    this.name = 'EscoFilesNotFoundError';
  }
}

/** Finds the release's CSVs by name in `dir` and its subfolders (first match in sorted order). */
export async function findEscoFiles(dir: string): Promise<EscoFiles> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new EscoFilesNotFoundError(dir, ['the folder itself']);
  const found: Partial<EscoFiles> = {};
  for (const file of await listFiles(dir)) {
    const name = path.basename(file);
    for (const key of Object.keys(WANTED) as (keyof EscoFiles)[]) {
      if (!found[key] && WANTED[key].test(name)) found[key] = file;
    }
  }
  const missing = REQUIRED.filter((key) => !found[key]).map((key) => describe(key));
  if (missing.length > 0) throw new EscoFilesNotFoundError(dir, missing);
  return found as EscoFiles;
}

function describe(key: keyof EscoFiles): string {
  return WANTED[key].source.replace(/^\^|\$$/g, '').replace(/\\\./g, '.');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
