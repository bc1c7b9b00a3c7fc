import { PassThrough, Readable } from 'stream';
import { MAX_RANKED_K, RankedNeedsVectorsError, runSkillsExtractCli } from './skills-extract-cli';
import { SkillExtractor } from '../extraction/skill-extractor';
import { RankedSkillExtractor } from '../extraction/semantic/ranked-skill-extractor';
import { RERANKER_WEIGHTS } from '../extraction/semantic/ranked-extractor-loader';
import { RankingTaxonomy } from '../extraction/semantic/ranking-taxonomy';
import { UniversalSentenceEncoderLite } from '../extraction/semantic/sentence-encoder';
import { buildSkillVectorSet } from '../extraction/semantic/skill-vector-set';
import tiny from '../extraction/semantic/fixtures/tiny-taxonomy.json';

const SKILLS = [
  { id: 'a1', uri: 'http://data.europa.eu/esco/skill/sql', label: 'SQL', altLabels: [] },
  { id: 'a2', uri: null, label: 'customer service', altLabels: [] },
];

async function run(
  input: string,
  skills: ConstructorParameters<typeof SkillExtractor>[0] | SkillExtractor | RankedSkillExtractor = SKILLS,
  ranked?: number,
) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const count = await runSkillsExtractCli({ input: Readable.from([input]), output, skills, ranked });
  output.end();
  return {
    count,
    lines: chunks
      .join('')
      .split('\n')
      .filter((l) => l.length > 0),
  };
}

describe('runSkillsExtractCli', () => {
  it('writes one JSON line per input line, in order, empty lines included', async () => {
    const { count, lines } = await run(
      'SQL and customer service, SQL again\n\n<b>nothing here</b>\r\ncustomer service\n',
    );
    expect(count).toBe(4);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        skills: [
          { id: 'a1', uri: 'http://data.europa.eu/esco/skill/sql', label: 'SQL', score: 1 },
          { id: 'a2', uri: null, label: 'customer service', score: 1 },
        ],
      },
      { skills: [] },
      { skills: [] },
      { skills: [{ id: 'a2', uri: null, label: 'customer service', score: 1 }] },
    ]);
  });

  it('handles a last line without a newline, and no input at all', async () => {
    expect((await run('SQL')).lines).toEqual([
      '{"skills":[{"id":"a1","uri":"http://data.europa.eu/esco/skill/sql","label":"SQL","score":1}]}',
    ]);
    expect(await run('')).toEqual({ count: 0, lines: [] });
  });

  it('accepts a prebuilt extractor', async () => {
    const { lines } = await run('SQL\n', new SkillExtractor(SKILLS));
    expect(lines).toHaveLength(1);
  });
});

describe('runSkillsExtractCli with the ranked extractor (real encoder, tiny taxonomy)', () => {
  let ranked: RankedSkillExtractor;

  beforeAll(async () => {
    const taxonomy = tiny as RankingTaxonomy;
    const encoder = await UniversalSentenceEncoderLite.load();
    const vectors = await buildSkillVectorSet(taxonomy, encoder);
    ranked = await RankedSkillExtractor.create({ taxonomy, vectors, encoder, weights: RERANKER_WEIGHTS });
  }, 120_000);

  afterAll(() => ranked?.dispose());

  const parse = (lines: string[]) =>
    lines.map(
      (l) =>
        JSON.parse(l) as {
          skills: { id: string; uri: string; label: string; score: number }[];
          truncated?: boolean;
        },
    );

  it('--ranked K: K skills per line, best first, with id, uri, label and score; empty lines give none', async () => {
    const { count, lines } = await run(
      'Cook meals and follow food hygiene rules\n\nGive residents their medicines\n',
      ranked,
      3,
    );
    expect(count).toBe(3);
    const out = parse(lines);
    expect(out[0].skills).toHaveLength(3);
    expect(out[1]).toEqual({ skills: [] });
    for (const { skills } of [out[0], out[2]]) {
      for (const s of skills) expect(Object.keys(s)).toEqual(['id', 'uri', 'label', 'score']);
      for (let i = 1; i < skills.length; i++)
        expect(skills[i - 1].score).toBeGreaterThanOrEqual(skills[i].score);
    }
    expect(
      out[0].skills
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['s-cook', 's-hygiene']);
    expect(out[2].skills[0].id).toBe('s-meds');
  });

  it('without --ranked: the stored set (skills at the threshold, and rule matches the mention gate passes)', async () => {
    const text = 'Cook meals and follow food hygiene rules';
    const out = parse((await run(`${text}\n`, ranked)).lines);
    expect(out[0].skills.length).toBeGreaterThan(0);
    const stored = await ranked.rankText(text);
    expect(out[0].skills.map((s) => s.id)).toEqual(stored.map((s) => s.id));
    for (const s of stored) if (!s.rule) expect(s.score).toBeGreaterThanOrEqual(ranked.threshold);
  });

  it('a 10 MB line is cut to MAX_TEXT_CHARS and answered, marked truncated', async () => {
    const huge = 'Cook meals for residents. '.repeat(400_000);
    expect(huge.length).toBeGreaterThan(10_000_000);
    const started = Date.now();
    const out = parse((await run(`${huge}\nGive medicines\n`, ranked, 2)).lines);
    expect(out).toHaveLength(2);
    expect(out[0].truncated).toBe(true);
    expect(out[0].skills[0].id).toBe('s-cook');
    expect(out[1].truncated).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('rejects a K that is not a whole number from 1 to MAX_RANKED_K, and --ranked without vectors', async () => {
    await expect(run('x\n', ranked, 0)).rejects.toThrow(RangeError);
    await expect(run('x\n', ranked, MAX_RANKED_K + 1)).rejects.toThrow(/1 to 100/);
    await expect(run('x\n', SKILLS, 3)).rejects.toThrow(RankedNeedsVectorsError);
  });
});
