import type { DataSource } from 'typeorm';
import {
  htmlToText,
  OccupationClassifier,
  splitSentences,
  type OccupationContext,
  type RankedSkillExtractor,
} from '@skillpath/taxonomy';
import type { ListingChangesSink, RefreshLogger } from '../refresh.types';
import { silentLogger } from '../refresh.types';
import {
  ListingEnrichment,
  ListingEnrichmentRepository,
  ListingToEnrich,
} from './listing-enrichment.repository';

/**
 * Names this enrichment's rules: bump it when they change, and every feed listing is enriched again
 * (its enrichment key no longer matches), exactly as when the taxonomy changes.
 */
export const ENRICHMENT_REVISION = 'enrich-2';

/** Most sentences of one listing sent to the ranked extractor (adverts rarely have more). */
export const MAX_SENTENCES_PER_LISTING = 60;

/**
 * The ranked (semantic) skill extractor, when the taxonomy's skill vectors are stored; undefined
 * otherwise (enrichment then classifies and infers only, on the rule matcher's skills).
 */
export type RankedExtractorSource = () => Promise<RankedSkillExtractor | undefined>;

/** A listing naming fewer skills than this takes its occupation's essential skills as inferred ones. */
export const MIN_NAMED_SKILLS = 3;
/** At most this many inferred requirements (the occupation's most-used essential skills). */
export const MAX_INFERRED_SKILLS = 8;
/** Level asked for a skill the ranked extractor finds (the occupation's level when it requires it). */
export const DEFAULT_EXTRACTED_LEVEL = 2;
/** Below this classifier score a listing gets no occupation: better none than a wrong one. */
export const MIN_OCCUPATION_CONFIDENCE = 0.3;

export interface EnrichmentOutcome {
  enriched: number;
  withOccupation: number;
  withInferred: number;
  /** Listings the ranked extractor found skills in beyond the rule matcher's. */
  withExtracted: number;
  ms: number;
}

interface Taxonomy {
  version: string;
  classifier: OccupationClassifier;
  essential: Map<string, { skillId: string; level: number }[]>;
}

/**
 * Enriches feed listings off the refresh's hot path: each gets an occupation from its title and text
 * (unless its author gave one), and a listing that names few skills takes its occupation's essential
 * skills as inferred requirements. Results are keyed by revision, taxonomy version and content hash,
 * so only new or changed listings are done, and all of them again when the taxonomy or rules change.
 * Then the changed listings are published, so the API's indexes and re-planning pick them up.
 */
export class ListingEnricher {
  private readonly repo: ListingEnrichmentRepository;
  private taxonomy?: Taxonomy;
  private building?: Promise<Taxonomy>;

  constructor(
    ds: DataSource,
    private readonly changes: ListingChangesSink,
    private readonly logger: RefreshLogger = silentLogger,
    private readonly ranked?: RankedExtractorSource,
  ) {
    this.repo = new ListingEnrichmentRepository(ds);
  }

  /** Enriches every pending listing (of one source, or all), a batch at a time; publishes what changed. */
  async enrichPending(
    options: { sourceId?: string | null; batchSize?: number } = {},
  ): Promise<EnrichmentOutcome> {
    const started = Date.now();
    const taxonomy = await this.currentTaxonomy();
    const ranked = this.ranked ? await this.ranked() : undefined;
    // The extractor's revision names its rules, encoder, weights and taxonomy: a new one re-derives all.
    const revision = `${ENRICHMENT_REVISION}/${taxonomy.version}/${ranked?.revision ?? 'rules-only'}`;
    const batchSize = options.batchSize ?? 500;
    const outcome: EnrichmentOutcome = {
      enriched: 0,
      withOccupation: 0,
      withInferred: 0,
      withExtracted: 0,
      ms: 0,
    };
    let afterId: string | undefined;
    for (;;) {
      const listings = await this.repo.pending(revision, {
        afterId,
        sourceId: options.sourceId,
        limit: batchSize,
      });
      if (listings.length === 0) break;
      const occupations = listings.map((l) => this.occupationOf(l, taxonomy));
      const extracted = ranked
        ? await this.extractBatch(ranked, listings, occupations, taxonomy)
        : listings.map(() => []);
      const batch = listings.map((l, i) =>
        this.enrichOne(l, occupations[i], extracted[i], taxonomy, revision),
      );
      await this.repo.save(batch);
      const changedIds = batch.map((b) => b.id);
      await this.changes.publish({ changedIds, expiredIds: [], origin: 'enrichment' });
      outcome.enriched += batch.length;
      outcome.withOccupation += batch.filter((b) => b.occupation).length;
      outcome.withInferred += batch.filter((b) => b.inferred.length > 0).length;
      outcome.withExtracted += batch.filter((b) => b.extracted.length > 0).length;
      afterId = listings[listings.length - 1].id;
      if (listings.length < batchSize) break;
    }
    outcome.ms = Date.now() - started;
    this.logger.info({ ...outcome, sourceId: options.sourceId ?? null }, 'listings enriched');
    return outcome;
  }

