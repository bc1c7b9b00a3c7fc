import { createHash } from 'crypto';
import { SkillExtractor } from '../skill-extractor';
import { htmlToText } from '../../text/html-text';
import { LexicalIndex, contentTerms } from './lexical-index';
import { RankingTaxonomy } from './ranking-taxonomy';
import { RANKING_FEATURES, RerankerWeights, rerankerProbability } from './reranker-model';
import { SentenceEncoder } from './sentence-encoder';
import { SkillVectorSet, VectorKind } from './skill-vector-set';
import { DotProductMatrix } from './tensor-math';

/** A taxonomy skill ranked for a sentence or text: `score` is the re-ranker's probability (0..1). */
export interface RankedSkill {
  id: string;
  uri: string;
  label: string;
  score: number;
  /** The rule matcher names it in the text (its phrasing is a label of the skill). */
  rule: boolean;
}

/** The listing's occupation, as the skill ids it requires: a sense filter and a prior. */
export interface OccupationContext {
  essential: ReadonlySet<string>;
  optional?: ReadonlySet<string>;
}

export interface RankOptions {
  /** How many skills per sentence, best first. */
  k: number;
  occupation?: OccupationContext;
}

/** One candidate with its features (training and diagnostics). */
export interface RankingCandidate {
  skill: number;
  features: Float32Array;
}

export interface RankedSkillExtractorParts {
  taxonomy: RankingTaxonomy;
  /** The taxonomy's stored vectors (same taxonomy version and encoder id). */
  vectors: SkillVectorSet;
  encoder: SentenceEncoder;
  weights: RerankerWeights;
  /** The rule matcher over the same skills (built from the taxonomy when absent). */
  rules?: SkillExtractor;
}

export class SkillVectorMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SkillVectorMismatchError';
  }
}

/** A sentence is cut to this many characters; a text to MAX_TEXT_CHARS, split into at most MAX_SENTENCES. */
export const MAX_SENTENCE_CHARS = 1_000;
export const MAX_TEXT_CHARS = 50_000;
export const MAX_SENTENCES = 400;

// Candidates per sentence from each source, before re-ranking.
const TOP_SEMANTIC = 50;
const TOP_DESCRIPTION = 15;
const TOP_LEXICAL = 30;
const BATCH = 64;

const F = Object.fromEntries(RANKING_FEATURES.map((name, i) => [name, i])) as Record<
  (typeof RANKING_FEATURES)[number],
  number
>;

/**
 * Ranks every taxonomy skill for a sentence by combining signals, then scores the best candidates
 * with a small trained re-ranker (see `scripts/train/skill-reranker.ts`):
 * - the rule matcher's hits (a label written in the text: precise);
 * - encoder similarity of the sentence to the skill's preferred label, to each label (max pooling),
 *   to the mean of its labels (mean pooling), and to its description;
 * - lexical overlap (BM25 over labels, share of a label's words present);
 * - a prior: how many occupations require the skill;
 * - sense: how close the sentence is to the skill's broader groups compared with the closest group
 *   of all (so "debug the Rust services" does not become "remove rust from motor vehicles"), and
 *   the listing's occupation when known.
 * Vectors of the taxonomy come precomputed (`SkillVectorSet`); only sentences are encoded.
 */
export class RankedSkillExtractor {
  readonly revision: string;
  readonly threshold: number;
  private readonly taxonomy: RankingTaxonomy;
  private readonly encoder: SentenceEncoder;
  private readonly weights: RerankerWeights;
  private readonly rules: SkillExtractor;
  private readonly lexical: LexicalIndex;
  private readonly matrix: DotProductMatrix;
  private readonly indexById = new Map<string, number>();
  /** Per skill: its label vectors (rows of the int8 set), for max pooling. */
  private readonly labelRows: Int32Array[];
  private readonly groupsOf: Int32Array[];
  private readonly hasDescription: Uint8Array;
  private readonly prior: Float32Array;
  private readonly shortLabel: Uint8Array;
  private readonly n: number;
  private readonly groupCount: number;

