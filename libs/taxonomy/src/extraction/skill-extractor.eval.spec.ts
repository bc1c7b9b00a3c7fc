import { existsSync } from 'fs';
import { readEscoSkillRecords } from '../esco/esco-skill-file';
import { ESCO_SKILLS_CSV } from '../shared-data';
import { LabelledText, scoreExtraction } from './extraction-evaluation';
import { SkillExtractor } from './skill-extractor';
import labelled from './fixtures/labelled-texts.json';

const MIN_PRECISION = 0.85;
const MIN_RECALL = 0.6;
const texts: LabelledText[] = labelled.texts;
const escoPresent = existsSync(ESCO_SKILLS_CSV);

describe('labelled set', () => {
  it('has at least 100 texts, each with a unique id and ESCO skill URIs', () => {
    expect(texts.length).toBeGreaterThanOrEqual(100);
    expect(new Set(texts.map((t) => t.id)).size).toBe(texts.length);
    for (const t of texts)
      for (const s of t.skills) expect(s.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
  });
});

if (!escoPresent) {
  console.warn(`Skipping extraction precision/recall: ESCO skills file not found at ${ESCO_SKILLS_CSV}`);
}

(escoPresent ? describe : describe.skip)('skill extraction against the full ESCO v1.1.1 label set', () => {
  let extractor: SkillExtractor;

  beforeAll(async () => {
    extractor = new SkillExtractor(await readEscoSkillRecords(ESCO_SKILLS_CSV));
  }, 60_000);

  it(`keeps precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} on the labelled set`, () => {
    const score = scoreExtraction(extractor, texts);
    const summary = `precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`;

    console.log(`labelled set: ${summary}`);
    expect({ summary, ok: score.precision >= MIN_PRECISION }).toEqual({ summary, ok: true });
    expect({ summary, ok: score.recall >= MIN_RECALL }).toEqual({ summary, ok: true });
  });

  it('every gold URI is a skill of the release (the labels were looked up, not invented)', async () => {
    const known = new Set((await readEscoSkillRecords(ESCO_SKILLS_CSV)).map((s) => s.uri));
    const unknown = texts.flatMap((t) =>
      t.skills.filter((s) => !known.has(s.uri)).map((s) => `${t.id}: ${s.label}`),
    );
    expect(unknown).toEqual([]);
  });
});