  /**
   * The occupation of a listing: its author's (kept), or the classifier's best when it is sure
   * enough, or none. `chosen` is what enrichment stores (null for author-set or none).
   */
  private occupationOf(
    listing: ListingToEnrich,
    taxonomy: Taxonomy,
  ): { id: string | null; chosen: ListingEnrichment['occupation'] } {
    if (listing.occupationId !== null && listing.occupationConfidence === null)
      return { id: listing.occupationId, chosen: null };
    const text = listing.description ? htmlToText(listing.description) : null;
    const best = taxonomy.classifier.classify(listing.title, { limit: 1, text })[0];
    const chosen =
      best && best.score >= MIN_OCCUPATION_CONFIDENCE ? { id: best.id, confidence: best.score } : null;
    return { id: chosen?.id ?? null, chosen };
  }

  /**
   * Skills the ranked extractor stores for each listing's text, beyond those the rule matcher found.
   * The sentences of the whole batch go in one call, each with its listing's occupation as the sense
   * prior: the encoder and the similarity product then work on large batches, a sentence repeated
   * across adverts (boilerplate) is ranked once, and one seen in an earlier batch comes from the
   * extractor's sentence cache.
   */
  private async extractBatch(
    ranked: RankedSkillExtractor,
    listings: readonly ListingToEnrich[],
    occupations: readonly { id: string | null }[],
    taxonomy: Taxonomy,
  ): Promise<{ skillId: string; level: number }[][]> {
    const contexts = new Map<string, OccupationContext | undefined>();
    const contextOf = (occupationId: string | null): OccupationContext | undefined => {
      if (!occupationId) return undefined;
      if (!contexts.has(occupationId)) {
        const essential = taxonomy.essential.get(occupationId) ?? [];
        contexts.set(
          occupationId,
          essential.length > 0 ? { essential: new Set(essential.map((e) => e.skillId)) } : undefined,
        );
      }
      return contexts.get(occupationId);
    };
    const sentences: string[] = [];
    const owner: number[] = [];
    const sentenceContexts: (OccupationContext | undefined)[] = [];
    listings.forEach((listing, i) => {
      const context = contextOf(occupations[i].id);
      for (const sentence of splitSentences(listing.description ?? '').slice(0, MAX_SENTENCES_PER_LISTING)) {
        sentences.push(sentence);
        owner.push(i);
        sentenceContexts.push(context);
      }
    });
    const out = listings.map(() => new Map<string, number>());
    const found = sentences.length > 0 ? await ranked.extract(sentences, sentenceContexts) : [];
    found.forEach((skills, s) => {
      const i = owner[s];
      const occupationId = occupations[i].id;
      const essential = occupationId ? (taxonomy.essential.get(occupationId) ?? []) : [];
      for (const skill of skills) {
        const level = essential.find((e) => e.skillId === skill.id)?.level;
        out[i].set(skill.id, level ?? DEFAULT_EXTRACTED_LEVEL);
      }
    });
    return out.map((found, i) => {
      const named = new Set(listings[i].namedSkillIds);
      return [...found].filter(([id]) => !named.has(id)).map(([skillId, level]) => ({ skillId, level }));
    });
  }

  private enrichOne(
    listing: ListingToEnrich,
    occupation: { id: string | null; chosen: ListingEnrichment['occupation'] },
    extracted: { skillId: string; level: number }[],
    taxonomy: Taxonomy,
    revision: string,
  ): ListingEnrichment {
    const enrichmentKey = `${revision}|${listing.contentHash ?? ''}`;
    const named = new Set([...listing.namedSkillIds, ...extracted.map((e) => e.skillId)]);
    const inferred =
      occupation.id && named.size < MIN_NAMED_SKILLS
        ? (taxonomy.essential.get(occupation.id) ?? [])
            .filter((e) => !named.has(e.skillId))
            .slice(0, MAX_INFERRED_SKILLS)
        : [];
    // An author-set occupation (confidence null) is never overwritten nor cleared by the repository.
    return { id: listing.id, occupation: occupation.chosen, extracted, inferred, enrichmentKey };
  }

  /** The classifier and essential skills, rebuilt only when the taxonomy tables change. */
  private async currentTaxonomy(): Promise<Taxonomy> {
    const version = await this.repo.taxonomyVersion();
    if (this.taxonomy?.version === version) return this.taxonomy;
    this.building ??= (async () => {
      const [occupations, essential] = await Promise.all([
        this.repo.occupations(),
        this.repo.essentialSkills(),
      ]);
      const built = { version, classifier: new OccupationClassifier(occupations), essential };
      this.taxonomy = built;
      return built;
    })().finally(() => (this.building = undefined));
    return this.building;
  }
}
