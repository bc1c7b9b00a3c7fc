import { DataSource } from 'typeorm';
import { Sql } from '@skillpath/persistence';
import type { ScheduledSource } from './source-schedules';

export interface RunsByStatusRow {
  source: string;
  status: string;
  n: number;
}

/** Seconds: the last finished run, and p50/p95 of runs finished in the last 7 days. */
export interface RunDurationsRow {
  source: string;
  last: number | null;
  p50: number | null;
  p95: number | null;
}

export interface RunRecordsRow {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  expired: number;
  quarantined: number;
}

/** Reads over `sources` and their `source_runs`: what the worker schedules and what /metrics reports. */
export class SourcesRepository {
  private readonly sql: Sql;

  constructor(ds: DataSource) {
    this.sql = new Sql(ds);
  }

  schedules(): Promise<ScheduledSource[]> {
    return this.sql.rows<ScheduledSource>('SELECT id, schedule, enabled FROM sources');
  }

  runsByStatus(): Promise<RunsByStatusRow[]> {
    return this.sql.rows<RunsByStatusRow>(
      `SELECT s.name AS source, r.status, count(*)::int AS n
         FROM source_runs r JOIN sources s ON s.id = r.source_id GROUP BY 1, 2`,
    );
  }

  runDurations(): Promise<RunDurationsRow[]> {
    return this.sql.rows<RunDurationsRow>(
      `SELECT s.name AS source,
         (SELECT extract(epoch FROM finished_at - started_at) FROM source_runs l
           WHERE l.source_id = s.id AND l.finished_at IS NOT NULL ORDER BY l.finished_at DESC LIMIT 1)::float8 AS last,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at))::float8 AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at))::float8 AS p95
       FROM sources s JOIN source_runs r ON r.source_id = s.id
       WHERE r.finished_at > now() - interval '7 days'
       GROUP BY s.id, s.name`,
    );
  }

  /** Listings handled by every recorded run, by source and outcome. */
  runRecords(): Promise<RunRecordsRow[]> {
    return this.sql.rows<RunRecordsRow>(
      `SELECT s.name AS source, sum(created)::float8 AS created, sum(updated)::float8 AS updated,
         sum(unchanged)::float8 AS unchanged, sum(expired)::float8 AS expired, sum(quarantined)::float8 AS quarantined
       FROM source_runs r JOIN sources s ON s.id = r.source_id GROUP BY s.name`,
    );
  }
}
