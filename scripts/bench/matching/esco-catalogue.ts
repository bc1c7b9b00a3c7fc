import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { OccupationRecord, SkillRecord } from '@skillpath/matching';
import { ESCO_RELEASE_DIR } from '@skillpath/taxonomy';

// SKILLPATH_SHARED_DATA when set, else ../shared/data beside the repository.
const ESCO = ESCO_RELEASE_DIR;

/** Real ESCO skills, hierarchy and occupations when the data is present (read in place), else generated. */
export function loadTaxonomy(): { skills: SkillRecord[]; occupations: OccupationRecord[]; source: string } {
  const skillsFile = join(ESCO, 'classification/skills_en.csv');
  if (!existsSync(skillsFile)) return generated();
  const rows = parse(readFileSync(skillsFile), { columns: true, relax_quotes: true }) as Record<
    string,
    string
  >[];
  const skills: SkillRecord[] = rows.map((r) => ({ id: r.conceptUri, label: r.preferredLabel }));
  const byId = new Map(skills.map((s) => [s.id, s]));
  const broader = join(ESCO, 'relations/broaderRelationsSkillPillar.csv');
  if (existsSync(broader)) {
    for (const r of parse(readFileSync(broader), { columns: true }) as Record<string, string>[]) {
      const s = byId.get(r.conceptUri);
      if (s && !s.broader && byId.has(r.broaderUri)) s.broader = r.broaderUri;
    }
  }
  const occupations = new Map<string, OccupationRecord>();
  const occFile = join(ESCO, 'classification/occupations_en.csv');
  if (existsSync(occFile)) {
    for (const r of parse(readFileSync(occFile), { columns: true, relax_quotes: true }) as Record<
      string,
      string
    >[]) {
      occupations.set(r.conceptUri, {
        id: r.conceptUri,
        title: r.preferredLabel,
        essential: [],
        optional: [],
      });
    }
  }
  const rel = join(ESCO, 'relations/occupationSkillRelations.csv');
  if (existsSync(rel)) {
    for (const r of parse(readFileSync(rel), { columns: true }) as Record<string, string>[]) {
      const occ = occupations.get(r.occupationUri);
      if (!occ || !byId.has(r.skillUri)) continue;
      (r.relationType === 'essential' ? occ.essential : occ.optional).push({ skill: r.skillUri, level: 3 });
    }
  }
  return { skills, occupations: [...occupations.values()], source: 'ESCO v1.1.1' };
}

function generated(): { skills: SkillRecord[]; occupations: OccupationRecord[]; source: string } {
  const skills: SkillRecord[] = Array.from({ length: 14000 }, (_, i) => ({
    id: `skill-${i}`,
    label: `skill ${i}`,
    ...(i >= 200 ? { broader: `skill-${i % 200}` } : {}),
  }));
  const occupations: OccupationRecord[] = Array.from({ length: 3000 }, (_, i) => ({
    id: `occ-${i}`,
    title: `occupation ${i}`,
    essential: Array.from({ length: 8 }, (_, k) => ({
      skill: `skill-${(i * 37 + k * 101) % 14000}`,
      level: 3,
    })),
    optional: [],
  }));
  return { skills, occupations, source: 'generated' };
}