  private constructor(
    parts: RankedSkillExtractorParts,
    matrix: DotProductMatrix,
    labelRows: Int32Array[],
    groupsOf: Int32Array[],
    hasDescription: Uint8Array,
  ) {
    this.taxonomy = parts.taxonomy;
    this.encoder = parts.encoder;
    this.weights = parts.weights;
    this.threshold = parts.weights.threshold;
    this.matrix = matrix;
    this.labelRows = labelRows;
    this.groupsOf = groupsOf;
    this.hasDescription = hasDescription;
    const skills = parts.taxonomy.skills;
    this.n = skills.length;
    this.groupCount = parts.taxonomy.groups.length;
    skills.forEach((s, i) => this.indexById.set(s.id, i));
    this.rules =
      parts.rules ??
      new SkillExtractor(
        skills.map((s) => ({ id: s.id, uri: s.uri, label: s.label, altLabels: s.altLabels })),
      );
    this.lexical = new LexicalIndex(skills.map((s) => [s.label, ...s.altLabels, ...(s.hiddenLabels ?? [])]));
    const maxPopularity = Math.max(1, ...skills.map((s) => s.popularity ?? 0));
    this.prior = Float32Array.from(skills, (s) => Math.log1p(s.popularity ?? 0) / Math.log1p(maxPopularity));
    this.shortLabel = Uint8Array.from(skills, (s) => (contentTerms(s.label).length <= 1 ? 1 : 0));
    this.revision = `ranked-${createHash('sha256')
      .update(
        JSON.stringify([
          this.rules.revision,
          parts.encoder.id,
          parts.taxonomy.version,
          parts.weights.version,
        ]),
      )
      .digest('hex')
      .slice(0, 12)}`;
    this.vectors = parts.vectors;
  }

  private readonly vectors: SkillVectorSet;

  /** Checks the parts agree (taxonomy version, encoder, skills) and loads the vectors into the runtime. */
  static async create(parts: RankedSkillExtractorParts): Promise<RankedSkillExtractor> {
    const { taxonomy, vectors, encoder, weights } = parts;
    if (vectors.taxonomyVersion !== taxonomy.version)
      throw new SkillVectorMismatchError(
        `skill vectors are for taxonomy ${vectors.taxonomyVersion}, not ${taxonomy.version}: rebuild them (cli skills:vectors)`,
      );
    if (vectors.encoderId !== encoder.id)
      throw new SkillVectorMismatchError(
        `skill vectors come from encoder ${vectors.encoderId}, not ${encoder.id}: rebuild them (cli skills:vectors)`,
      );
    const missing = RANKING_FEATURES.filter((f, i) => weights.features[i] !== f);
    if (weights.features.length !== RANKING_FEATURES.length || missing.length > 0)
      throw new SkillVectorMismatchError(
        `re-ranker weights ${weights.version} were trained on other features`,
      );
    const d = vectors.dimensions;
    const n = taxonomy.skills.length;
    const g = taxonomy.groups.length;
    const skillByUri = new Map(taxonomy.skills.map((s, i) => [s.uri, i]));
    const groupByUri = new Map(taxonomy.groups.map((gr, i) => [gr.uri, i]));
    // Rows: preferred [0, n), label mean [n, 2n), description [2n, 3n), groups [3n, 3n + g).
    const rows = new Float32Array((3 * n + g) * d);
    const labelLists: number[][] = taxonomy.skills.map(() => []);
    const labelCount = new Uint16Array(n);
    const hasDescription = new Uint8Array(n);
    for (let r = 0; r < vectors.owner.length; r++) {
      const key = vectors.keys[vectors.owner[r]];
      const kind = vectors.kind[r] as VectorKind;
      const scale = vectors.scale[r];
      const base = r * d;
      let target = -1;
      if (kind === VectorKind.Group) {
        const gi = groupByUri.get(key);
        if (gi !== undefined) target = 3 * n + gi;
      } else {
        const si = skillByUri.get(key);
        if (si === undefined) continue;
        if (kind === VectorKind.Description) {
          target = 2 * n + si;
          hasDescription[si] = 1;
        } else {
          labelLists[si].push(r);
          labelCount[si]++;
          const mean = (n + si) * d;
          for (let j = 0; j < d; j++) rows[mean + j] += vectors.data[base + j] * scale;
          if (kind === VectorKind.Preferred) target = si;
        }
      }
      if (target >= 0) for (let j = 0; j < d; j++) rows[target * d + j] = vectors.data[base + j] * scale;
    }
    for (let si = 0; si < n; si++) normaliseRow(rows, (n + si) * d, d);
    const groupsOf = taxonomy.skills.map((s) =>
      Int32Array.from((s.groups ?? []).map((u) => groupByUri.get(u) ?? -1).filter((i) => i >= 0)),
    );
    const matrix = await DotProductMatrix.create(rows, 3 * n + g, d);
    return new RankedSkillExtractor(
      parts,
      matrix,
      labelLists.map((l) => Int32Array.from(l)),
      groupsOf,
      hasDescription,
    );
  }

