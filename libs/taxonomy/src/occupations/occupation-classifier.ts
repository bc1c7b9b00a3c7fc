import { normaliseWord } from '../text/skill-tokens';
import { stemWord } from '../text/word-stem';
import { normaliseJobTitle } from './job-title';
import { OccupationCandidate, OccupationRecord } from './occupation-record';

/**
 * Job titles → taxonomy occupations, from the taxonomy alone.
 *
 * Every label of every occupation (preferred, alternative, hidden) is a document in two TF-IDF
 * spaces: stemmed words with their bigrams, and character 3–5-grams of the label (which catch
 * compounds, spelling variants and words the stemmer leaves apart: "carer"/"care", "warehouseman"/
 * "warehouse"). A title scores each label by a blend of the two cosines, weighted by the label's kind;
 * an occupation takes its best label, plus a little of how well the title matches its description,
 * plus a share of the best score in its ISCO unit group (sibling occupations vouch for the domain),
 * plus a small prior for occupations ESCO gives many names (the common ones). The weights are tuned
 * on a validation half of held-out ESCO alternative labels (`scripts/bench/occupations.ts --tune`).
 */
export interface OccupationClassifierWeights {
  /** Share of the word cosine in a label's similarity (the rest is the character n-gram cosine). */
  wordShare: number;
  preferred: number;
  alternative: number;
  hidden: number;
  /** Added when the title's last word is the label's last word (the head noun of an English title). */
  headBonus: number;
  /** Weight of the title's word cosine with all the occupation's labels taken as one document. */
  document: number;
  /** Weight of the title's cosine with the occupation's description. */
  description: number;
  /**
   * Weight of the listing text's cosine with the occupation's description (listings only; titles
   * held out of ESCO have no text, so this one is set by hand, not tuned).
   */
  text: number;
  /** Share of the best score in the occupation's ISCO unit group added to its own. */
  group: number;
  /** Weight of log(1 + number of labels), normalised to 0–1 over the taxonomy. */
  prior: number;
  /** Weight of the advert's context words (places, specialties) relative to its role words. */
  context: number;
}

/**
 * Tuned by `node -r @swc-node/register scripts/bench/occupations.ts --tune` (coordinate search on the
 * validation half of held-out ESCO alternative labels only). The search set the head-word bonus and the
 * ISCO-group share to 0: on held-out labels they moved siblings up as often as the answer.
 */
export const DEFAULT_OCCUPATION_WEIGHTS: OccupationClassifierWeights = {
  wordShare: 0.2,
  preferred: 1,
  alternative: 0.95,
  hidden: 0.85,
  headBonus: 0,
  document: 1,
  description: 0.3,
  text: 0.8,
  group: 0,
  prior: 0.02,
  context: 0.3,
};

/** Most characters of listing text read for the description signal. */
const MAX_TEXT_CHARS = 20_000;

const enum LabelKind {
  Preferred = 0,
  Alternative = 1,
  Hidden = 2,
}

type SparseVector = Map<number, number>;

/**
 * A TF-IDF space with an inverted index over its documents, held in flat typed arrays (CSR by
 * feature): the whole of ESCO's labels in character n-grams is a few million postings, which as
 * per-document maps or per-feature JS arrays would cost the worker hundreds of megabytes.
 */
class TfIdfSpace {
  private readonly featureIds = new Map<string, number>();
  // Documents as added, flat (freed by finish()): features of document d are at docStart[d]…docStart[d+1].
  private docStart: number[] = [0];
  private docFeature: number[] = [];
  private docCount: number[] = [];
  private postingsStart = new Int32Array(1);
  private postingsDoc = new Int32Array(0);
  private postingsWeight = new Float32Array(0);
  private idf = new Float32Array(0);

  constructor(private readonly featurise: (text: string) => Map<string, number>) {}

  add(text: string): void {
    for (const [feature, count] of this.featurise(text)) {
      let id = this.featureIds.get(feature);
      if (id === undefined) {
        id = this.featureIds.size;
        this.featureIds.set(feature, id);
      }
      this.docFeature.push(id);
      this.docCount.push(count);
    }
    this.docStart.push(this.docFeature.length);
  }

