import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from './queues';
import { redisConnectionOptions } from './redis-connection';

export interface ListingChanges {
  changedIds: string[];
  expiredIds: string[];
  origin: string;
}

export const listingChangesChannel = (prefix: string) => `${prefix}:listing-changes`;

/**
 * Tells the rest of the system that listings changed: a fan-out job finds and re-plans the roadmaps
 * they touch, and a pub/sub message lets every API process update its in-memory index.
 */
@Injectable()
export class ListingChangesPublisher implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(
    @InjectQueue(QueueName.ListingChanges) private readonly queue: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(redisConnectionOptions(config.redis.url));
    this.redis.on('error', () => undefined);
    this.channel = listingChangesChannel(config.redis.prefix);
  }

  async publish(changes: ListingChanges): Promise<void> {
    if (!changes.changedIds.length && !changes.expiredIds.length) return;
    const payload: JobPayloads[JobName.FanOutListingChanges] = changes;
    await this.queue.add(JobName.FanOutListingChanges, payload, DEFAULT_JOB_OPTIONS);
    await this.redis.publish(this.channel, JSON.stringify(changes));
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
