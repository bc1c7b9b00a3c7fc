import { createHash } from 'crypto';
import { SkillExtractor } from '../skill-extractor';
import { htmlToText } from '../../text/html-text';
import { LexicalIndex, contentTerms } from './lexical-index';
import { RankingSkill, RankingTaxonomy } from './ranking-taxonomy';
import {
  RANKING_FEATURES,
  RerankerWeights,
  STORED_DECISION,
  isStored,
  mentionLogit,
  rerankerProbability,
} from './reranker-model';
import { SentenceEncoder, yieldToEventLoop } from './sentence-encoder';
import { SkillVectorSet, VectorKind } from './skill-vector-set';
import { DotProductMatrix } from './tensor-math';
import { VectorProjection, principalProjection, project, projectRows } from './vector-projection';

/** A taxonomy skill ranked for a sentence or text: `score` is the re-ranker's probability (0..1). */
export interface RankedSkill {
  id: string;
  uri: string;
  label: string;
  score: number;
  /** The rule matcher names it in the text (its phrasing is a label of the skill). */
  rule: boolean;
  /** It is in the stored set of its sentence (`isStored`: the threshold, or the mention gate for a rule match). */
  stored: boolean;
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
/**
 * Sentences compared with the taxonomy at a time. Small: each batch's product is read back as
 * batch × 3 × skills floats (10.7 MB at 64 for ESCO), garbage that piled up outside the heap.
 */
const BATCH = 16;
/**
 * Sentences given to the encoder in one call (2 KB of vector each, held until compared). The encoder
 * sorts a call's texts by length into its batches, and a batch costs as much as its longest text:
 * 16 sentences in text order took ~18 ms a sentence, a whole enrichment batch ~13–15 ms (a vector
 * does not depend on the batch it is encoded in: bit for bit the same).
 */
const ENCODE_AHEAD = 2048;

/**
 * Pre-selection over the whole taxonomy, before exact scoring: sentence and skill vectors projected
 * onto the skill vectors' top principal directions give an approximate cosine (a product ~4× cheaper
 * than the full one, over a matrix ~4× smaller); the best PRESELECT_SEMANTIC skills by label and
 * PRESELECT_DESCRIPTION by description are then scored exactly from the stored int8 vectors, and the
 * top TOP_SEMANTIC / TOP_DESCRIPTION of those become candidates. Against the exact full product
 * (2026-12-07): the top 10 of all 178 Decorte validation sentences came out in the same order, and
 * over 300 SkillSpan dev sentences 4 of 15,000 exact top-50 label skills and 1 of 4,500 top-15
 * description skills fell outside the pools (100 / 30 missed 23 and 16). The projection is derived
 * from the stored vectors at load (a few seconds), not stored.
 */
export const PROJECTION_DIMENSIONS = 128;
const PRESELECT_SEMANTIC = 150;
const PRESELECT_DESCRIPTION = 50;

/** Distinct sentences whose storable candidates `extract` remembers (adverts repeat sentences). */
const RESULT_CACHE_SENTENCES = 50_000;

const F = Object.fromEntries(RANKING_FEATURES.map((name, i) => [name, i])) as Record<
  (typeof RANKING_FEATURES)[number],
  number
>;

/** Exact similarities of one sentence with one skill (from the stored int8 vectors). */
interface SkillSims {
  preferred: number;
  labelMax: number;
  labelMean: number;
  /** -1 when the skill has no description vector. */
  description: number;
}

/** The listing's occupation per sentence, or one for all of them. */
export type SentenceOccupations = OccupationContext | readonly (OccupationContext | undefined)[] | undefined;

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
 * Vectors of the taxonomy come precomputed (`SkillVectorSet`); only sentences are encoded. The whole
 * taxonomy is searched through a low-dimensional projection, and only pre-selected skills are scored
 * exactly (see PROJECTION_DIMENSIONS). `extract` remembers, per distinct sentence, the candidates
 * that could reach the threshold, so a sentence seen before (boilerplate) costs a hash look-up.
 */
export class RankedSkillExtractor {
  readonly revision: string;
  readonly threshold: number;
  /** What ranking answers with, per skill: labels and groups were needed only to build the parts. */
  private readonly skills: readonly Pick<RankingSkill, 'id' | 'uri' | 'label'>[];
  private readonly encoder: SentenceEncoder;
  private readonly weights: RerankerWeights;
  private readonly rules: SkillExtractor;
  private readonly lexical: LexicalIndex;
  private readonly indexById = new Map<string, number>();
  private readonly prior: Float32Array;
  private readonly shortLabel: Uint8Array;
  private readonly n: number;
  private readonly groupCount: number;
  /** Sentence hash → candidates that may be stored (features with occupation 0). */
  private readonly resultCache = new Map<string, RankingCandidate[]>();
  /** Whether a candidate (occupation feature 0) may be stored under some occupation; undefined: no cache. */
  private readonly mayBeStored: ((features: Float32Array) => boolean) | undefined;
  private readonly scratchSemantic: Float32Array;
  private readonly scratchDescription: Float32Array;