  /** Computes IDF, document weights and the inverted index; frees the documents as added. */
  finish(): void {
    const nDocs = this.docStart.length - 1;
    const nFeatures = this.featureIds.size;
    const df = new Int32Array(nFeatures);
    for (const id of this.docFeature) df[id]++;
    this.idf = new Float32Array(nFeatures);
    for (let i = 0; i < nFeatures; i++) this.idf[i] = Math.log((1 + nDocs) / (1 + df[i])) + 1;
    const start = new Int32Array(nFeatures + 1);
    for (let i = 0; i < nFeatures; i++) start[i + 1] = start[i] + df[i];
    const next = start.slice(0, nFeatures);
    const docs = new Int32Array(this.docFeature.length);
    const weights = new Float32Array(this.docFeature.length);
    for (let d = 0; d < nDocs; d++) {
      const a = this.docStart[d];
      const b = this.docStart[d + 1];
      let norm = 0;
      for (let i = a; i < b; i++) {
        const w = (1 + Math.log(this.docCount[i])) * this.idf[this.docFeature[i]];
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (let i = a; i < b; i++) {
        const id = this.docFeature[i];
        const at = next[id]++;
        docs[at] = d;
        weights[at] = ((1 + Math.log(this.docCount[i])) * this.idf[id]) / norm;
      }
    }
    this.postingsStart = start;
    this.postingsDoc = docs;
    this.postingsWeight = weights;
    this.docStart = [0];
    this.docFeature = [];
    this.docCount = [];
  }

  /** The L2-normalised TF-IDF vector of a text over known features (unknown ones are dropped). */
  vector(text: string): SparseVector {
    const v: SparseVector = new Map();
    let norm = 0;
    for (const [feature, count] of this.featurise(text)) {
      const id = this.featureIds.get(feature);
      if (id === undefined) continue;
      const w = (1 + Math.log(count)) * this.idf[id];
      v.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [id, w] of v) v.set(id, w / norm);
    return v;
  }

  /** Adds `scale` × cosine(query, doc) into `into[doc]` for every document sharing a feature. */
  accumulate(query: SparseVector, scale: number, into: Float32Array): void {
    const docs = this.postingsDoc;
    const weights = this.postingsWeight;
    for (const [id, qw] of query) {
      const s = qw * scale;
      for (let i = this.postingsStart[id], end = this.postingsStart[id + 1]; i < end; i++)
        into[docs[i]] += s * weights[i];
    }
  }
}

/** Stemmed words of a text (letters and digits; everything else separates). */
export function titleWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#']*/gu) ?? [];
  return words.map((w) => stemWord(normaliseWord(w))).filter((w) => w.length > 0);
}

const STOP = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'in', 'for', 'to', 'with', 'on', 'at', 'by']);

function wordFeatures(text: string): Map<string, number> {
  const words = titleWords(text).filter((w) => !STOP.has(w));
  const out = new Map<string, number>();
  const bump = (f: string) => out.set(f, (out.get(f) ?? 0) + 1);
  words.forEach((w, i) => {
    bump(w);
    if (i > 0) bump(`${words[i - 1]}_${w}`);
  });
  return out;
}

