import { DataSource, type Repository } from 'typeorm';
import { QuarantinedRecordEntity, SourceEntity, SourceRunEntity, Sql } from '@skillpath/persistence';
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

/**
 * `sources`, their `source_runs` and quarantined records: what operators edit, what the worker
 * schedules and what /metrics reports.
 */
export class SourcesRepository {
  private readonly sql: Sql;
  private readonly sources: Repository<SourceEntity>;
  private readonly runs: Repository<SourceRunEntity>;
  private readonly quarantine: Repository<QuarantinedRecordEntity>;

  constructor(ds: DataSource) {
    this.sql = new Sql(ds);
    this.sources = ds.getRepository(SourceEntity);
    this.runs = ds.getRepository(SourceRunEntity);
    this.quarantine = ds.getRepository(QuarantinedRecordEntity);
  }

  list(): Promise<SourceEntity[]> {
    return this.sources.find({ order: { name: 'ASC' } });
  }

  byId(id: string): Promise<SourceEntity | null> {
    return this.sources.findOne({ where: { id } });
  }

  byName(name: string): Promise<SourceEntity | null> {
    return this.sources.findOne({ where: { name } });
  }

  nameTaken(name: string): Promise<boolean> {
    return this.sources.exists({ where: { name } });
  }

  insert(fields: Partial<SourceEntity>): Promise<SourceEntity> {
    return this.sources.save(this.sources.create(fields));
  }

  async update(id: string, changes: Partial<SourceEntity>): Promise<void> {
    await this.sources.update({ id }, changes);
  }

  /** A source's runs, newest first. */
  runsOf(sourceId: string, first: number): Promise<SourceRunEntity[]> {
    return this.runs.find({ where: { sourceId }, order: { startedAt: 'DESC' }, take: first });
  }

  /** A source's quarantined records, newest first. */
  quarantinedOf(sourceId: string, first: number): Promise<QuarantinedRecordEntity[]> {
    return this.quarantine.find({ where: { sourceId }, order: { createdAt: 'DESC' }, take: first });
  }

  /** The latest run a refresh job (by its job key) started. */
  runOfJob(sourceId: string, jobKey: string): Promise<SourceRunEntity | null> {
    return this.runs.findOne({ where: { sourceId, jobId: jobKey }, order: { startedAt: 'DESC' } });
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
