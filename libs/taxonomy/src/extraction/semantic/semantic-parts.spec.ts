import { LexicalIndex, contentTerms } from './lexical-index';
import { MAX_SENTENCES, MAX_SENTENCE_CHARS, splitSentences, topIndices } from './ranked-skill-extractor';
import {
  MentionGate,
  RANKING_FEATURES,
  isStored,
  mentionProbability,
  rerankerProbability,
  RerankerWeights,
} from './reranker-model';
import {
  SkillVectorSetFormatError,
  VectorKind,
  deserialiseSkillVectorSet,
  quantise,
  serialiseSkillVectorSet,
  vectorTexts,
} from './skill-vector-set';
import { ancestorGroups } from './ranking-taxonomy';
import { taxonomyFingerprint } from './ranked-extractor-loader';

describe('topIndices', () => {
  it('returns the k largest, largest first, for any input (checked against a sort)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.round(rand() * 50));
      const k = 1 + Math.floor(rand() * 20);
      const got = topIndices(values, k).map((i) => values[i]);
      const want = [...values].sort((a, b) => b - a).slice(0, k);
      expect(got).toEqual(want);
    }
  });
});

describe('LexicalIndex', () => {
  const index = new LexicalIndex([
    ['Rust (computer programming)', 'Rust language'],
    ['remove rust from motor vehicles'],
    ['manage a team', 'lead a team', 'team leadership'],
  ]);

  it('scores only skills sharing a content word, rarer words more', () => {
    const { bm25 } = index.score('You will lead the team');
    expect([...bm25.keys()]).toEqual([2]);
    expect(index.score('nothing relevant here').bm25.size).toBe(0);
  });

  it('coverage is the best share of one label’s content words present', () => {
    const { coverage } = index.score('debug the Rust services');
    expect(coverage.get(0)).toBeCloseTo(1 / 2); // "rust language": 1 of 2 words
    expect(coverage.get(1)).toBeCloseTo(1 / 4); // remove, rust, motor, vehicle
    expect(index.score('team leadership').coverage.get(2)).toBe(1);
  });

  it('drops function words and stems the rest', () => {
    expect(contentTerms('Managing the teams')).toEqual(contentTerms('manage team'));
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends, line breaks and bullets, skipping empty pieces', () => {
    expect(
      splitSentences('<p>We build apps. You will debug Rust.</p><ul><li>SQL</li><li>Python</li></ul>'),
    ).toEqual(['We build apps.', 'You will debug Rust.', 'SQL', 'Python']);
    expect(splitSentences('   \n\n  ')).toEqual([]);
  });

  it('bounds a huge text: at most MAX_SENTENCES pieces of at most MAX_SENTENCE_CHARS', () => {
    const pieces = splitSentences('word '.repeat(2_000_000));
    expect(pieces.length).toBeLessThanOrEqual(MAX_SENTENCES);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });
});

describe('skill vector sets', () => {
  const taxonomy = {
    version: 'v1',
    skills: [
      {
        id: 'a',
        uri: 'u:a',
        label: 'cook meals',
        altLabels: ['prepare meals', 'cook meals'],
        description: 'Cook.',
      },
      { id: 'b', uri: 'u:b', label: 'SQL', altLabels: [], hiddenLabels: ['sequel'] },
    ],
    groups: [{ uri: 'g:1', label: 'food' }],
  };

  it('lists each skill’s preferred, distinct alternative and hidden labels, description, then groups', () => {
    expect(vectorTexts(taxonomy).map((t) => [t.key, t.kind, t.text])).toEqual([
      [0, VectorKind.Preferred, 'cook meals'],
      [0, VectorKind.Alternative, 'prepare meals'],
      [0, VectorKind.Description, 'Cook.'],
      [1, VectorKind.Preferred, 'SQL'],
      [1, VectorKind.Hidden, 'sequel'],
      [2, VectorKind.Group, 'food'],
    ]);
  });

  it('quantises to int8 within 1% and survives serialisation', () => {
    const v = Float32Array.from({ length: 8 }, (_, i) => Math.sin(i + 1) / 2);
    const data = new Int8Array(16);
    const scale = quantise(v, data, 8);
    for (let i = 0; i < 8; i++) expect(Math.abs(data[8 + i] * scale - v[i])).toBeLessThan(0.01);
    const set = {
      taxonomyVersion: 'v1',
      encoderId: 'e',
      dimensions: 8,
      keys: ['u:a', 'g:1'],
      owner: Uint32Array.from([0, 1]),
      kind: Uint8Array.from([VectorKind.Preferred, VectorKind.Group]),
      scale: Float32Array.from([scale, scale]),
      data,
    };
    const back = deserialiseSkillVectorSet(serialiseSkillVectorSet(set));
    expect(back).toEqual(set);
  });

  it('rejects a truncated or foreign blob with a clear error', () => {
    expect(() => deserialiseSkillVectorSet(Buffer.from('hello\n'))).toThrow(SkillVectorSetFormatError);
    const set = {
      taxonomyVersion: 'v1',
      encoderId: 'e',
      dimensions: 4,
      keys: ['k'],
      owner: Uint32Array.from([0]),
      kind: Uint8Array.from([0]),
      scale: Float32Array.from([1]),
      data: Int8Array.from([1, 2, 3, 4]),
    };
    const blob = serialiseSkillVectorSet(set);
    expect(() => deserialiseSkillVectorSet(blob.subarray(0, blob.length - 1))).toThrow(/expected/);
  });

  it('fingerprints change when a label or description changes, not with order', () => {
    const a = taxonomyFingerprint(taxonomy.skills, taxonomy.groups);
    expect(taxonomyFingerprint([...taxonomy.skills].reverse(), taxonomy.groups)).toBe(a);
    expect(
      taxonomyFingerprint(
        [{ ...taxonomy.skills[0], description: 'Cook well.' }, taxonomy.skills[1]],
        taxonomy.groups,
      ),
    ).not.toBe(a);
  });
});

