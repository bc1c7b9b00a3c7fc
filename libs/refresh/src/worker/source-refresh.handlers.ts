import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { HandlesJob, JobName, QueueName, type JobOutcome } from '@skillpath/queues';
import { enqueueEnrichment } from '../enrichment/enrichment-queue';
import { runJobKey, type RefreshJobData } from '../refresh-queue';
import { SourceRefreshRunner } from '../source-refresh.runner';

export const SOURCE_REFRESH_RUNNER = Symbol('SOURCE_REFRESH_RUNNER');

@Injectable()
export class SourceRefreshHandlers {
  constructor(
    @Inject(SOURCE_REFRESH_RUNNER) private readonly runner: SourceRefreshRunner,
    @InjectQueue(QueueName.ListingEnrichment) private readonly enrichment: Queue,
  ) {}

  /**
   * A run the source failed (bad answers, malformed page, bad configuration) is recorded FAILED and
   * the job fails without retries; an infrastructure error is thrown as is, so BullMQ retries with
   * backoff and the retry resumes the run from its checkpoint.
   */
  @HandlesJob(JobName.RefreshSource)
  async refresh(job: Job<RefreshJobData>): Promise<JobOutcome> {
    const attempts = job.opts.attempts ?? 1;
    const outcome = await this.runner.run({
      sourceId: job.data.sourceId,
      jobId: runJobKey(job),
      finalAttempt: job.attemptsMade + 1 >= attempts,
    });
    if (outcome.status === 'failed')
      throw new UnrecoverableError(`run ${outcome.runId} failed: ${outcome.error}`);
    if (outcome.status === 'skipped')
      return { status: 'skipped', reason: outcome.reason, runId: outcome.runId };
    // Occupations and inferred requirements come after, off the refresh's hot path (its own job).
    if (outcome.changedIds > 0)
      await enqueueEnrichment(this.enrichment, {
        sourceId: job.data.sourceId,
        requestedBy: `refresh:${outcome.runId}`,
      });
    return {
      status: 'success',
      runId: outcome.runId,
      resumed: outcome.resumed,
      ...outcome.counts,
      changedIds: outcome.changedIds,
      expiredIds: outcome.expiredIds,
    };
  }
}
