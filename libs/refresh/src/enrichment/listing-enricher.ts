import type { DataSource } from 'typeorm';
import { htmlToText, OccupationClassifier } from '@skillpath/taxonomy';
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
export const ENRICHMENT_REVISION = 'enrich-1';

/** A listing naming fewer skills than this takes its occupation's essential skills as inferred ones. */
export const MIN_NAMED_SKILLS = 3;
/** At most this many inferred requirements (the occupation's most-used essential skills). */
export const MAX_INFERRED_SKILLS = 8;
/** Below this classifier score a listing gets no occupation: better none than a wrong one. */
export const MIN_OCCUPATION_CONFIDENCE = 0.3;

export interface EnrichmentOutcome {
  enriched: number;
  withOccupation: number;
  withInferred: number;
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
  ) {
    this.repo = new ListingEnrichmentRepository(ds);
  }

  /** Enriches every pending listing (of one source, or all), a batch at a time; publishes what changed. */
  async enrichPending(
    options: { sourceId?: string | null; batchSize?: number } = {},
  ): Promise<EnrichmentOutcome> {
    const started = Date.now();
    const taxonomy = await this.currentTaxonomy();
    const revision = `${ENRICHMENT_REVISION}/${taxonomy.version}`;
    const batchSize = options.batchSize ?? 500;
    const outcome: EnrichmentOutcome = { enriched: 0, withOccupation: 0, withInferred: 0, ms: 0 };
    let afterId: string | undefined;
    for (;;) {
      const listings = await this.repo.pending(revision, {
        afterId,
        sourceId: options.sourceId,
        limit: batchSize,
      });
      if (listings.length === 0) break;
      const batch = listings.map((l) => this.enrichOne(l, taxonomy, revision));
      await this.repo.save(batch);
      const changedIds = batch.map((b) => b.id);
      await this.changes.publish({ changedIds, expiredIds: [], origin: 'enrichment' });
      outcome.enriched += batch.length;
      outcome.withOccupation += batch.filter((b) => b.occupation).length;
      outcome.withInferred += batch.filter((b) => b.inferred.length > 0).length;
      afterId = listings[listings.length - 1].id;
      if (listings.length < batchSize) break;
    }
    outcome.ms = Date.now() - started;
    this.logger.info({ ...outcome, sourceId: options.sourceId ?? null }, 'listings enriched');
    return outcome;
  }

  private enrichOne(listing: ListingToEnrich, taxonomy: Taxonomy, revision: string): ListingEnrichment {
    const enrichmentKey = `${revision}|${listing.contentHash ?? ''}`;
    const authorSet = listing.occupationId !== null && listing.occupationConfidence === null;
    let occupation: ListingEnrichment['occupation'] = null;
    let occupationId: string | null = listing.occupationId;
    if (!authorSet) {
      const text = listing.description ? htmlToText(listing.description) : null;
      const best = taxonomy.classifier.classify(listing.title, { limit: 1, text })[0];
      occupation =
        best && best.score >= MIN_OCCUPATION_CONFIDENCE ? { id: best.id, confidence: best.score } : null;
      occupationId = occupation?.id ?? null;
    }
    const inferred =
      occupationId && listing.namedRequired < MIN_NAMED_SKILLS
        ? (taxonomy.essential.get(occupationId) ?? []).slice(0, MAX_INFERRED_SKILLS)
        : [];
    // An author-set occupation (confidence null) is never overwritten nor cleared by the repository.
    return { id: listing.id, occupation, inferred, enrichmentKey };
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
