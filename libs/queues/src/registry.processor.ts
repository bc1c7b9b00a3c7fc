import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { QueueName } from './queues';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobOutcome } from './job-handler.decorator';

/**
 * Base of every queue's processor: one BullMQ worker per queue, handing each job to the one handler
 * registered for its name. Subclass with `@Processor(QueueName.X)` and pass the queue name.
 */
export abstract class RegistryProcessor extends WorkerHost {
  constructor(
    queue: QueueName,
    private readonly registry: JobHandlerRegistry,
    protected readonly logger: PinoLogger,
  ) {
    super();
    registry.consume(queue);
  }

  process(job: Job): Promise<JobOutcome> {
    return this.registry.handle(job);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job, result: JobOutcome) {
    this.logger.info({ queue: job.queueName, job: job.name, jobId: job.id, result }, 'job completed');
  }

  /** Without a listener, a connection error (Redis restarting) would be thrown as unhandled. */
  @OnWorkerEvent('error')
  onError(err: Error) {
    this.logger.warn({ err: err.message }, 'queue worker error');
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error) {
    this.logger.warn(
      {
        queue: job?.queueName,
        job: job?.name,
        jobId: job?.id,
        attempts: job?.attemptsMade,
        err: err.message,
      },
      'job failed',
    );
  }
}
