import {
  RANKING_FEATURES,
  RankingCandidate,
  RerankerWeights,
  isStored,
  rerankerProbability,
} from '@skillpath/taxonomy';

/** One sentence's candidates, with which are gold, and how many gold skills it has in all. */
export interface TrainingList {
  candidates: RankingCandidate[];
  positive: boolean[];
  goldCount: number;
}

/** Deterministic random numbers (mulberry32) so training is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FitOptions {
  seed: number;
  hiddenUnits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weight of each list (e.g. distant supervision counts less than gold). */
  listWeight?: (index: number) => number;
  version: string;
}

/**
 * Fits a logistic re-ranker (optionally with one tanh hidden layer) by mini-batch gradient
 * descent on the pointwise log loss, positives up-weighted to balance the classes.
 */
export function fitReranker(lists: readonly TrainingList[], options: FitOptions): RerankerWeights {
  const random = seededRandom(options.seed);
  const nf = RANKING_FEATURES.length;
  const xs: Float32Array[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  lists.forEach((list, li) => {
    const w = options.listWeight?.(li) ?? 1;
    list.candidates.forEach((c, j) => {
      xs.push(c.features);
      ys.push(list.positive[j] ? 1 : 0);
      ws.push(w);
    });
  });
  const positives = ys.reduce((a, b) => a + b, 0);
  const balance = positives > 0 ? Math.min(20, (ys.length - positives) / positives) : 1;
  const mean = new Array<number>(nf).fill(0);
  const std = new Array<number>(nf).fill(0);
  for (const x of xs) for (let i = 0; i < nf; i++) mean[i] += x[i] / xs.length;
  for (const x of xs) for (let i = 0; i < nf; i++) std[i] += (x[i] - mean[i]) ** 2 / xs.length;
  for (let i = 0; i < nf; i++) std[i] = Math.sqrt(std[i]) || 1;
  const z = xs.map((x) => Float64Array.from(x, (v, i) => (v - mean[i]) / std[i]));

  const h = options.hiddenUnits;
  const gauss = () => (random() + random() + random() - 1.5) * 0.8;
  const hidden = Array.from({ length: h }, () => Array.from({ length: nf }, () => gauss() / Math.sqrt(nf)));
  const hiddenBias = new Array<number>(h).fill(0);
  const output = Array.from({ length: h > 0 ? h : nf }, () => (h > 0 ? gauss() / Math.sqrt(h) : 0));
  let outputBias = 0;
  const order = z.map((_, i) => i);
  const batch = 64;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = options.learningRate / (1 + epoch * 0.05);
    for (let start = 0; start < order.length; start += batch) {
      const gOut = new Array<number>(output.length).fill(0);
      let gOutBias = 0;
      const gHidden = hidden.map((row) => new Array<number>(row.length).fill(0));
      const gHiddenBias = new Array<number>(h).fill(0);
      const end = Math.min(order.length, start + batch);
      for (let k = start; k < end; k++) {
        const idx = order[k];
        const x = z[idx];
        const y = ys[idx];
        const weight = ws[idx] * (y === 1 ? balance : 1);
        let logit = outputBias;
        const act = new Array<number>(h);
        if (h === 0) for (let i = 0; i < nf; i++) logit += output[i] * x[i];
        else
          for (let u = 0; u < h; u++) {
            let a = hiddenBias[u];
            for (let i = 0; i < nf; i++) a += hidden[u][i] * x[i];
            act[u] = Math.tanh(a);
            logit += output[u] * act[u];
          }
        const p = 1 / (1 + Math.exp(-logit));
        const d = (p - y) * weight;
        gOutBias += d;
        if (h === 0) for (let i = 0; i < nf; i++) gOut[i] += d * x[i];
        else
          for (let u = 0; u < h; u++) {
            gOut[u] += d * act[u];
            const back = d * output[u] * (1 - act[u] * act[u]);
            gHiddenBias[u] += back;
            for (let i = 0; i < nf; i++) gHidden[u][i] += back * x[i];
          }
      }
      const m = end - start;
      for (let i = 0; i < output.length; i++) output[i] -= lr * (gOut[i] / m + options.l2 * output[i]);
      outputBias -= (lr * gOutBias) / m;
      for (let u = 0; u < h; u++) {
        hiddenBias[u] -= (lr * gHiddenBias[u]) / m;
        for (let i = 0; i < nf; i++) hidden[u][i] -= lr * (gHidden[u][i] / m + options.l2 * hidden[u][i]);
      }
    }
  }
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    version: options.version,
    features: [...RANKING_FEATURES],
    mean: mean.map(round),
    std: std.map(round),
    hidden: hidden.map((row) => row.map(round)),
    hiddenBias: hiddenBias.map(round),
    output: output.map(round),
    outputBias: round(outputBias),
    threshold: 0.5,
  };
}

export interface RankingScore {
  sentences: number;
  rp5: number;
  rp10: number;
  mrr: number;
  /** Share of gold skills that are among the candidates at all (the re-ranker's ceiling). */
  candidateRecall: number;
}

/** Per-sentence RP@K (gold in top K ÷ min(K, gold count)) and MRR, averaged over sentences with gold. */
export function scoreRanking(
  lists: readonly TrainingList[],
  score: (x: Float32Array) => number,
): RankingScore {
  let rp5 = 0;
  let rp10 = 0;
  let mrr = 0;
  let found = 0;
  let gold = 0;
  let n = 0;
  for (const list of lists) {
    if (list.goldCount === 0) continue;
    n++;
    const order = list.candidates
      .map((c, j) => ({ s: score(c.features), p: list.positive[j] }))
      .sort((a, b) => b.s - a.s);
    const hitsAt = (k: number) => order.slice(0, k).filter((o) => o.p).length;
    rp5 += hitsAt(5) / Math.min(5, list.goldCount);
    rp10 += hitsAt(10) / Math.min(10, list.goldCount);
    const first = order.findIndex((o) => o.p);
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    found += list.positive.filter(Boolean).length;
    gold += list.goldCount;
  }
  return { sentences: n, rp5: rp5 / n, rp10: rp10 / n, mrr: mrr / n, candidateRecall: found / gold };
}

/** Micro precision/recall of the stored set (candidates `stored` accepts) over all sentences. */
export function scoreStored(
  lists: readonly TrainingList[],
  stored: (x: Float32Array) => boolean,
): { precision: number; recall: number; stored: number } {
  let tp = 0;
  let fp = 0;
  let gold = 0;
  for (const list of lists) {
    gold += list.goldCount;
    list.candidates.forEach((c, j) => {
      if (!stored(c.features)) return;
      if (list.positive[j]) tp++;
      else fp++;
    });
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: gold === 0 ? 1 : tp / gold,
    stored: tp + fp,
  };
}

/** The shipped stored-set decision (`isStored`) of a model. */
export const storedBy = (weights: RerankerWeights) => (x: Float32Array) =>
  isStored(weights, x, rerankerProbability(weights, x));

export const modelScore = (weights: RerankerWeights) => (x: Float32Array) => rerankerProbability(weights, x);
