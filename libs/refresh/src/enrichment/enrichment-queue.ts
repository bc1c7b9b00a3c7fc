import type { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JobName, type JobPayloads } from '@skillpath/queues';

export type EnrichJobData = JobPayloads[JobName.EnrichListings];

/** One waiting enrichment per source (or for all): a second request while one waits is the same job. */
export const enrichDeduplicationId = (sourceId?: string) => `enrich-listings:${sourceId ?? 'all'}`;

/** Asks the worker to enrich a source's pending listings (or every source's). */
export async function enqueueEnrichment(queue: Queue, data: EnrichJobData): Promise<Job<EnrichJobData>> {
  return queue.add(JobName.EnrichListings, data, {
    ...DEFAULT_JOB_OPTIONS,
    deduplication: { id: enrichDeduplicationId(data.sourceId) },
  }) as Promise<Job<EnrichJobData>>;
}