  private constructor(
    parts: RankedSkillExtractorParts,
    private readonly index: SkillVectorIndex,
  ) {
    this.skills = parts.taxonomy.skills.map((s) => ({ id: s.id, uri: s.uri, label: s.label }));
    this.encoder = parts.encoder;
    this.weights = parts.weights;
    this.threshold = parts.weights.threshold;
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
    this.mayBeStored = storableFilter(parts.weights);
    this.scratchSemantic = new Float32Array(this.n);
    this.scratchDescription = new Float32Array(this.n);
    this.revision = `ranked-${createHash('sha256')
      .update(
        JSON.stringify([
          this.rules.revision,
          parts.encoder.id,
          parts.taxonomy.version,
          parts.weights.version,
          parts.weights.mention
            ? [STORED_DECISION, parts.weights.mention.version, parts.weights.mention.threshold]
            : null,
          `preselect-pca${PROJECTION_DIMENSIONS}-${PRESELECT_SEMANTIC}-${PRESELECT_DESCRIPTION}`,
        ]),
      )
      .digest('hex')
      .slice(0, 12)}`;
  }

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
    return new RankedSkillExtractor(parts, await SkillVectorIndex.create(taxonomy, vectors));
  }

  get size(): number {
    return this.n;
  }

  /** For each sentence, the `k` best taxonomy skills, best first, whatever the threshold. */
  async rank(sentences: readonly string[], options: RankOptions): Promise<RankedSkill[][]> {
    const candidates = await this.candidates(sentences, options.occupation);
    return candidates.map((list) => this.score(list).slice(0, Math.max(0, options.k)));
  }

  /**
   * For each sentence, the skills that would be stored (`isStored`), best first. `occupation`
   * is one for all sentences or one per sentence (listings of different occupations in one call:
   * their sentences share the encoder batches and the sentence cache).
   */
  async extract(sentences: readonly string[], occupation?: SentenceOccupations): Promise<RankedSkill[][]> {
    const occupationOf = occupationLookup(occupation);
    const mayBeStored = this.mayBeStored;
    if (mayBeStored === undefined) {
      const candidates = await this.candidates(sentences, occupation);
      return candidates.map((list) => this.score(list).filter((s) => s.stored));
    }
    const cut = sentences.map((s) => s.slice(0, MAX_SENTENCE_CHARS));
    const keys = cut.map(resultKey);
    const known = new Map<string, RankingCandidate[]>();
    const toRank: string[] = [];
    const toRankKeys: string[] = [];
    cut.forEach((sentence, i) => {
      const key = keys[i];
      if (known.has(key)) return;
      const cached = this.resultCache.get(key);
      if (cached) {
        this.resultCache.delete(key);
        this.resultCache.set(key, cached);
        known.set(key, cached);
      } else {
        known.set(key, []);
        toRank.push(sentence);
        toRankKeys.push(key);
      }
    });
    // Each new sentence's candidates are cut to the storable ones as soon as they are made: holding
    // every candidate of a 500-listing batch (~25 KB a sentence), then a copy, was ~50 MB of heap.
    await this.rankDistinct(toRank, (j, list) => {
      const storable = list.filter((c) => mayBeStored(c.features));
      known.set(toRankKeys[j], storable);
      this.resultCache.set(toRankKeys[j], storable);
      if (this.resultCache.size > RESULT_CACHE_SENTENCES)
        this.resultCache.delete(this.resultCache.keys().next().value as string);
    });
    return keys.map((key, i) => {
      const context = occupationOf(i);
      const list = known.get(key)!.map((c) => {
        const features = c.features.slice();
        features[F.occupation] = this.occupationFeature(c.skill, context);
        return { skill: c.skill, features };
      });
      return this.score(list).filter((s) => s.stored);
    });
  }