describe('ancestorGroups', () => {
  it('walks broader relations through parent skills, nearest groups first, up to the depth', () => {
    const broader = new Map([
      ['s', ['p']],
      ['p', ['g1']],
      ['g1', ['g2']],
      ['g2', ['g3']],
    ]);
    const groups = new Set(['g1', 'g2', 'g3']);
    expect(ancestorGroups('s', broader, groups, 2)).toEqual(['g1', 'g2']);
    expect(ancestorGroups('x', broader, groups)).toEqual([]);
  });
});

/** A linear re-ranker over unstandardised features (mean 0, std 1). */
function linearWeights(output: number[], outputBias: number, threshold: number): RerankerWeights {
  const n = RANKING_FEATURES.length;
  return {
    version: 't',
    features: [...RANKING_FEATURES],
    mean: new Array(n).fill(0),
    std: new Array(n).fill(1),
    hidden: [],
    hiddenBias: [],
    output,
    outputBias,
    threshold,
  };
}

describe('rerankerProbability', () => {
  const n = RANKING_FEATURES.length;
  const linear = linearWeights(
    RANKING_FEATURES.map((f) => (f === 'cosLabelMax' ? 4 : 0)),
    -2,
    0.5,
  );
  it('is a logistic of the standardised features (and monotone in a positive weight)', () => {
    const x = new Float32Array(n);
    expect(rerankerProbability(linear, x)).toBeCloseTo(1 / (1 + Math.exp(2)));
    x[RANKING_FEATURES.indexOf('cosLabelMax')] = 0.5;
    expect(rerankerProbability(linear, x)).toBeCloseTo(0.5);
    x[RANKING_FEATURES.indexOf('cosLabelMax')] = 0.9;
    expect(rerankerProbability(linear, x)).toBeGreaterThan(0.5);
  });
  it('passes through a tanh hidden layer when there is one', () => {
    const mlp = {
      ...linear,
      hidden: [RANKING_FEATURES.map((f) => (f === 'rule' ? 1 : 0))],
      hiddenBias: [0],
      output: [3],
      outputBias: 0,
    };
    const x = new Float32Array(n);
    x[0] = 1;
    expect(rerankerProbability(mlp, x)).toBeCloseTo(1 / (1 + Math.exp(-3 * Math.tanh(1))));
  });
});

describe('isStored (the stored-set decision)', () => {
  const n = RANKING_FEATURES.length;
  const at = (name: (typeof RANKING_FEATURES)[number]) => RANKING_FEATURES.indexOf(name);
  const weights = linearWeights(new Array(n).fill(0), 0, 0.9);
  const gate: MentionGate = {
    version: 'g',
    mean: new Array(n).fill(0),
    std: new Array(n).fill(1),
    output: RANKING_FEATURES.map((f) => (f === 'cosGroup' ? 10 : 0)),
    outputBias: -5,
    threshold: 0.5,
  };
  const features = (rule: 0 | 1, cosGroup: number) => {
    const x = new Float32Array(n);
    x[at('rule')] = rule;
    x[at('cosGroup')] = cosGroup;
    return x;
  };

  it('without a gate: every candidate at the threshold, rule match or not', () => {
    expect(isStored(weights, features(1, 0), 0.95)).toBe(true);
    expect(isStored(weights, features(1, 0), 0.5)).toBe(false);
    expect(isStored(weights, features(0, 0), 0.95)).toBe(true);
  });

  it('with a gate: a rule match by the threshold or the gate; any other skill by the threshold only', () => {
    const withGate = { ...weights, mention: gate };
    expect(mentionProbability(gate, features(1, 0.6))).toBeCloseTo(1 / (1 + Math.exp(-1)));
    expect(isStored(withGate, features(1, 0.6), 0.1)).toBe(true);
    expect(isStored(withGate, features(1, 0.4), 0.999)).toBe(true);
    expect(isStored(withGate, features(1, 0.4), 0.5)).toBe(false);
    expect(isStored(withGate, features(0, 0.6), 0.5)).toBe(false);
    expect(isStored(withGate, features(0, 0), 0.95)).toBe(true);
  });
});
