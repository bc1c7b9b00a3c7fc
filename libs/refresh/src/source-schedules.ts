import type { Queue } from 'bullmq';
import { JobName } from '@skillpath/queues';
import { REFRESH_JOB_OPTIONS, refreshSchedulerId, type RefreshJobData } from './refresh-queue';

export interface ScheduledSource {
  id: string;
  schedule: string | null;
  enabled: boolean;
}

export const SCHEDULE_TIME_ZONE = 'Europe/London';

/**
 * Keeps BullMQ job schedulers in step with the sources table: an enabled source with a cron
 * pattern has scheduler `source:<id>`; any other has none. Upserting is idempotent, so the worker
 * (on start) and the API (on create/update) may both call it.
 */
export class SourceSchedules {
  constructor(private readonly queue: Queue) {}

  async sync(source: ScheduledSource): Promise<'scheduled' | 'unscheduled'> {
    const id = refreshSchedulerId(source.id);
    if (source.enabled && source.schedule) {
      const data: RefreshJobData = { sourceId: source.id, requestedBy: 'schedule' };
      await this.queue.upsertJobScheduler(
        id,
        { pattern: source.schedule, tz: SCHEDULE_TIME_ZONE },
        { name: JobName.RefreshSource, data, opts: REFRESH_JOB_OPTIONS },
      );
      return 'scheduled';
    }
    await this.queue.removeJobScheduler(id);
    return 'unscheduled';
  }

  /** Every source's scheduler, and removal of schedulers whose source no longer exists. */
  async syncAll(sources: ScheduledSource[]): Promise<{ scheduled: number; removed: number }> {
    let scheduled = 0;
    for (const source of sources) if ((await this.sync(source)) === 'scheduled') scheduled++;
    const known = new Set(sources.map((s) => refreshSchedulerId(s.id)));
    let removed = 0;
    const existing = await this.queue.getJobSchedulers(0, -1);
    for (const scheduler of existing) {
      const id = scheduler.id ?? scheduler.key;
      if (id?.startsWith('source:') && !known.has(id) && (await this.queue.removeJobScheduler(id))) removed++;
    }
    return { scheduled, removed };
  }
}