  /**
   * A whole text (HTML allowed): split into sentences, each ranked, and each skill's best score
   * kept. `k` limits the result; without it, the stored set: the skills stored for some sentence
   * (as `extract` decides), each with its best score.
   */
  async rankText(text: string, options: Partial<RankOptions> = {}): Promise<RankedSkill[]> {
    const sentences = splitSentences(text);
    const ranked =
      options.k === undefined
        ? await this.extract(sentences, options.occupation)
        : await this.rank(sentences, { k: Math.max(options.k, 20), occupation: options.occupation });
    const best = new Map<string, RankedSkill>();
    for (const list of ranked)
      for (const s of list) {
        const seen = best.get(s.id);
        const top = !seen || s.score > seen.score ? s : seen;
        best.set(s.id, { ...top, rule: s.rule || !!seen?.rule, stored: s.stored || !!seen?.stored });
      }
    const all = [...best.values()].sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
    return options.k === undefined ? all : all.slice(0, options.k);
  }

  /**
   * The re-ranker's candidates with their features, per sentence (used by training too). A sentence
   * repeated in the call is ranked once.
   */
  async candidates(
    sentences: readonly string[],
    occupation?: SentenceOccupations,
  ): Promise<RankingCandidate[][]> {
    const occupationOf = occupationLookup(occupation);
    const cut = sentences.map((s) => s.slice(0, MAX_SENTENCE_CHARS));
    const firstOf = new Map<string, number>();
    const unique: string[] = [];
    for (const s of cut)
      if (!firstOf.has(s)) {
        firstOf.set(s, unique.length);
        unique.push(s);
      }
    const lists: RankingCandidate[][] = [];
    await this.rankDistinct(unique, (_, list) => lists.push(list));
    return cut.map((s, i) => {
      const context = occupationOf(i);
      return lists[firstOf.get(s)!].map((c) => {
        const features = c.features.slice();
        features[F.occupation] = this.occupationFeature(c.skill, context);
        return { skill: c.skill, features };
      });
    });
  }

  /**
   * Ranks distinct sentences (already cut), handing each one's candidates (occupation feature 0) to
   * `each`, in order, as soon as they are made.
   */
  private async rankDistinct(
    unique: readonly string[],
    each: (j: number, list: RankingCandidate[]) => void,
  ): Promise<void> {
    let j = 0;
    for (let ahead = 0; ahead < unique.length; ahead += ENCODE_AHEAD) {
      const encoded = unique.slice(ahead, ahead + ENCODE_AHEAD);
      const encodedVectors = await this.encoder.encode(encoded);
      for (let i = 0; i < encoded.length; i += BATCH) {
        const batch = encoded.slice(i, i + BATCH);
        const vectors = encodedVectors.slice(i, i + BATCH);
        const { approximate, groups } = this.index.similarities(vectors);
        const width = this.index.approximateWidth;
        const g = this.groupCount;
        batch.forEach((sentence, b) =>
          each(
            j++,
            this.sentenceCandidates(
              sentence,
              vectors[b],
              approximate.subarray(b * width, (b + 1) * width),
              groups.subarray(b * g, (b + 1) * g),
            ),
          ),
        );
        await yieldToEventLoop();
      }
    }
  }

  private occupationFeature(skill: number, occupation: OccupationContext | undefined): number {
    if (!occupation) return 0;
    const id = this.skills[skill].id;
    return occupation.essential.has(id) ? 1 : occupation.optional?.has(id) ? 0.5 : 0;
  }

