import { existsSync } from 'fs';
import * as path from 'path';
import { readCsvRows, splitLines } from '../../esco/esco-csv';
import { findEscoFiles } from '../../esco/esco-files';

/** One skill as the ranked extractor sees it. `id` is what callers get back; `uri` keys stored vectors. */
export interface RankingSkill {
  id: string;
  uri: string;
  label: string;
  altLabels: readonly string[];
  hiddenLabels?: readonly string[];
  description?: string | null;
  /** How many occupations require the skill (ESCO occupation–skill relations). */
  popularity?: number;
  /** The skill's broader groups, nearest first (URIs); used as sense context. */
  groups?: readonly string[];
}

/** A skill group (ESCO hierarchy) with the text that describes it. */
export interface RankingGroup {
  uri: string;
  label: string;
  description?: string | null;
}

export interface RankingTaxonomy {
  /** Names the taxonomy release (e.g. `esco-v1.1.1`): stored vectors are keyed by it. */
  version: string;
  skills: RankingSkill[];
  groups: RankingGroup[];
}

/** How many ancestor groups each skill keeps (nearest first). */
const GROUP_DEPTH = 3;

/**
 * An ESCO release folder (`classification/`, `relations/` CSVs) as a ranking taxonomy, with
 * concept URIs as ids: skills with alternative/hidden labels and descriptions, how many
 * occupations require each, and each skill's broader skill groups.
 */
export async function readEscoRankingTaxonomy(dir: string, version: string): Promise<RankingTaxonomy> {
  const files = await findEscoFiles(dir);
  const skills: RankingSkill[] = [];
  for await (const row of readCsvRows(files.skills)) {
    if (!row.conceptUri || !row.preferredLabel) continue;
    skills.push({
      id: row.conceptUri,
      uri: row.conceptUri,
      label: row.preferredLabel.trim(),
      altLabels: splitLines(row.altLabels),
      hiddenLabels: splitLines(row.hiddenLabels),
      description: row.description?.trim() || null,
      popularity: 0,
      groups: [],
    });
  }
  const popularity = new Map<string, number>();
  for await (const row of readCsvRows(files.occupationSkillRelations))
    popularity.set(row.skillUri, (popularity.get(row.skillUri) ?? 0) + 1);
  for (const s of skills) s.popularity = popularity.get(s.uri) ?? 0;

  const groups: RankingGroup[] = [];
  const groupsFile = path.join(path.dirname(files.skills), 'skillGroups_en.csv');
  if (existsSync(groupsFile))
    for await (const row of readCsvRows(groupsFile))
      if (row.conceptUri && row.preferredLabel)
        groups.push({
          uri: row.conceptUri,
          label: row.preferredLabel.trim(),
          description: row.description?.trim() || null,
        });
  const groupUris = new Set(groups.map((g) => g.uri));
  const broader = new Map<string, string[]>();
  if (files.broaderSkillRelations)
    for await (const row of readCsvRows(files.broaderSkillRelations)) {
      const list = broader.get(row.conceptUri) ?? [];
      list.push(row.broaderUri);
      broader.set(row.conceptUri, list);
    }
  for (const s of skills) s.groups = ancestorGroups(s.uri, broader, groupUris);
  return { version, skills, groups };
}

/** Breadth-first broader groups of a concept (through parent skills), nearest first. */
export function ancestorGroups(
  uri: string,
  broader: ReadonlyMap<string, readonly string[]>,
  groupUris: ReadonlySet<string>,
  depth = GROUP_DEPTH,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>([uri]);
  let frontier = [uri];
  while (frontier.length > 0 && out.length < depth) {
    const next: string[] = [];
    for (const u of frontier)
      for (const b of broader.get(u) ?? []) {
        if (seen.has(b)) continue;
        seen.add(b);
        next.push(b);
        if (groupUris.has(b) && out.length < depth) out.push(b);
      }
    frontier = next;
  }
  return out;
}
