/** The features the re-ranker scores a (sentence, candidate skill) pair on, in this order. */
export const RANKING_FEATURES = [
  'rule', // the rule matcher found the skill in the sentence (0/1)
  'cosPreferred', // encoder cosine, sentence · preferred label
  'cosLabelMax', // max-pooled cosine over the preferred, alternative and hidden labels
  'cosLabelMean', // cosine with the mean of the label vectors (mean pooling)
  'cosDescription', // cosine with the description's lead
  'cosGroup', // sense: best cosine with the skill's broader groups
  'groupMargin', // sense: that minus the best cosine of any group with the sentence (≤ 0)
  'bm25', // BM25 over the skill's labels, ÷ the sentence's best
  'coverage', // largest share of one label's content words present in the sentence
  'prior', // log(1 + occupations requiring the skill) ÷ log(1 + the most)
  'labelGap', // cosLabelMax minus the sentence's best cosLabelMax (≤ 0)
  'labelRank', // 1 / (1 + rank of cosLabelMax among the candidates)
  'shortLabel', // the best-matching label has one content word (ambiguous: "rust", "java")
  'occupation', // the listing's occupation requires it: 1 essential, 0.5 optional, 0 unknown/none
] as const;

export type RankingFeature = (typeof RANKING_FEATURES)[number];

/** A trained re-ranker: logistic regression, optionally over a small hidden layer (tanh). */
export interface RerankerWeights {
  /** Names the training run (hashed into the extractor revision). */
  version: string;
  features: readonly string[];
  /** Per-feature standardisation applied before the model. */
  mean: number[];
  std: number[];
  /** Hidden layer (rows = units) or empty for a linear model. */
  hidden: number[][];
  hiddenBias: number[];
  /** Output weights over the hidden units (or over the features when `hidden` is empty). */
  output: number[];
  outputBias: number;
  /** Stored set: a skill is stored when its probability is at least this (see `isStored`). */
  threshold: number;
  /** Stored set: a skill the rule matcher names is also stored when this gate passes (see `isStored`). */
  mention?: MentionGate;
}

/**
 * A linear model over the same features, trained to tell whether a rule match sits where annotators
 * marked a skill or knowledge span (SkillSpan), i.e. whether the matched words are used as a skill in
 * that sentence — not whether the skill is the right one (the re-ranker's job).
 */
export interface MentionGate {
  version: string;
  mean: number[];
  std: number[];
  output: number[];
  outputBias: number;
  /** A rule match is stored when the gate's probability is at least this. */
  threshold: number;
}

/** Names the rule `isStored` applies (hashed into the extractor revision: a new rule re-derives stored skills). */
export const STORED_DECISION = 'threshold-or-rule-mention';

/**
 * The stored-set decision for one candidate of one sentence, given its re-ranker probability: stored
 * when the probability reaches the threshold, or — for a skill the rule matcher names in the
 * sentence — when the mention gate passes. Either vouching is enough: on rule matches the
 * re-ranker's probability hardly tells right from wrong, and the gate keeps matches it doubts where
 * the sentence reads as a skill (`scripts/train/mention-gate.ts` has the figures).
 */
export function isStored(model: RerankerWeights, x: ArrayLike<number>, probability: number): boolean {
  if (probability >= model.threshold) return true;
  return !!model.mention && x[RULE] === 1 && mentionProbability(model.mention, x) >= model.mention.threshold;
}

/** The mention gate's probability that a rule match is a skill mention. */
export function mentionProbability(gate: MentionGate, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-mentionLogit(gate, x)));
}

export function mentionLogit(gate: MentionGate, x: ArrayLike<number>): number {
  let logit = gate.outputBias;
  for (let i = 0; i < gate.mean.length; i++)
    logit += (gate.output[i] * (x[i] - gate.mean[i])) / (gate.std[i] || 1);
  return logit;
}

const RULE = RANKING_FEATURES.indexOf('rule');

/** The model's probability that the candidate is a skill the sentence asks for. */
export function rerankerProbability(model: RerankerWeights, x: ArrayLike<number>): number {
  const n = model.mean.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = (x[i] - model.mean[i]) / (model.std[i] || 1);
  let logit = model.outputBias;
  if (model.hidden.length === 0) {
    for (let i = 0; i < n; i++) logit += model.output[i] * z[i];
  } else {
    for (let h = 0; h < model.hidden.length; h++) {
      let a = model.hiddenBias[h];
      const row = model.hidden[h];
      for (let i = 0; i < n; i++) a += row[i] * z[i];
      logit += model.output[h] * Math.tanh(a);
    }
  }
  return 1 / (1 + Math.exp(-logit));
}
