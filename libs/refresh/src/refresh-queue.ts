import type { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JobName, type JobPayloads } from '@skillpath/queues';

export type RefreshJobData = JobPayloads[JobName.RefreshSource];

/** One waiting/active refresh per source: a second request while one is pending is the same job. */
export const refreshDeduplicationId = (sourceId: string) => `refresh-source:${sourceId}`;

/** The id of the job scheduler that refreshes a source on its cron pattern. */
export const refreshSchedulerId = (sourceId: string) => `source:${sourceId}`;

/**
 * How a run records the job that ran it: id and creation time, because BullMQ ids restart from 1
 * when Redis loses its data, and a re-delivered job must still be recognised as the same job.
 */
export const runJobKey = (job: Pick<Job, 'id' | 'timestamp'>) => `${job.id}@${job.timestamp}`;

export const REFRESH_JOB_OPTIONS = DEFAULT_JOB_OPTIONS;

/**
 * Asks for a refresh of a source now. While a refresh of it is still waiting or running, BullMQ's
 * deduplication returns that job instead of adding another (the worker's database guard covers
 * scheduled jobs, which cannot carry a deduplication id).
 */
export async function enqueueRefresh(
  queue: Queue,
  sourceId: string,
  requestedBy: string,
): Promise<Job<RefreshJobData>> {
  const data: RefreshJobData = { sourceId, requestedBy };
  return queue.add(JobName.RefreshSource, data, {
    ...REFRESH_JOB_OPTIONS,
    deduplication: { id: refreshDeduplicationId(sourceId) },
  }) as Promise<Job<RefreshJobData>>;
}