  get size(): number {
    return this.n;
  }

  /** For each sentence, the `k` best taxonomy skills, best first, whatever the threshold. */
  async rank(sentences: readonly string[], options: RankOptions): Promise<RankedSkill[][]> {
    const candidates = await this.candidates(sentences, options.occupation);
    return candidates.map((list) => this.score(list).slice(0, Math.max(0, options.k)));
  }

  /** For each sentence, the skills that would be stored: score ≥ threshold, best first. */
  async extract(sentences: readonly string[], occupation?: OccupationContext): Promise<RankedSkill[][]> {
    const candidates = await this.candidates(sentences, occupation);
    return candidates.map((list) => this.score(list).filter((s) => s.score >= this.threshold));
  }

  /**
   * A whole text (HTML allowed): split into sentences, each ranked, and each skill's best score
   * kept. `k` limits the result (default: the stored set, score ≥ threshold).
   */
  async rankText(text: string, options: Partial<RankOptions> = {}): Promise<RankedSkill[]> {
    const sentences = splitSentences(text);
    const ranked = await this.rank(sentences, {
      k: Math.max(options.k ?? 0, 20),
      occupation: options.occupation,
    });
    const best = new Map<string, RankedSkill>();
    for (const list of ranked)
      for (const s of list) {
        const seen = best.get(s.id);
        if (!seen || s.score > seen.score) best.set(s.id, { ...s, rule: s.rule || (seen?.rule ?? false) });
      }
    const all = [...best.values()].sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
    return options.k === undefined ? all.filter((s) => s.score >= this.threshold) : all.slice(0, options.k);
  }

  /** The re-ranker's candidates with their features, per sentence (used by training too). */
  async candidates(
    sentences: readonly string[],
    occupation?: OccupationContext,
  ): Promise<RankingCandidate[][]> {
    const out: RankingCandidate[][] = [];
    for (let i = 0; i < sentences.length; i += BATCH) {
      const batch = sentences.slice(i, i + BATCH).map((s) => s.slice(0, MAX_SENTENCE_CHARS));
      const vectors = await this.encoder.encode(batch);
      const sims = this.matrix.similarities(vectors);
      const width = this.matrix.rows;
      batch.forEach((sentence, b) =>
        out.push(
          this.sentenceCandidates(
            sentence,
            vectors[b],
            sims.subarray(b * width, (b + 1) * width),
            occupation,
          ),
        ),
      );
    }
    return out;
  }

  private score(candidates: RankingCandidate[]): RankedSkill[] {
    const skills = this.taxonomy.skills;
    return candidates
      .map((c) => {
        const s = skills[c.skill];
        return {
          id: s.id,
          uri: s.uri,
          label: s.label,
          score: rerankerProbability(this.weights, c.features),
          rule: c.features[F.rule] === 1,
        };
      })
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  }

