/**
 * Looks up the ESCO labels named in the demo sources and writes the URIs they resolve to into
 * esco-uris.json (committed), so the generator never needs the ESCO release itself.
 *
 *   node -r @swc-node/register scripts/demo/resolve-esco-uris.ts [ESCO classification dir]
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import { SKILL_SOURCES } from './sources/skills.source';
import { OCCUPATION_SOURCES } from './sources/occupations.source';

interface EscoRow {
  conceptUri: string;
  preferredLabel: string;
  altLabels: string;
}

export interface EscoMatch {
  uri: string;
  preferredLabel: string;
}

function indexByLabel(file: string): { preferred: Map<string, EscoRow>; alternative: Map<string, EscoRow> } {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as EscoRow[];
  const preferred = new Map<string, EscoRow>();
  const alternative = new Map<string, EscoRow>();
  for (const row of rows) {
    preferred.set(row.preferredLabel.trim().toLowerCase(), row);
    for (const alt of (row.altLabels ?? '').split('\n')) {
      const key = alt.trim().toLowerCase();
      if (key && !alternative.has(key)) alternative.set(key, row);
    }
  }
  return { preferred, alternative };
}

function resolveAll(labels: string[], file: string): { found: Record<string, EscoMatch>; missing: string[] } {
  const index = indexByLabel(file);
  const found: Record<string, EscoMatch> = {};
  const missing: string[] = [];
  for (const label of [...new Set(labels)].sort()) {
    const key = label.trim().toLowerCase();
    const row = index.preferred.get(key) ?? index.alternative.get(key);
    if (row) found[label] = { uri: row.conceptUri, preferredLabel: row.preferredLabel.trim() };
    else missing.push(label);
  }
  return { found, missing };
}

function main(): void {
  const dir = process.argv[2] ?? join(__dirname, '../../../shared/data/esco/v1.1.1/classification');
  const skills = resolveAll(
    SKILL_SOURCES.flatMap((s) => (s.esco ? [s.esco] : [])),
    join(dir, 'skills_en.csv'),
  );
  const occupations = resolveAll(
    OCCUPATION_SOURCES.flatMap((o) => (o.esco ? [o.esco] : [])),
    join(dir, 'occupations_en.csv'),
  );
  const out = join(__dirname, 'esco-uris.json');
  writeFileSync(
    out,
    JSON.stringify({ skills: skills.found, occupations: occupations.found }, null, 2) + '\n',
  );
  console.log(
    `skills: ${Object.keys(skills.found).length} resolved, missing: ${JSON.stringify(skills.missing)}`,
  );
  console.log(
    `occupations: ${Object.keys(occupations.found).length} resolved, missing: ${JSON.stringify(occupations.missing)}`,
  );
  if (skills.missing.length || occupations.missing.length) process.exitCode = 1;
}

main();
