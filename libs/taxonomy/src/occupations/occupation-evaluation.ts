import { OccupationRecord } from './occupation-record';

/**
 * Held-out titles from ESCO's own alternative labels: a seeded share of the distinct alternative
 * labels is taken out of the taxonomy (from every occupation that has it) and used as queries whose
 * answer is the occupations that had it. Labels equal to any preferred label are never held out
 * (they stay findable by name). The held-out labels split, seeded, into a validation half (tune on
 * it) and a test half (report on it).
 */
export interface HeldOutTitle {
  title: string;
  /** Ids of the occupations whose alternative labels held it. */
  gold: string[];
}

export interface OccupationHoldout {
  /** The taxonomy with the held-out labels removed: build the classifier from this. */
  occupations: OccupationRecord[];
  validation: HeldOutTitle[];
  test: HeldOutTitle[];
}

/** mulberry32: a small seeded generator, so that the split is the same on every machine. */
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

const key = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ');

export function holdOutAltLabels(
  occupations: readonly OccupationRecord[],
  share = 0.15,
  seed = 12,
): OccupationHoldout {
  const preferred = new Set(occupations.map((o) => key(o.label)));
  const owners = new Map<string, Set<string>>();
  for (const o of occupations) {
    for (const l of o.altLabels) {
      const k = key(l);
      if (!k || preferred.has(k)) continue;
      let set = owners.get(k);
      if (!set) owners.set(k, (set = new Set()));
      set.add(o.id);
    }
  }
  const labels = [...owners.keys()].sort();
  const random = seededRandom(seed);
  // Fisher–Yates, then the first `share` are held out.
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [labels[i], labels[j]] = [labels[j], labels[i]];
  }
  const heldOut = labels.slice(0, Math.round(labels.length * share));
  const held = new Set(heldOut);
  const reduced = occupations.map((o) => ({
    ...o,
    altLabels: o.altLabels.filter((l) => !held.has(key(l))),
    hiddenLabels: (o.hiddenLabels ?? []).filter((l) => !held.has(key(l))),
  }));
  const titles = heldOut.map((title) => ({ title, gold: [...owners.get(title)!].sort() }));
  const half = Math.floor(titles.length / 2);
  return { occupations: reduced, validation: titles.slice(0, half), test: titles.slice(half) };
}

export interface TitleScores {
  n: number;
  top1: number;
  top5: number;
  /** Mean reciprocal rank over the top 5 (0 when the answer is not in it). */
  mrr: number;
}

/** Top-1 / top-5 accuracy of a ranker over held-out titles: right when any gold occupation is there. */
export function scoreTitles(titles: readonly HeldOutTitle[], rank: (title: string) => string[]): TitleScores {
  let top1 = 0;
  let top5 = 0;
  let mrr = 0;
  for (const t of titles) {
    const ids = rank(t.title).slice(0, 5);
    const at = ids.findIndex((id) => t.gold.includes(id));
    if (at === 0) top1++;
    if (at >= 0) {
      top5++;
      mrr += 1 / (at + 1);
    }
  }
  const n = titles.length || 1;
  return { n: titles.length, top1: top1 / n, top5: top5 / n, mrr: mrr / n };
}

/**
 * The baseline the issue states (0.290 / 0.483): cosine of TF-IDF word vectors of the title with
 * each occupation's preferred and alternative labels as one document.
 */
export function tfIdfBaselineRanker(occupations: readonly OccupationRecord[]): (title: string) => string[] {
  const tokens = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const docs = occupations.map((o) => {
    const tf = new Map<string, number>();
    for (const l of [o.label, ...o.altLabels]) for (const w of tokens(l)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((1 + docs.length) / (1 + (df.get(w) ?? 0))) + 1;
  const vectors = docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of d) {
      const x = (1 + Math.log(c)) * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    for (const [w, x] of v) v.set(w, x / Math.sqrt(norm));
    return v;
  });
  const postings = new Map<string, [number, number][]>();
  vectors.forEach((v, i) => {
    for (const [w, x] of v) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      list.push([i, x]);
    }
  });
  return (title) => {
    const scores = new Map<number, number>();
    for (const w of new Set(tokens(title))) {
      for (const [i, x] of postings.get(w) ?? []) scores.set(i, (scores.get(i) ?? 0) + x * idf(w));
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5)
      .map(([i]) => occupations[i].id);
  };
}