  private score(candidates: RankingCandidate[]): RankedSkill[] {
    const skills = this.skills;
    return candidates
      .map((c) => {
        const s = skills[c.skill];
        const score = rerankerProbability(this.weights, c.features);
        return {
          id: s.id,
          uri: s.uri,
          label: s.label,
          score,
          rule: c.features[F.rule] === 1,
          stored: isStored(this.weights, c.features, score),
        };
      })
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  }

  /** Candidates of one sentence with their features (occupation feature 0: set by the caller). */
  private sentenceCandidates(
    sentence: string,
    vector: Float32Array,
    approximate: Float32Array,
    groupSims: Float32Array,
  ): RankingCandidate[] {
    const n = this.n;
    const index = this.index;
    const chosen = new Set<number>();
    const ruleHits = new Set<number>();
    for (const hit of this.rules.extractDistinct(sentence)) {
      const i = this.indexById.get(hit.id);
      if (i !== undefined) {
        ruleHits.add(i);
        chosen.add(i);
      }
    }
    // Pre-selection through the projection, then exact similarities for those skills.
    // Reused between sentences: two arrays per sentence were most of the garbage ranking made.
    const semanticApprox = this.scratchSemantic;
    const descriptionApprox = this.scratchDescription;
    for (let i = 0; i < n; i++) {
      semanticApprox[i] = Math.max(approximate[i], approximate[n + i]);
      descriptionApprox[i] = index.hasDescription[i] ? approximate[2 * n + i] : -2;
    }
    const sims = new Map<number, SkillSims>();
    const exact = (i: number): SkillSims => {
      let s = sims.get(i);
      if (!s) sims.set(i, (s = index.exact(i, vector)));
      return s;
    };
    const semanticPool = topIndices(semanticApprox, PRESELECT_SEMANTIC);
    const descriptionPool = topIndices(descriptionApprox, PRESELECT_DESCRIPTION).filter(
      (i) => index.hasDescription[i],
    );
    const semantic = new Map<number, number>();
    for (const i of semanticPool) {
      const s = exact(i);
      semantic.set(i, Math.max(s.preferred, s.labelMean));
    }
    for (const i of topKeys(semantic, TOP_SEMANTIC)) chosen.add(i);
    const description = new Map<number, number>();
    for (const i of descriptionPool) description.set(i, exact(i).description);
    for (const i of topKeys(description, TOP_DESCRIPTION)) chosen.add(i);
    const lexical = this.lexical.score(sentence);
    const byBm25 = topKeys(lexical.bm25, TOP_LEXICAL);
    for (const i of byBm25) chosen.add(i);
    const bestBm25 = byBm25.length > 0 ? lexical.bm25.get(byBm25[0])! : 1;
    let bestGroup = -1;
    for (let gi = 0; gi < this.groupCount; gi++) bestGroup = Math.max(bestGroup, groupSims[gi]);

    const list = [...chosen];
    const exactOf = list.map(exact);
    const labelMax = exactOf.map((s) => s.labelMax);
    const bestLabel = Math.max(...labelMax, -1);
    const order = list.map((_, j) => j).sort((a, b) => labelMax[b] - labelMax[a]);
    const rankOf = new Int32Array(list.length);
    order.forEach((j, r) => (rankOf[j] = r));
    return list.map((i, j) => {
      const s = exactOf[j];
      const x = new Float32Array(RANKING_FEATURES.length);
      x[F.rule] = ruleHits.has(i) ? 1 : 0;
      x[F.cosPreferred] = s.preferred;
      x[F.cosLabelMax] = labelMax[j];
      x[F.cosLabelMean] = s.labelMean;
      x[F.cosDescription] = index.hasDescription[i] ? s.description : 0;
      // A skill with no known group is neither helped nor hurt by the sense features.
      let group = bestGroup;
      const { start, values } = index.groupsOf;
      if (start[i + 1] > start[i]) {
        group = -1;
        for (let at = start[i]; at < start[i + 1]; at++) group = Math.max(group, groupSims[values[at]]);
      }
      x[F.cosGroup] = group;
      x[F.groupMargin] = group - bestGroup;
      x[F.bm25] = (lexical.bm25.get(i) ?? 0) / (bestBm25 || 1);
      x[F.coverage] = lexical.coverage.get(i) ?? 0;
      x[F.prior] = this.prior[i];
      x[F.labelGap] = labelMax[j] - bestLabel;
      x[F.labelRank] = 1 / (1 + rankOf[j]);
      x[F.shortLabel] = this.shortLabel[i];
      x[F.occupation] = 0;
      return { skill: i, features: x };
    });
  }

