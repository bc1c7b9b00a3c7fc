import { readCsvRows } from '../esco/esco-csv';
import { SkillExtractor } from './skill-extractor';

/** One text with the skills (by ESCO URI) a careful reader says it names. */
export interface LabelledText {
  id: string;
  text: string;
  skills: { uri: string; label: string }[];
}

export interface ExtractionScore {
  texts: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Each wrong or missed skill, for error analysis. */
  errors: { id: string; kind: 'false-positive' | 'false-negative'; uri: string; label: string }[];
}

/** Micro-averaged precision and recall over (text, skill URI) pairs. */
export function scoreExtraction(extractor: SkillExtractor, texts: readonly LabelledText[]): ExtractionScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: ExtractionScore['errors'] = [];
  for (const item of texts) {
    const gold = new Map(item.skills.map((s) => [s.uri, s.label]));
    const found = new Map<string, string>();
    for (const hit of extractor.extract(item.text)) if (hit.uri) found.set(hit.uri, hit.label);
    for (const [uri, label] of found) {
      if (gold.has(uri)) tp++;
      else {
        fp++;
        errors.push({ id: item.id, kind: 'false-positive', uri, label });
      }
    }
    for (const [uri, label] of gold) {
      if (!found.has(uri)) {
        fn++;
        errors.push({ id: item.id, kind: 'false-negative', uri, label });
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    texts: texts.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
    errors,
  };
}

const NOT_A_SKILL = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

/**
 * Decorte et al.'s TECH/HOUSE/TECHWOLF annotations (one row per sentence–skill pair, labels are
 * ESCO preferred labels) as labelled texts; `uriByLabel` maps preferred labels to URIs.
 * Sentences whose only labels are "LABEL NOT PRESENT"/"UNDERSPECIFIED" are kept with no gold skill.
 */
export async function readDecorteAnnotations(
  file: string,
  uriByLabel: ReadonlyMap<string, string>,
): Promise<LabelledText[]> {
  const bySentence = new Map<string, LabelledText>();
  for await (const row of readCsvRows(file)) {
    const sentence = row.sentence;
    if (!sentence) continue;
    let item = bySentence.get(sentence);
    if (!item)
      bySentence.set(sentence, (item = { id: `s${bySentence.size + 1}`, text: sentence, skills: [] }));
    const label = row.label?.trim();
    if (!label || NOT_A_SKILL.has(label)) continue;
    const uri = uriByLabel.get(label);
    if (uri && !item.skills.some((s) => s.uri === uri)) item.skills.push({ uri, label });
  }
  return [...bySentence.values()];
}
