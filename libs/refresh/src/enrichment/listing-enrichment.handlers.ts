import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { HandlesJob, JobName, type JobOutcome } from '@skillpath/queues';
import type { EnrichJobData } from './enrichment-queue';
import { ListingEnricher } from './listing-enricher';

export const LISTING_ENRICHER = Symbol('LISTING_ENRICHER');

@Injectable()
export class ListingEnrichmentHandlers {
  constructor(@Inject(LISTING_ENRICHER) private readonly enricher: ListingEnricher) {}

  /** Enriches what is pending; a failure is thrown so BullMQ retries (done listings are not redone). */
  @HandlesJob(JobName.EnrichListings)
  async enrich(job: Job<EnrichJobData>): Promise<JobOutcome> {
    const outcome = await this.enricher.enrichPending({ sourceId: job.data.sourceId ?? null });
    return { status: 'success', ...outcome };
  }
}