  dispose(): void {
    this.index.dispose();
    this.resultCache.clear();
  }
}

/**
 * A list of integers per item, all in one array: item i's are values[start[i]] … values[start[i + 1] - 1]
 * (two typed arrays rather than one per skill: 28,000 small arrays cost ~5 MB of heap for ESCO).
 */
class PackedLists {
  private constructor(
    readonly start: Int32Array,
    readonly values: Int32Array,
  ) {}

  static from(lists: readonly (readonly number[])[]): PackedLists {
    const start = new Int32Array(lists.length + 1);
    lists.forEach((l, i) => (start[i + 1] = start[i] + l.length));
    const values = new Int32Array(start[lists.length]);
    lists.forEach((l, i) => values.set(l, start[i]));
    return new PackedLists(start, values);
  }
}

/**
 * The taxonomy's vectors as the ranker reads them: the stored int8 rows (exact scoring of a few
 * hundred skills per sentence), a projected float matrix of every skill's preferred label, label
 * mean and description (approximate scoring of all skills in one product), and the skill groups.
 */
class SkillVectorIndex {
  private constructor(
    /** The stored int8 rows and their scales (the set's keys and kinds were needed only to index them). */
    private readonly vectors: Pick<SkillVectorSet, 'data' | 'scale' | 'dimensions'>,
    private readonly projection: VectorProjection,
    private readonly approximateMatrix: DotProductMatrix,
    private readonly groupMatrix: DotProductMatrix | undefined,
    /** Per skill: its label vector rows (preferred, alternative, hidden). */
    private readonly labelRows: PackedLists,
    private readonly preferredRow: Int32Array,
    private readonly descriptionRow: Int32Array,
    /** 1 / |sum of the skill's label vectors| (0 without labels): the label mean's cosine. */
    private readonly meanScale: Float32Array,
    readonly hasDescription: Uint8Array,
    /** Per skill: its groups' indices. */
    readonly groupsOf: PackedLists,
    private readonly groupCount: number,
  ) {}

