import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { AdminBearerGuard } from './admin-bearer.guard';
import { ALL_QUEUES, JOB_STATES } from './all-queues.provider';
import { RefreshMetrics } from './refresh-metrics';

const RECENT_FAILED = 20;

@Controller()
export class ObservabilityController {
  constructor(
    private readonly metrics: RefreshMetrics,
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
  ) {}

  /** Prometheus scrape endpoint; restrict it at the network edge as usual for /metrics. */
  @Get('metrics')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }

  /** A read-only queue dashboard as JSON: counts by state, schedules, and the latest failures with their reasons. */
  @Get('admin/queues')
  @UseGuards(AdminBearerGuard)
  @Header('cache-control', 'no-store')
  async queuesOverview() {
    return {
      queues: await Promise.all(
        this.queues.map(async (queue) => {
          const [counts, schedulers, failed, active] = await Promise.all([
            queue.getJobCounts(...JOB_STATES),
            queue.getJobSchedulers(0, -1),
            queue.getJobs(['failed'], 0, RECENT_FAILED - 1),
            queue.getJobs(['active'], 0, 49),
          ]);
          return {
            name: queue.name,
            counts,
            schedulers: schedulers.map((s) => ({
              id: s.id ?? s.key,
              pattern: s.pattern ?? null,
              every: s.every ?? null,
              tz: s.tz ?? null,
              next: s.next ? new Date(s.next).toISOString() : null,
            })),
            active: active.filter(Boolean).map((j) => ({
              id: j.id,
              name: j.name,
              data: j.data,
              startedAt: j.processedOn ? new Date(j.processedOn).toISOString() : null,
              attemptsMade: j.attemptsMade,
            })),
            recentFailed: failed.filter(Boolean).map((j) => ({
              id: j.id,
              name: j.name,
              data: j.data,
              failedReason: j.failedReason,
              attemptsMade: j.attemptsMade,
              finishedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
            })),
          };
        }),
      ),
    };
  }
}
