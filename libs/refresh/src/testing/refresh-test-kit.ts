import { Job, Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { type SkillMatcher } from '@skillpath/connectors';
import {
  FEED_SKILL_PHRASES,
  startFeedServer,
  type FeedServer,
  type FeedServerOptions,
} from '@skillpath/connectors/testing';
import { createDataSource } from '@skillpath/persistence';
import { SkillExtractor } from '@skillpath/taxonomy';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { ListingChanges, QueueName, redisConnectionOptions } from '@skillpath/queues';
import { enqueueRefresh } from '../refresh-queue';
import { SkillMatcherCache } from '../skill-matcher.cache';
import { SourceRefreshRunner } from '../source-refresh.runner';

/** A matcher that counts the texts it is asked about: one per normalised listing (its description). */
export class CountingMatcher implements SkillMatcher {
  calls = 0;
  constructor(private readonly inner: SkillMatcher) {}
  match(text: string) {
    this.calls++;
    return this.inner.match(text);
  }
}

/** The skill matcher cache with a taxonomy version the test controls. */
export class FixedSkills extends SkillMatcherCache {
  version = 'taxonomy-1';
  constructor(
    ds: DataSource,
    readonly matcher: CountingMatcher,
  ) {
    super(ds);
  }
  override async currentVersioned() {
    return { matcher: this.matcher, version: this.version };
  }
}

export interface SourceRow {
  name: string;
  format: string;
  url: string;
  credentialsEnv?: string | null;
  schedule?: string | null;
  rateLimitPerSecond?: number;
  pageSize?: number;
  enabled?: boolean;
}

export async function insertSource(pg: Client, s: SourceRow): Promise<string> {
  const { rows } = await pg.query<{ id: string }>(
    `INSERT INTO sources (name, format, url, credentials_env, schedule, rate_limit_per_second, page_size, enabled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      s.name,
      s.format,
      s.url,
      s.credentialsEnv ?? null,
      s.schedule ?? null,
      s.rateLimitPerSecond ?? 1000,
      s.pageSize ?? 100,
      s.enabled ?? true,
    ],
  );
  return rows[0].id;
}

/** Taxonomy skills with these labels; returns label → id. */
export async function insertSkills(pg: Client, labels: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await pg.query<{ id: string; label: string }>(
    `INSERT INTO skills (label) SELECT unnest($1::text[]) RETURNING id, label`,
    [labels],
  );
  return new Map(rows.map((r) => [r.label, r.id]));
}

export interface CatalogueRow {
  source_ref: string;
  content_hash: string;
  status: string;
  updated_at: Date;
}

export async function catalogueOf(pg: Client, sourceId: string): Promise<CatalogueRow[]> {
  const { rows } = await pg.query<CatalogueRow>(
    `SELECT source_ref, content_hash, status, updated_at FROM opportunities WHERE source_id = $1 ORDER BY source_ref`,
    [sourceId],
  );
  return rows;
}

export interface RunRow {
  id: string;
  status: string;
  pages: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  expired: number;
  quarantined: number;
  error: string | null;
  cursor: string | null;
  job_id: string | null;
}

export async function runsOf(pg: Client, sourceId: string): Promise<RunRow[]> {
  const { rows } = await pg.query<RunRow>(
    `SELECT id, status, pages, fetched, created, updated, unchanged, expired, quarantined, error, cursor, job_id
     FROM source_runs WHERE source_id = $1 ORDER BY started_at`,
    [sourceId],
  );
  return rows;
}

/** A test's handle on the real refresh queue and the listing-changes queue the runs publish to. */
export class RefreshQueueClient {
  readonly queue: Queue;
  readonly changes: Queue;
  readonly enrichment: Queue;
  readonly events: QueueEvents;

  constructor(redisUrl: string, prefix: string) {
    const connection = redisConnectionOptions(redisUrl);
    this.queue = new Queue(QueueName.SourceRefresh, { connection, prefix });
    this.changes = new Queue(QueueName.ListingChanges, { connection, prefix });
    this.enrichment = new Queue(QueueName.ListingEnrichment, { connection, prefix });
    this.events = new QueueEvents(QueueName.SourceRefresh, { connection, prefix });
  }

  async ready(): Promise<void> {
    await this.events.waitUntilReady();
  }

  enqueue(sourceId: string): Promise<Job> {
    return enqueueRefresh(this.queue, sourceId, 'test');
  }

  /** Enqueues a refresh and waits for the job: its result, or the reason it failed. */
  async refresh(
    sourceId: string,
    timeoutMs = 30_000,
  ): Promise<{ ok: true; result: Record<string, unknown> } | { ok: false; error: string }> {
    const job = await this.enqueue(sourceId);
    return this.wait(job, timeoutMs);
  }

  async wait(
    job: Job,
    timeoutMs = 30_000,
  ): Promise<{ ok: true; result: Record<string, unknown> } | { ok: false; error: string }> {
    try {
      const result = (await job.waitUntilFinished(this.events, timeoutMs)) as Record<string, unknown>;
      return { ok: true, result };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * Waits until the enrichment a refresh asked for has run: it rewrites listings' occupations (and
   * their updated_at) and publishes its own change set, so a test comparing rows or change sets
   * across runs waits for it first.
   */
  async enrichmentSettled(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      'listing enrichment to settle',
      async () => {
        const counts = await this.enrichment.getJobCounts('waiting', 'delayed', 'prioritized', 'active');
        return Object.values(counts).every((n) => n === 0);
      },
      timeoutMs,
    );
  }

  /** Every change set published to the fan-out queue so far. */
  async publishedChanges(): Promise<ListingChanges[]> {
    const jobs = await this.changes.getJobs(
      ['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed'],
      0,
      -1,
      true,
    );
    return jobs.map((j) => j.data as ListingChanges);
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    await this.changes.close();
    await this.enrichment.close();
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A scratch database with the feed phrases as skills, a local Find an apprenticeship feed, one source of it, and a runner. */
export interface RunnerFixture {
  db: TestDatabase;
  pg: Client;
  ds: DataSource;
  feed: FeedServer;
  sourceId: string;
  runner: SourceRefreshRunner;
  /** Present when asked for (`countNormalised`): the skills cache, whose matcher counts what it normalises. */
  skills?: FixedSkills;
  close(): Promise<void>;
}

export async function startRunnerFixture(opts: {
  feed: FeedServerOptions;
  source: { name: string; pageSize: number };
  /** Match skills through a FixedSkills cache with a CountingMatcher (to count normalised records). */
  countNormalised?: boolean;
}): Promise<RunnerFixture> {
  const db = await createTestDatabase();
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const ids = await insertSkills(pg, FEED_SKILL_PHRASES);
  const ds = createDataSource({ url: db.url, poolSize: 4 });
  await ds.initialize();
  const feed = await startFeedServer(opts.feed);
  const sourceId = await insertSource(pg, {
    name: opts.source.name,
    format: 'find-an-apprenticeship',
    url: feed.baseUrl,
    credentialsEnv: 'SKILLPATH_SOURCE_KEY_FEED',
    pageSize: opts.source.pageSize,
  });
  const skills = opts.countNormalised
    ? new FixedSkills(
        ds,
        new CountingMatcher(
          new SkillExtractor([...ids].map(([label, id]) => ({ id, label, altLabels: [] }))),
        ),
      )
    : undefined;
  const runner = new SourceRefreshRunner(
    ds,
    { publish: async () => undefined },
    {
      ...(skills ? { skills } : {}),
      secrets: () => feed.subscriptionKey,
      network: { allowPrivateNetworks: true },
    },
  );
  return {
    db,
    pg,
    ds,
    feed,
    sourceId,
    runner,
    skills,
    close: async () => {
      await feed.close();
      await ds.destroy();
      await pg.end();
      await db.drop();
    },
  };
}