  static async create(taxonomy: RankingTaxonomy, vectors: SkillVectorSet): Promise<SkillVectorIndex> {
    const d = vectors.dimensions;
    const n = taxonomy.skills.length;
    const g = taxonomy.groups.length;
    const skillByUri = new Map(taxonomy.skills.map((s, i) => [s.uri, i]));
    const groupByUri = new Map(taxonomy.groups.map((gr, i) => [gr.uri, i]));
    const labelLists: number[][] = taxonomy.skills.map(() => []);
    const preferredRow = new Int32Array(n).fill(-1);
    const descriptionRow = new Int32Array(n).fill(-1);
    const groupRow = new Int32Array(g).fill(-1);
    const hasDescription = new Uint8Array(n);
    for (let r = 0; r < vectors.owner.length; r++) {
      const key = vectors.keys[vectors.owner[r]];
      const kind = vectors.kind[r] as VectorKind;
      if (kind === VectorKind.Group) {
        const gi = groupByUri.get(key);
        if (gi !== undefined) groupRow[gi] = r;
        continue;
      }
      const si = skillByUri.get(key);
      if (si === undefined) continue;
      if (kind === VectorKind.Description) {
        descriptionRow[si] = r;
        hasDescription[si] = 1;
      } else {
        labelLists[si].push(r);
        if (kind === VectorKind.Preferred) preferredRow[si] = r;
      }
    }
    const row = (r: number, out: Float32Array, add = false) => {
      const { data, scale } = vectors;
      const base = r * d;
      const s = scale[r];
      if (add) for (let j = 0; j < d; j++) out[j] += data[base + j] * s;
      else for (let j = 0; j < d; j++) out[j] = data[base + j] * s;
    };
    // Label means, unnormalised, and their norms.
    const meanScale = new Float32Array(n);
    const sum = new Float32Array(d);
    const labelMean = (si: number, out: Float32Array) => {
      out.fill(0);
      for (const r of labelLists[si]) row(r, out, true);
    };
    for (let si = 0; si < n; si++) {
      labelMean(si, sum);
      let norm = 0;
      for (let j = 0; j < d; j++) norm += sum[j] * sum[j];
      meanScale[si] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    }
    // Rows of the approximate search: preferred [0, n), label mean [n, 2n), description [2n, 3n).
    const scanRow = (i: number, out: Float32Array) => {
      const si = i % n;
      const part = Math.floor(i / n);
      if (part === 1) {
        labelMean(si, out);
        const s = meanScale[si];
        for (let j = 0; j < d; j++) out[j] *= s;
        return;
      }
      const r = part === 0 ? preferredRow[si] : descriptionRow[si];
      if (r < 0) out.fill(0);
      else row(r, out);
    };
    const k = Math.min(PROJECTION_DIMENSIONS, d);
    const projection = await principalProjection(3 * n, d, k, scanRow);
    // Written block by block into the runtime (no 21 MB JS copy of the projected rows).
    const approximateMatrix = await DotProductMatrix.empty(3 * n, k);
    await projectRows(projection, 3 * n, scanRow, (start, rows) => approximateMatrix.setRows(start, rows));
    let groupMatrix: DotProductMatrix | undefined;
    if (g > 0) {
      const groupRows = new Float32Array(g * d);
      const gbuf = new Float32Array(d);
      for (let gi = 0; gi < g; gi++)
        if (groupRow[gi] >= 0) {
          row(groupRow[gi], gbuf);
          groupRows.set(gbuf, gi * d);
        }
      groupMatrix = await DotProductMatrix.create(groupRows, g, d);
    }
    const groupsOf = PackedLists.from(
      taxonomy.skills.map((s) => (s.groups ?? []).map((u) => groupByUri.get(u) ?? -1).filter((i) => i >= 0)),
    );
    return new SkillVectorIndex(
      { data: vectors.data, scale: vectors.scale, dimensions: vectors.dimensions },
      projection,
      approximateMatrix,
      groupMatrix,
      PackedLists.from(labelLists),
      preferredRow,
      descriptionRow,
      meanScale,
      hasDescription,
      groupsOf,
      g,
    );
  }

  get approximateWidth(): number {
    return this.approximateMatrix.rows;
  }

  /** Per query: approximate cosines with every scan row, and exact ones with every group. */
  similarities(queries: readonly Float32Array[]): { approximate: Float32Array; groups: Float32Array } {
    const k = this.projection.k;
    const projected = queries.map((q) => {
      const out = new Float32Array(k);
      project(this.projection, q, out);
      return out;
    });
    return {
      approximate: this.approximateMatrix.similarities(projected),
      groups: this.groupMatrix
        ? this.groupMatrix.similarities(queries)
        : new Float32Array(queries.length * this.groupCount),
    };
  }

  /** Exact similarities of a sentence vector with one skill's stored vectors. */
  exact(skill: number, v: Float32Array): SkillSims {
    let labelMax = -1;
    let total = 0;
    let preferred = 0;
    const pr = this.preferredRow[skill];
    const { start, values } = this.labelRows;
    for (let at = start[skill]; at < start[skill + 1]; at++) {
      const r = values[at];
      const dot = this.dot(r, v);
      total += dot;
      if (dot > labelMax) labelMax = dot;
      if (r === pr) preferred = dot;
    }
    const dr = this.descriptionRow[skill];
    return {
      preferred,
      labelMax,
      labelMean: total * this.meanScale[skill],
      description: dr >= 0 ? this.dot(dr, v) : -1,
    };
  }