function charFeatures(text: string): Map<string, number> {
  const s = ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim()} `;
  const out = new Map<string, number>();
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= s.length; i++) {
      const g = s.slice(i, i + n);
      if (g.trim().length === 0) continue;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}

function descriptionFeatures(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of titleWords(text)) if (!STOP.has(w) && w.length > 2) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

export interface ClassifyOptions {
  /** How many occupations to return (default 5). */
  limit?: number;
  /** The listing's text (description), read for a lighter second signal. */
  text?: string | null;
}

export class OccupationClassifier {
  private readonly words = new TfIdfSpace(wordFeatures);
  private readonly chars = new TfIdfSpace(charFeatures);
  private readonly descriptions = new TfIdfSpace(descriptionFeatures);
  private readonly documents = new TfIdfSpace(wordFeatures);
  private readonly labelOccupation: number[] = [];
  private readonly labelKind: LabelKind[] = [];
  private readonly labelHead: string[] = [];
  private readonly occupationGroup: number[] = [];
  private readonly groupMembers: number[][] = [];
  private readonly prior: Float32Array;
  private readonly hasDescription: boolean[] = [];

  constructor(
    private readonly occupations: readonly OccupationRecord[],
    public weights: OccupationClassifierWeights = DEFAULT_OCCUPATION_WEIGHTS,
  ) {
    const groups = new Map<string, number>();
    let maxLabels = 1;
    occupations.forEach((o, occ) => {
      const seen = new Set<string>();
      const addLabel = (label: string, kind: LabelKind) => {
        const key = label.trim().toLowerCase();
        if (!key || seen.has(key)) return;
        seen.add(key);
        this.words.add(key);
        this.chars.add(key);
        this.labelOccupation.push(occ);
        this.labelKind.push(kind);
        const words = titleWords(key);
        this.labelHead.push(words[words.length - 1] ?? '');
      };
      addLabel(o.label, LabelKind.Preferred);
      for (const l of o.altLabels) addLabel(l, LabelKind.Alternative);
      for (const l of o.hiddenLabels ?? []) addLabel(l, LabelKind.Hidden);
      maxLabels = Math.max(maxLabels, seen.size);
      this.documents.add([...seen].join(' \n '));
      this.descriptions.add(o.description ?? '');
      this.hasDescription.push(Boolean(o.description));
      const group = (o.iscoGroup ?? '').slice(0, 4) || `none:${occ}`;
      let g = groups.get(group);
      if (g === undefined) {
        g = this.groupMembers.length;
        groups.set(group, g);
        this.groupMembers.push([]);
      }
      this.groupMembers[g].push(occ);
      this.occupationGroup.push(g);
    });
    this.words.finish();
    this.chars.finish();
    this.descriptions.finish();
    this.documents.finish();
    const labelsPer = new Float32Array(occupations.length);
    for (const occ of this.labelOccupation) labelsPer[occ]++;
    this.prior = labelsPer.map((n) => Math.log1p(n) / Math.log1p(maxLabels));
  }

  get size(): number {
    return this.occupations.length;
  }

  /** The best occupations for a job title as an advert writes it, best first. */
  classify(title: string, options: ClassifyOptions = {}): OccupationCandidate[] {
    const limit = Math.max(0, Math.floor(options.limit ?? 5));
    const normalised = normaliseJobTitle(title ?? '');
    if (!normalised.role || limit === 0) return [];
    const text = options.text?.trim() ? options.text : null;
    const scores = this.score(normalised.role, normalised.context, text);
    return this.top(scores, limit, text !== null);
  }

  private score(role: string, context: string, text: string | null): Float32Array {
    const w = this.weights;
    const nLabels = this.labelOccupation.length;
    const labelScores = new Float32Array(nLabels);
    this.words.accumulate(this.words.vector(role), w.wordShare, labelScores);
    this.chars.accumulate(this.chars.vector(role), 1 - w.wordShare, labelScores);
    if (context && w.context > 0) {
      this.words.accumulate(this.words.vector(context), w.wordShare * w.context, labelScores);
    }
    const roleWords = titleWords(role);
    const head = roleWords[roleWords.length - 1] ?? '';
    const kindWeight = [w.preferred, w.alternative, w.hidden];

    const n = this.occupations.length;
    const best = new Float32Array(n);
    for (let l = 0; l < nLabels; l++) {
      const s = labelScores[l];
      if (s <= 0) continue;
      const value =
        kindWeight[this.labelKind[l]] * s + (head && this.labelHead[l] === head ? w.headBonus : 0);
      const occ = this.labelOccupation[l];
      if (value > best[occ]) best[occ] = value;
    }

    const scores = new Float32Array(n);
    if (w.description > 0) {
      this.descriptions.accumulate(this.descriptions.vector(`${role} ${context}`), w.description, scores);
    }
    if (text && w.text > 0) {
      this.descriptions.accumulate(this.descriptions.vector(text.slice(0, MAX_TEXT_CHARS)), w.text, scores);
    }
    if (w.document > 0) this.documents.accumulate(this.documents.vector(role), w.document, scores);
    const groupBest = new Float32Array(this.groupMembers.length);
    for (let o = 0; o < n; o++) {
      const g = this.occupationGroup[o];
      if (best[o] > groupBest[g]) groupBest[g] = best[o];
    }
    for (let o = 0; o < n; o++) {
      if (best[o] <= 0 && scores[o] <= 0) continue;
      scores[o] += best[o] + w.group * groupBest[this.occupationGroup[o]] + w.prior * this.prior[o];
    }
    return scores;
  }

  private top(scores: Float32Array, limit: number, withText: boolean): OccupationCandidate[] {
    const heap: number[] = [];
    for (let o = 0; o < scores.length; o++) {
      if (scores[o] <= 0) continue;
      if (heap.length < limit) {
        heap.push(o);
        heap.sort((a, b) => scores[b] - scores[a] || a - b);
      } else if (scores[o] > scores[heap[heap.length - 1]]) {
        heap[heap.length - 1] = o;
        heap.sort((a, b) => scores[b] - scores[a] || a - b);
      }
    }
    // The most a perfect match could score with the signals used: a score is a share of it.
    const w = this.weights;
    const max = 1 + w.headBonus + w.document + w.description + w.group + w.prior + (withText ? w.text : 0);
    return heap.map((o) => ({
      id: this.occupations[o].id,
      uri: this.occupations[o].uri ?? null,
      label: this.occupations[o].label,
      score: Math.round(Math.min(1, scores[o] / max) * 1000) / 1000,
    }));
  }
}
