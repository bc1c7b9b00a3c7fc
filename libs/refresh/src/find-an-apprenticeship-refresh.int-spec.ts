import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { FEED_SKILL_PHRASES, startFeedServer, type FeedServer } from '@skillpath/connectors/testing';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  testConfig,
  testServers,
  type TestDatabase,
} from '@skillpath/testing';
import { startRefreshWorker } from './testing/refresh-worker-app';
import {
  catalogueOf,
  insertSkills,
  insertSource,
  RefreshQueueClient,
  runsOf,
} from './testing/refresh-test-kit';

jest.setTimeout(60_000);

/** Find an apprenticeship feed → real queue → worker → catalogue, with the feed misbehaving on purpose. */
describe('refreshing a Find an apprenticeship source through the queue', () => {
  let db: TestDatabase;
  let pg: Client;
  let feed: FeedServer;
  let worker: INestApplicationContext;
  let client: RefreshQueueClient;
  let sourceId: string;
  let skillIds: Map<string, string>;
  const prefix = randomRedisPrefix();
  const PAGE = 20;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    skillIds = await insertSkills(pg, FEED_SKILL_PHRASES);
    feed = await startFeedServer({ totalVacancies: 70, seed: 3, malformedEvery: 13 });
    sourceId = await insertSource(pg, {
      name: 'faa-test',
      format: 'find-an-apprenticeship',
      url: feed.baseUrl,
      credentialsEnv: 'SKILLPATH_SOURCE_KEY_FAA_TEST',
      pageSize: PAGE,
      rateLimitPerSecond: 200,
    });
    const config = testConfig(db.url, prefix);
    worker = await startRefreshWorker(config, {
      schedules: false,
      secrets: (name) => (name === 'SKILLPATH_SOURCE_KEY_FAA_TEST' ? feed.subscriptionKey : undefined),
      fetch: { timeoutMs: 400, retries: 2, baseDelayMs: 20 },
    });
    client = new RefreshQueueClient(testServers().redisUrl, prefix);
    await client.ready();
  });

  afterAll(async () => {
    await client?.close();
    await worker?.close();
    await feed?.close();
    await pg?.end();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  it('loads every page, retrying a 500, quarantining malformed records and storing the rest as plain text with skills', async () => {
    feed.failPage(2, { status: 500, body: 'upstream hiccup' });
    const v0 = feed.describeVersion(0);
    const outcome = await client.refresh(sourceId);
    expect(outcome).toMatchObject({ ok: true, result: { status: 'success' } });
    await client.enrichmentSettled();

    const page2Requests = feed.requests.filter((r) => r.pageNumber === 2);
    expect(page2Requests).toHaveLength(2); // the 500, then the retry

    const [run] = await runsOf(pg, sourceId);
    const good = v0.presentRefs.filter((r) => !v0.malformedRefs.includes(r));
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      pages: Math.ceil(70 / PAGE),
      fetched: 70,
      created: good.length,
      updated: 0,
      unchanged: 0,
      expired: 0,
      quarantined: v0.malformedRefs.length,
      error: null,
      cursor: null,
    });
    expect(v0.malformedRefs.length).toBeGreaterThan(0);

    const rows = await catalogueOf(pg, sourceId);
    expect(rows.map((r) => r.source_ref)).toEqual([...good].sort());
    expect(rows.every((r) => r.status === 'ACTIVE')).toBe(true);

    const quarantined = await pg.query<{
      source_ref: string;
      reason: string;
      raw: { vacancyReference: string };
    }>(
      'SELECT source_ref, reason, raw FROM quarantined_records WHERE source_id = $1 AND run_id = $2 ORDER BY source_ref',
      [sourceId, run.id],
    );
    expect(quarantined.rows.map((q) => q.source_ref)).toEqual([...v0.malformedRefs].sort());
    for (const q of quarantined.rows) {
      expect(q.reason).toMatch(/title|closingDate/);
      expect(q.raw.vacancyReference).toBe(q.source_ref);
    }

    // HTML in descriptions arrives as plain text; the skills named in it are linked.
    const sample = await pg.query<{ id: string; description: string; funded_available: boolean }>(
      'SELECT id, description, funded_available FROM opportunities WHERE source_id = $1 LIMIT 5',
      [sourceId],
    );
    for (const o of sample.rows) {
      expect(o.description).not.toMatch(/<[a-z/]/i);
      expect(o.description).toContain('Mentor & buddy');
      expect(o.funded_available).toBe(true);
    }
    const linked = await pg.query<{ n: number; roles: string[] }>(
      `SELECT count(*)::int AS n, array_agg(DISTINCT role) AS roles FROM opportunity_skills os
       JOIN opportunities o ON o.id = os.opportunity_id WHERE o.source_id = $1`,
      [sourceId],
    );
    expect(linked.rows[0].n).toBeGreaterThanOrEqual(good.length);
    expect(linked.rows[0].roles).toEqual(['TAUGHT']);
    const skillOf = await pg.query<{ skill_id: string }>(
      'SELECT skill_id FROM opportunity_skills WHERE opportunity_id = $1',
      [sample.rows[0].id],
    );
    for (const s of skillOf.rows) expect([...skillIds.values()]).toContain(s.skill_id);

    // The run's own change set; enrichment publishes its own after it (origin 'enrichment').
    const published = (await client.publishedChanges()).filter((p) => p.origin === 'source:faa-test');
    expect(published).toHaveLength(1);
    expect(published[0].expiredIds).toEqual([]);
    expect(published[0].changedIds).toHaveLength(good.length);
  });

  it('second run: changed listings are updated, vanished ones EXPIRED, unchanged ones not rewritten', async () => {
    const before = new Map((await catalogueOf(pg, sourceId)).map((r) => [r.source_ref, r]));
    feed.setVersion(1);
    const v1 = feed.describeVersion(1);
    const bad = new Set(v1.malformedRefs);
    const unchanged = v1.unchangedRefs.filter((r) => !bad.has(r));
    const changed = v1.changedRefs.filter((r) => !bad.has(r));
    const added = v1.addedRefs.filter((r) => !bad.has(r));
    const vanished = v1.vanishedRefs.filter((r) => before.has(r));
    expect(unchanged.length && changed.length && vanished.length).toBeGreaterThan(0);

    const outcome = await client.refresh(sourceId);
    expect(outcome.ok).toBe(true);
    await client.enrichmentSettled();
    const runs = await runsOf(pg, sourceId);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({
      status: 'SUCCEEDED',
      created: added.length,
      updated: changed.length,
      unchanged: unchanged.length,
      expired: vanished.length,
      quarantined: v1.malformedRefs.length,
    });

    const after = new Map((await catalogueOf(pg, sourceId)).map((r) => [r.source_ref, r]));
    for (const ref of unchanged) {
      expect(after.get(ref)!.updated_at).toEqual(before.get(ref)!.updated_at);
      expect(after.get(ref)!.content_hash).toBe(before.get(ref)!.content_hash);
    }
    for (const ref of changed) {
      expect(after.get(ref)!.content_hash).not.toBe(before.get(ref)!.content_hash);
      expect(after.get(ref)!.status).toBe('ACTIVE');
    }
    for (const ref of vanished) expect(after.get(ref)!.status).toBe('EXPIRED');
    for (const ref of added) expect(after.get(ref)!.status).toBe('ACTIVE');
    expect(after.size).toBe(before.size + added.length); // expired, never deleted

    const published = (await client.publishedChanges()).filter((p) => p.origin === 'source:faa-test');
    expect(published).toHaveLength(2);
    const last = published.find((p) => p.expiredIds.length > 0)!;
    expect(last.expiredIds).toHaveLength(vanished.length);
    expect(last.changedIds).toHaveLength(changed.length + added.length);
  });

  it('an unchanged re-run survives a timeout (retried) and rewrites nothing', async () => {
    const before = await catalogueOf(pg, sourceId);
    feed.failPage(1, { hang: true });
    const outcome = await client.refresh(sourceId);
    expect(outcome.ok).toBe(true);
    const run = (await runsOf(pg, sourceId)).at(-1)!;
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, expired: 0 });
    expect(run.unchanged).toBe(before.filter((r) => r.status === 'ACTIVE').length);
    expect(await catalogueOf(pg, sourceId)).toEqual(before);
  });

  it('a source that keeps timing out, or a page that stays malformed, fails the run clearly and expires nothing', async () => {
    const before = await catalogueOf(pg, sourceId);
    feed.setVersion(2); // a version in which other listings vanished: a complete run would expire them

    feed.setFaultHook((r) => (r.pageNumber === 3 ? { hang: true } : undefined));
    const timedOut = await client.refresh(sourceId);
    expect(timedOut.ok).toBe(false);
    let run = (await runsOf(pg, sourceId)).at(-1)!;
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(
      /TIMEOUT, 3 attempts.*no complete answer within 400 ms.*after 2 pages written; nothing was expired/,
    );
    expect(run.expired).toBe(0);

    feed.setFaultHook((r) =>
      r.pageNumber === 2 ? { status: 200, body: '<html>maintenance</html>' } : undefined,
    );
    const malformed = await client.refresh(sourceId);
    expect(malformed.ok).toBe(false);
    run = (await runsOf(pg, sourceId)).at(-1)!;
    expect(run).toMatchObject({ status: 'FAILED', pages: 1, expired: 0 });
    expect(run.error).toMatch(/A page could not be read/);
    feed.setFaultHook(undefined);

    // Pages written before the failure may bring back listings that reappeared, but nothing is expired.
    const after = new Map((await catalogueOf(pg, sourceId)).map((r) => [r.source_ref, r.status]));
    expect(after.size).toBe(before.length);
    for (const r of before) if (r.status === 'ACTIVE') expect(after.get(r.source_ref)).toBe('ACTIVE');
  });
});
