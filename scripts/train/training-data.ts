import { readFileSync } from 'fs';
import * as path from 'path';
import { readCsvRows } from '@skillpath/taxonomy';
import { DECORTE, SKILLSPAN } from './esco-data';

/** A sentence with its gold skills (ESCO URIs). */
export interface GoldSentence {
  text: string;
  gold: string[];
}

const NOT_A_SKILL = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

/**
 * A Decorte et al. annotation file as sentences with gold skill URIs. Sentences with no real ESCO
 * label (only LABEL NOT PRESENT / UNDERSPECIFIED) are skipped, as in the literature's RP@K.
 */
export async function readDecorte(
  file: string,
  uriByLabel: ReadonlyMap<string, string>,
  keepEmpty = false,
): Promise<GoldSentence[]> {
  const by = new Map<string, Set<string>>();
  for await (const row of readCsvRows(path.join(DECORTE, file))) {
    if (!row.sentence) continue;
    const set = by.get(row.sentence) ?? new Set<string>();
    by.set(row.sentence, set);
    const label = row.label?.trim();
    if (!label || NOT_A_SKILL.has(label)) continue;
    const uri = uriByLabel.get(label);
    if (uri) set.add(uri);
  }
  return [...by].filter(([, g]) => keepEmpty || g.size > 0).map(([text, g]) => ({ text, gold: [...g] }));
}

/** SkillSpan sentences of one split (never `test`: the Decorte sets are drawn from it). */
export function readSkillSpan(split: 'train' | 'dev'): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path.join(SKILLSPAN, `${split}.json`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { tokens: string[] };
    const text = row.tokens
      .join(' ')
      .replace(/\s+([,.;:!?)])/g, '$1')
      .replace(/\(\s+/g, '(');
    if (row.tokens.length >= 4 && !/^<[A-Z]+>/.test(text)) out.push(text);
  }
  return [...new Set(out)];
}

export const DECORTE_FILES = {
  techValidation: 'tech_validation_annotations.csv',
  houseValidation: 'house_validation_annotations.csv',
  techTest: 'tech_test_annotations.csv',
  houseTest: 'house_test_annotations.csv',
  techwolfTest: 'techwolf_test_annotations.csv',
} as const;
