import { INestApplicationContext } from '@nestjs/common';
import type { ChildProcess } from 'child_process';
import { Client } from 'pg';
import { FEED_SKILL_PHRASES, startFeedServer, type FeedServer } from '@skillpath/connectors/testing';
import { databaseName } from '@skillpath/persistence';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  TcpProxy,
  testConfig,
  testServers,
  type TestDatabase,
} from '@skillpath/testing';
import { DisposableRedis, freePort, killHard, spawnRefreshWorker } from './testing/child-processes';
import { startRefreshWorker } from './testing/refresh-worker-app';
import {
  catalogueOf,
  insertSkills,
  insertSource,
  RefreshQueueClient,
  runsOf,
  waitFor,
  type SourceRow,
} from './testing/refresh-test-kit';

jest.setTimeout(120_000);

const TOTAL = 3000; // 30 pages of 100
const PAGES = 30;
const RATE = 25; // pages a second: slow enough to interrupt mid-run

/**
 * Crash, Redis restart and PostgreSQL outage in the middle of multi-page runs. Each interrupted
 * source must end with exactly the catalogue of an uninterrupted run of the same feed.
 */
describe('refresh runs survive crashes and outages', () => {
  let db: TestDatabase;
  let pg: Client;
  let feed: FeedServer;
  let expected: string[];
  let malformed: number;
  const prefix = randomRedisPrefix();
  const secrets = (name: string) => (name === 'FEED_KEY' ? feed.subscriptionKey : undefined);

  const source = (name: string): SourceRow => ({
    name,
    format: 'find-an-apprenticeship',
    url: feed.baseUrl,
    credentialsEnv: 'FEED_KEY',
    rateLimitPerSecond: RATE,
    pageSize: 100,
  });
  const snapshot = async (sourceId: string) =>
    (await catalogueOf(pg, sourceId)).map((r) => `${r.source_ref}|${r.content_hash}|${r.status}`);

  /** The run is exact: one run row, every page once, every good listing once, every bad one quarantined once. */
  async function expectExactRun(sourceId: string) {
    const runs = await runsOf(pg, sourceId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'SUCCEEDED',
      pages: PAGES,
      fetched: TOTAL,
      created: TOTAL - malformed,
      quarantined: malformed,
      updated: 0,
    });
    const q = await pg.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT source_ref)::int AS d FROM quarantined_records WHERE source_id = $1',
      [sourceId],
    );
    expect(q.rows[0]).toEqual({ n: malformed, d: malformed });
    const skills = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM opportunity_skills os JOIN opportunities o ON o.id = os.opportunity_id WHERE o.source_id = $1`,
      [sourceId],
    );
    expect(skills.rows[0].n).toBe(referenceSkillLinks);
    expect(await snapshot(sourceId)).toEqual(expected);
  }
  let referenceSkillLinks = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await insertSkills(pg, FEED_SKILL_PHRASES);
    feed = await startFeedServer({ totalVacancies: TOTAL, seed: 11, malformedEvery: 97 });
    malformed = feed.describeVersion(0).malformedRefs.length;

    // The reference: an uninterrupted run of the same feed.
    const worker = await startRefreshWorker(testConfig(db.url, prefix), { schedules: false, secrets });
    const client = new RefreshQueueClient(testServers().redisUrl, prefix);
    await client.ready();
    const referenceId = await insertSource(pg, { ...source('reference'), rateLimitPerSecond: 1000 });
    expect((await client.refresh(referenceId)).ok).toBe(true);
    expected = await snapshot(referenceId);
    expect(expected).toHaveLength(TOTAL - malformed);
    const links = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM opportunity_skills os JOIN opportunities o ON o.id = os.opportunity_id WHERE o.source_id = $1`,
      [referenceId],
    );
    referenceSkillLinks = links.rows[0].n;
    await client.close();
    await worker.close();
  });

  afterAll(async () => {
    await feed?.close();
    await pg?.end();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  it('a worker SIGKILLed mid-run is restarted and resumes from its checkpoint: nothing lost, nothing doubled', async () => {
    const sourceId = await insertSource(pg, source('crash'));
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: testServers().redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      MIGRATE_ON_START: 'false',
      FEED_KEY: feed.subscriptionKey!,
      REFRESH_LOCK_MS: '2000',
      REFRESH_STALLED_MS: '500',
    };
    const client = new RefreshQueueClient(testServers().redisUrl, prefix);
    await client.ready();
    let child: ChildProcess | undefined;
    try {
      child = await spawnRefreshWorker(env);
      const job = await client.enqueue(sourceId);
      const killedAt = await waitFor('a few pages written', async () => {
        const [run] = await runsOf(pg, sourceId);
        return run && run.pages >= 8 ? run : undefined;
      });
      await killHard(child);
      const [atKill] = await runsOf(pg, sourceId);
      expect(atKill.status).toBe('RUNNING');
      expect(atKill.pages).toBeGreaterThanOrEqual(killedAt.pages);
      expect(atKill.pages).toBeLessThan(PAGES);
      const requestsBefore = feed.requests.length;

      child = await spawnRefreshWorker(env);
      const outcome = await client.wait(job, 60_000);
      expect(outcome).toMatchObject({ ok: true, result: { status: 'success', resumed: true } });

      // The restarted worker went on from the checkpoint (the page in flight at the kill is fetched again).
      const resumedFrom = feed.requests.slice(requestsBefore).filter((r) => r.url.includes('/vacancy'))[0];
      expect(resumedFrom.pageNumber).toBe(atKill.pages + 1);
      await expectExactRun(sourceId);
    } finally {
      if (child) await killHard(child);
      await client.close();
    }
  });

  it('Redis killed and restarted mid-run: the run completes exactly and the worker keeps consuming', async () => {
    const redis = new DisposableRedis(await freePort());
    await redis.start();
    const redisPrefix = randomRedisPrefix();
    let worker: INestApplicationContext | undefined;
    const client = new RefreshQueueClient(redis.url, redisPrefix);
    try {
      const sourceId = await insertSource(pg, source('redis-restart'));
      worker = await startRefreshWorker(testConfig(db.url, redisPrefix, { REDIS_URL: redis.url }), {
        schedules: false,
        secrets,
      });
      await client.ready();
      await client.enqueue(sourceId);
      await waitFor('a few pages written', async () => ((await runsOf(pg, sourceId))[0]?.pages ?? 0) >= 5);
      await redis.kill();
      await new Promise((r) => setTimeout(r, 500));
      await redis.start(); // empty: the queue's contents are gone, the run's checkpoint is in PostgreSQL
      await waitFor(
        'the run to finish',
        async () => (await runsOf(pg, sourceId))[0]?.status !== 'RUNNING',
        60_000,
      );
      await expectExactRun(sourceId);

      // The worker reconnected: a new refresh runs (and finds everything unchanged).
      const again = await client.refresh(sourceId, 30_000);
      expect(again).toMatchObject({
        ok: true,
        result: { status: 'success', unchanged: TOTAL - malformed, created: 0 },
      });
    } finally {
      await client.close().catch(() => undefined);
      await worker?.close().catch(() => undefined);
      await redis.kill();
    }
  });

  it('PostgreSQL unreachable for a moment mid-run: the job is retried and resumes; nothing half-written', async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(testServers().databaseServerUrl).port || 5432));
    const proxyPort = await proxy.start();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxyPort);
    expect(databaseName(viaProxy.toString())).toBe(databaseName(db.url));
    const redisPrefix = randomRedisPrefix();
    let worker: INestApplicationContext | undefined;
    const client = new RefreshQueueClient(testServers().redisUrl, redisPrefix);
    try {
      const sourceId = await insertSource(pg, source('pg-outage'));
      worker = await startRefreshWorker(testConfig(viaProxy.toString(), redisPrefix), {
        schedules: false,
        secrets,
      });
      await client.ready();
      const job = await client.enqueue(sourceId);
      await waitFor('a few pages written', async () => ((await runsOf(pg, sourceId))[0]?.pages ?? 0) >= 5);
      await proxy.cut();
      const [duringOutage] = await runsOf(pg, sourceId);
      await new Promise((r) => setTimeout(r, 1500));
      await proxy.restore();
      const outcome = await client.wait(job, 60_000);
      expect(outcome).toMatchObject({ ok: true, result: { status: 'success', resumed: true } });
      expect((await client.queue.getJob(job.id!))!.attemptsMade).toBeGreaterThanOrEqual(1);
      expect(duringOutage.status).toBe('RUNNING');
      await expectExactRun(sourceId);
    } finally {
      await client.close();
      await worker?.close().catch(() => undefined);
      await proxy.stop();
      await flushRedisPrefix(redisPrefix);
    }
  });
});
