import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { QueueName } from '@skillpath/queues';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobOutcome } from './job-handler.decorator';

/** One BullMQ worker per queue; each hands its jobs to their registered handler. */
abstract class RegistryProcessor extends WorkerHost {
  constructor(
    private readonly registry: JobHandlerRegistry,
    protected readonly logger: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<JobOutcome> {
    return this.registry.handle(job);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job, result: JobOutcome) {
    this.logger.info({ queue: job.queueName, job: job.name, jobId: job.id, result }, 'job completed');
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error) {
    this.logger.warn(
      { queue: job?.queueName, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
      'job failed',
    );
  }
}

@Processor(QueueName.Maintenance)
export class MaintenanceQueueProcessor extends RegistryProcessor {
  constructor(registry: JobHandlerRegistry, logger: PinoLogger) {
    super(registry, logger);
  }
}