  private sentenceCandidates(
    sentence: string,
    vector: Float32Array,
    sims: Float32Array,
    occupation: OccupationContext | undefined,
  ): RankingCandidate[] {
    const n = this.n;
    const chosen = new Set<number>();
    const ruleHits = new Set<number>();
    for (const hit of this.rules.extractDistinct(sentence)) {
      const i = this.indexById.get(hit.id);
      if (i !== undefined) {
        ruleHits.add(i);
        chosen.add(i);
      }
    }
    const semantic = new Float32Array(n);
    for (let i = 0; i < n; i++) semantic[i] = Math.max(sims[i], sims[n + i]);
    for (const i of topIndices(semantic, TOP_SEMANTIC)) chosen.add(i);
    const description = new Float32Array(n);
    for (let i = 0; i < n; i++) description[i] = this.hasDescription[i] ? sims[2 * n + i] : -1;
    for (const i of topIndices(description, TOP_DESCRIPTION)) chosen.add(i);
    const lexical = this.lexical.score(sentence);
    const byBm25 = [...lexical.bm25].sort((a, b) => b[1] - a[1]);
    for (const [i] of byBm25.slice(0, TOP_LEXICAL)) chosen.add(i);
    const bestBm25 = byBm25.length > 0 ? byBm25[0][1] : 1;
    let bestGroup = -1;
    for (let gi = 0; gi < this.groupCount; gi++) bestGroup = Math.max(bestGroup, sims[3 * n + gi]);

    const list = [...chosen];
    const labelMax = list.map((i) => this.labelMax(i, vector));
    const bestLabel = Math.max(...labelMax, -1);
    const order = list.map((_, j) => j).sort((a, b) => labelMax[b] - labelMax[a]);
    const rankOf = new Int32Array(list.length);
    order.forEach((j, r) => (rankOf[j] = r));
    return list.map((i, j) => {
      const x = new Float32Array(RANKING_FEATURES.length);
      x[F.rule] = ruleHits.has(i) ? 1 : 0;
      x[F.cosPreferred] = sims[i];
      x[F.cosLabelMax] = labelMax[j];
      x[F.cosLabelMean] = sims[n + i];
      x[F.cosDescription] = this.hasDescription[i] ? sims[2 * n + i] : 0;
      // A skill with no known group is neither helped nor hurt by the sense features.
      let group = bestGroup;
      const groups = this.groupsOf[i];
      if (groups.length > 0) {
        group = -1;
        for (const gi of groups) group = Math.max(group, sims[3 * n + gi]);
      }
      x[F.cosGroup] = group;
      x[F.groupMargin] = group - bestGroup;
      x[F.bm25] = (lexical.bm25.get(i) ?? 0) / (bestBm25 || 1);
      x[F.coverage] = lexical.coverage.get(i) ?? 0;
      x[F.prior] = this.prior[i];
      x[F.labelGap] = labelMax[j] - bestLabel;
      x[F.labelRank] = 1 / (1 + rankOf[j]);
      x[F.shortLabel] = this.shortLabel[i];
      const id = this.taxonomy.skills[i].id;
      x[F.occupation] = occupation?.essential.has(id) ? 1 : occupation?.optional?.has(id) ? 0.5 : 0;
      return { skill: i, features: x };
    });
  }

  /** Max-pooled cosine of the sentence with the skill's label vectors (int8 rows × scale). */
  private labelMax(skill: number, v: Float32Array): number {
    const { data, scale, dimensions: d } = this.vectors;
    let best = -1;
    for (const r of this.labelRows[skill]) {
      let dot = 0;
      const base = r * d;
      for (let j = 0; j < d; j++) dot += data[base + j] * v[j];
      dot *= scale[r];
      if (dot > best) best = dot;
    }
    return best;
  }

  dispose(): void {
    this.matrix.dispose();
  }
}

function normaliseRow(rows: Float32Array, offset: number, d: number): void {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += rows[offset + j] * rows[offset + j];
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let j = 0; j < d; j++) rows[offset + j] /= norm;
}

/** Indices of the `k` largest values, largest first. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const heap: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      if (heap.length === k) heap.sort((a, b) => values[a] - values[b]);
    } else if (values[i] > values[heap[0]]) {
      heap[0] = i;
      // One insertion pass keeps the smallest first (k is small).
      for (let j = 0; j + 1 < heap.length && values[heap[j]] > values[heap[j + 1]]; j++)
        [heap[j], heap[j + 1]] = [heap[j + 1], heap[j]];
    }
  }
  return heap.sort((a, b) => values[b] - values[a]);
}

/**
 * Sentences of a text (HTML allowed) for ranking: split at sentence ends, line breaks, bullets, list
 * items and runs of spaces (block elements become those),
 * at most MAX_SENTENCES of at most MAX_SENTENCE_CHARS from the first MAX_TEXT_CHARS characters.
 */
export function splitSentences(text: string): string[] {
  const plain = htmlToText(text.slice(0, MAX_TEXT_CHARS));
  const out: string[] = [];
  for (const piece of plain.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])|\n+|\s*[•·▪●◦*]\s+|;\s+|\s{2,}/)) {
    const s = piece.trim();
    if (s.length === 0 || !/[A-Za-z]/.test(s)) continue;
    for (let i = 0; i < s.length && out.length < MAX_SENTENCES; i += MAX_SENTENCE_CHARS)
      out.push(s.slice(i, i + MAX_SENTENCE_CHARS));
    if (out.length >= MAX_SENTENCES) break;
  }
  return out;
}
