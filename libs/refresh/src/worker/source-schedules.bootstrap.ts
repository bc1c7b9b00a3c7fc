import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { QueueName } from '@skillpath/queues';
import { SourceSchedules } from '../source-schedules';
import { SourcesRepository } from '../sources.repository';

/** On worker start: one job scheduler per enabled, scheduled source; stale ones removed. */
@Injectable()
export class SourceSchedulesBootstrap implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.SourceRefresh) private readonly queue: Queue,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sources = await new SourcesRepository(this.ds).schedules();
    const result = await new SourceSchedules(this.queue).syncAll(sources);
    this.logger.info(result, 'source refresh schedules registered');
  }
}
