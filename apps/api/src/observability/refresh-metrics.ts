import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SourcesRepository } from '@skillpath/refresh';
import { ALL_QUEUES, JOB_STATES } from './all-queues.provider';

const OUTCOMES = ['created', 'updated', 'unchanged', 'expired', 'quarantined'] as const;

/**
 * Prometheus metrics of the queues and the listing refresh, read fresh at every scrape from Redis
 * (job counts) and from source_runs (the record of every run), so every API replica answers the same.
 */
@Injectable()
export class RefreshMetrics {
  readonly registry = new Registry();
  private readonly queueJobs: Gauge;
  private readonly runs: Gauge;
  private readonly durations: Gauge;
  private readonly records: Gauge;
  private readonly scrapeErrors: Gauge;
  private readonly sources: SourcesRepository;

  constructor(
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
    @InjectDataSource() ds: DataSource,
  ) {
    this.sources = new SourcesRepository(ds);
    collectDefaultMetrics({ register: this.registry, prefix: 'skillpath_api_' });
    const gauge = (name: string, help: string, labelNames: string[]) =>
      new Gauge({ name, help, labelNames, registers: [this.registry] });
    this.queueJobs = gauge('skillpath_queue_jobs', 'BullMQ jobs by queue and state', ['queue', 'state']);
    this.runs = gauge('skillpath_source_refresh_runs', 'Recorded refresh runs by source and status', [
      'source',
      'status',
    ]);
    this.durations = gauge(
      'skillpath_source_refresh_run_duration_seconds',
      'Refresh run duration by source: the last finished run, and p50/p95 of runs finished in the last 7 days',
      ['source', 'stat'],
    );
    this.records = gauge(
      'skillpath_source_refresh_records',
      'Listings handled by refresh runs, by source and outcome (sum over recorded runs)',
      ['source', 'outcome'],
    );
    this.scrapeErrors = gauge(
      'skillpath_metrics_scrape_errors',
      'Metric sources unreadable in the last scrape (1 = unreadable)',
      ['source'],
    );
  }

  /** Reads every figure now; a source that is down is reported as such and the rest still answers. */
  async scrape(): Promise<string> {
    await Promise.all([
      this.guarded('redis', () => this.readQueues()),
      this.guarded('postgres', () => this.readRuns()),
    ]);
    return this.registry.metrics();
  }

  private async readQueues(): Promise<void> {
    const all = await Promise.all(
      this.queues.map(async (q) => [q.name, await q.getJobCounts(...JOB_STATES)] as const),
    );
    this.queueJobs.reset();
    for (const [queue, counts] of all)
      for (const state of JOB_STATES) this.queueJobs.set({ queue, state }, counts[state] ?? 0);
  }

  private async readRuns(): Promise<void> {
    const [byStatus, durations, records] = await Promise.all([
      this.sources.runsByStatus(),
      this.sources.runDurations(),
      this.sources.runRecords(),
    ]);
    this.runs.reset();
    for (const r of byStatus) this.runs.set({ source: r.source, status: r.status }, r.n);
    this.durations.reset();
    for (const r of durations)
      for (const stat of ['last', 'p50', 'p95'] as const)
        if (r[stat] !== null) this.durations.set({ source: r.source, stat }, r[stat]!);
    this.records.reset();
    for (const r of records)
      for (const outcome of OUTCOMES) this.records.set({ source: r.source, outcome }, r[outcome]);
  }

  private async guarded(source: string, read: () => Promise<void>): Promise<void> {
    try {
      await withTimeout(read(), 3000);
      this.scrapeErrors.set({ source }, 0);
    } catch {
      this.scrapeErrors.set({ source }, 1);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
