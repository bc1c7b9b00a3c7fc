import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '@skillpath/queues';

/**
 * Every recurring job, registered in one place with BullMQ job schedulers. Upserting is idempotent,
 * so any number of worker replicas can start without creating duplicate schedules.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const data: JobPayloads[JobName.ExpireClosedOpportunities] = { requestedBy: 'schedule' };
    await this.maintenance.upsertJobScheduler(
      'daily-expire-closed-opportunities',
      { pattern: '15 2 * * *', tz: 'Europe/London' },
      { name: JobName.ExpireClosedOpportunities, data, opts: DEFAULT_JOB_OPTIONS },
    );
    this.logger.info('schedules registered');
  }
}
