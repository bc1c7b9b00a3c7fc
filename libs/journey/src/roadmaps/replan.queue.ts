import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName, ReplanTriggerName } from '@skillpath/queues';

/** Asks the worker to re-plan a learner's roadmap; requests for the same learner coalesce while one waits. */
@Injectable()
export class ReplanQueue {
  constructor(@InjectQueue(QueueName.RoadmapReplan) private readonly queue: Queue) {}

  async request(
    userId: string,
    trigger: ReplanTriggerName,
    reason: string,
    opportunityIds?: string[],
  ): Promise<void> {
    const payload: JobPayloads[JobName.ReplanRoadmap] = { userId, trigger, reason, opportunityIds };
    await this.queue.add(JobName.ReplanRoadmap, payload, {
      ...DEFAULT_JOB_OPTIONS,
      deduplication: { id: `replan:${userId}` },
    });
  }

  async requestMany(items: JobPayloads[JobName.ReplanRoadmap][]): Promise<void> {
    if (!items.length) return;
    await this.queue.addBulk(
      items.map((data) => ({
        name: JobName.ReplanRoadmap,
        data,
        opts: { ...DEFAULT_JOB_OPTIONS, deduplication: { id: `replan:${data.userId}` } },
      })),
    );
  }
}