  private dot(r: number, v: Float32Array): number {
    const { data, scale, dimensions: d } = this.vectors;
    const base = r * d;
    let dot = 0;
    for (let j = 0; j < d; j++) dot += data[base + j] * v[j];
    return dot * scale[r];
  }

  dispose(): void {
    this.approximateMatrix.dispose();
    this.groupMatrix?.dispose();
  }
}

function occupationLookup(occupation: SentenceOccupations): (i: number) => OccupationContext | undefined {
  if (occupation === undefined) return () => undefined;
  if (Array.isArray(occupation)) return (i) => (occupation as (OccupationContext | undefined)[])[i];
  return () => occupation as OccupationContext;
}

function resultKey(sentence: string): string {
  return createHash('sha1').update(sentence).digest('base64');
}

/**
 * Whether a candidate (occupation feature 0) can be stored whatever the listing's occupation: its
 * logit (the re-ranker's, or the mention gate's for a rule match) plus the most the occupation can
 * add reaches the logit of the threshold. Undefined when the re-ranker is not linear (no such bound:
 * nothing is cached).
 */
function storableFilter(weights: RerankerWeights): ((features: Float32Array) => boolean) | undefined {
  if (weights.hidden.length > 0) return undefined;
  const o = F.occupation;
  // The occupation feature ranges over [0, 1].
  const boost = (output: number[], std: number[]) => Math.max(0, output[o] / (std[o] || 1));
  const least = (t: number, lift: number) =>
    !(t > 0) ? -Infinity : t >= 1 ? Infinity : Math.log(t / (1 - t)) - lift - 1e-6;
  const ranked = least(weights.threshold, boost(weights.output, weights.std));
  const gate = weights.mention;
  if (!gate) return (x) => rerankerLogit(weights, x) >= ranked;
  const mentioned = least(gate.threshold, boost(gate.output, gate.std));
  return (x) =>
    rerankerLogit(weights, x) >= ranked || (x[F.rule] === 1 && mentionLogit(gate, x) >= mentioned);
}

/** The linear re-ranker's logit (features standardised as in `rerankerProbability`). */
function rerankerLogit(model: RerankerWeights, x: ArrayLike<number>): number {
  let logit = model.outputBias;
  for (let i = 0; i < model.mean.length; i++)
    logit += (model.output[i] * (x[i] - model.mean[i])) / (model.std[i] || 1);
  return logit;
}

/** Keys of the `k` largest values of a map, largest first: a stable sort cut to k, without sorting all. */
function topKeys(values: ReadonlyMap<number, number>, k: number): number[] {
  const entries = [...values];
  if (entries.length <= 4 * k)
    return entries
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map((e) => e[0]);
  const vals = entries.map((e) => e[1]);
  const kth = vals[topIndices(vals, k)[k - 1]];
  const above = entries.filter((e) => e[1] > kth);
  const equal = entries.filter((e) => e[1] === kth).slice(0, k - above.length);
  return [...above, ...equal].sort((a, b) => b[1] - a[1]).map((e) => e[0]);
}

/** Indices of the `k` largest values, largest first (a binary min-heap of the best k so far). */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const size = Math.min(k, values.length);
  if (size <= 0) return [];
  const heap = new Int32Array(size);
  let count = 0;
  const less = (a: number, b: number) => values[a] < values[b] || (values[a] === values[b] && a > b);
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      if (l >= count) return;
      const r = l + 1;
      const m = r < count && less(heap[r], heap[l]) ? r : l;
      if (!less(heap[m], heap[at])) return;
      const t = heap[m];
      heap[m] = heap[at];
      heap[at] = t;
      at = m;
    }
  };
  for (let i = 0; i < values.length; i++) {
    if (count < size) {
      let at = count++;
      heap[at] = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!less(heap[at], heap[parent])) break;
        const t = heap[parent];
        heap[parent] = heap[at];
        heap[at] = t;
        at = parent;
      }
    } else if (values[i] > values[heap[0]]) {
      heap[0] = i;
      down(0);
    }
  }
  return Array.from(heap).sort((a, b) => values[b] - values[a] || a - b);
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
