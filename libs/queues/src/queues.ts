import type { JobsOptions } from 'bullmq';

/** Every BullMQ queue, one concern each. */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job, with the queue it runs on. */
export enum JobName {
  ExpireClosedOpportunities = 'expire-closed-opportunities',
}

/** The payload of each job; a handler receives exactly this. */
export interface JobPayloads {
  [JobName.ExpireClosedOpportunities]: { requestedBy: string; asOf?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ExpireClosedOpportunities]: QueueName.Maintenance,
};

/** Attempts with exponential backoff; completed jobs kept a day, failed ones a week, for operators. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
