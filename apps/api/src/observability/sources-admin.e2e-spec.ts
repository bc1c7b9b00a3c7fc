import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { TokenService } from '@skillpath/auth';
import { QueueName, redisConnectionOptions } from '@skillpath/queues';
import { SourcesApiModule } from '@skillpath/refresh';
import {
  createTestDatabase,
  flushRedisPrefix,
  GraphQLTestClient,
  randomRedisPrefix,
  testConfig,
  testServers,
  type TestDatabase,
} from '@skillpath/testing';
import { AppModule } from '../app.module';
import { ObservabilityModule } from './observability.module';

jest.setTimeout(60_000);

const SOURCE_FIELDS = 'id name format url credentialsEnv schedule rateLimitPerSecond pageSize enabled';
const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { ${SOURCE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSourceInput!) { updateSource(id: $id, input: $input) { ${SOURCE_FIELDS} } }`;
const REFRESH = `mutation($id: ID!) { refreshSource(id: $id) { sourceId jobId } }`;
const RUNS = `query($id: ID!) { sourceRuns(sourceId: $id, first: 5) { id status pages created error } }`;
const QUARANTINED = `query($id: ID!) { quarantinedRecords(sourceId: $id, first: 5) { sourceRef reason raw } }`;

/** The API as the lead wires it: AppModule + SourcesApiModule + ObservabilityModule. */
describe('sources admin API and /metrics', () => {
  let db: TestDatabase;
  let pg: Client;
  let app: INestApplication;
  let gql: GraphQLTestClient;
  let admin: GraphQLTestClient;
  let learner: GraphQLTestClient;
  let adminToken: string;
  let learnerToken: string;
  let queue: Queue;
  let baseUrl: string;
  const prefix = randomRedisPrefix();

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const users = await pg.query<{ id: string; role: string }>(
      `INSERT INTO users (email, password_hash, display_name, role) VALUES
         ('ops@example.org', 'x', 'Ops', 'ADMIN'), ('lee@example.org', 'x', 'Lee', 'LEARNER') RETURNING id, role`,
    );
    const config = testConfig(db.url, prefix);
    @Module({ imports: [AppModule.forRoot(config), SourcesApiModule, ObservabilityModule] })
    class WiredApiModule {}
    app = await NestFactory.create(WiredApiModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    const tokens = app.get(TokenService);
    adminToken = await tokens.signAccessToken(users.rows.find((u) => u.role === 'ADMIN')!.id, 'ADMIN');
    learnerToken = await tokens.signAccessToken(users.rows.find((u) => u.role === 'LEARNER')!.id, 'LEARNER');
    gql = new GraphQLTestClient(baseUrl);
    admin = gql.as(adminToken);
    learner = gql.as(learnerToken);
    queue = new Queue(QueueName.SourceRefresh, {
      connection: redisConnectionOptions(testServers().redisUrl),
      prefix,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await pg?.end();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  it('creates a source, registers its schedule, and refuses duplicates and bad input with clear messages', async () => {
    const input = {
      name: 'GM apprenticeships',
      format: 'find-an-apprenticeship',
      url: 'https://api.example/vacancies',
      schedule: '0 */6 * * *',
      credentialsEnv: 'SKILLPATH_SOURCE_KEY_FAA',
      rateLimitPerSecond: 2,
    };
    const { createSource } = await admin.ok<{
      createSource: { id: string; enabled: boolean; pageSize: number };
    }>(CREATE, { input });
    expect(createSource).toMatchObject({ ...input, enabled: true, pageSize: 100 });
    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.id ?? s.key, s.pattern])).toEqual([
      [`source:${createSource.id}`, '0 */6 * * *'],
    ]);

    expect(await admin.errorCode(CREATE, { input })).toBe('CONFLICT');
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { format: 'rss' },
        /format must be one of find-an-apprenticeship, jobposting-jsonld, course-jsonld, skills-bootcamps-csv/,
      ],
      [{ url: 'file:///etc/passwd' }, /url must be an http/],
      [{ schedule: '99 * * * *' }, /not a valid cron pattern/],
      [{ rateLimitPerSecond: 0 }, /rateLimitPerSecond must be more than 0/],
      // Attack replay: a source that names the worker's database URL as its "key".
      [
        { credentialsEnv: 'DATABASE_URL' },
        /credentialsEnv must name a variable starting with SKILLPATH_SOURCE_KEY_/,
      ],
    ];
    for (const [change, message] of cases) {
      const r = await admin.request(CREATE, {
        input: { ...input, name: `other ${Math.random()}`, ...change },
      });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(message);
    }
    expect((await admin.ok<{ sources: unknown[] }>('{ sources { id } }')).sources).toHaveLength(1);
  });

  it('updates a source and keeps its scheduler in step (disabled or unscheduled → removed)', async () => {
    const { sources } = await admin.ok<{ sources: { id: string }[] }>('{ sources { id } }');
    const id = sources[0].id;
    const { updateSource } = await admin.ok<{ updateSource: { schedule: string } }>(UPDATE, {
      id,
      input: { schedule: '30 1 * * *' },
    });
    expect(updateSource.schedule).toBe('30 1 * * *');
    expect((await queue.getJobSchedulers(0, -1)).map((s) => s.pattern)).toEqual(['30 1 * * *']);
    await admin.ok(UPDATE, { id, input: { enabled: false } });
    expect(await queue.getJobSchedulers(0, -1)).toEqual([]);
    await admin.ok(UPDATE, { id, input: { enabled: true, schedule: null } });
    expect(await queue.getJobSchedulers(0, -1)).toEqual([]);
    expect(
      await admin.errorCode(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { enabled: true } }),
    ).toBe('NOT_FOUND');
    expect(await admin.errorCode(UPDATE, { id, input: { url: 'nope' } })).toBe('BAD_USER_INPUT');
  });

  it('refreshSource enqueues one job per source (a second request while it waits is the same job)', async () => {
    const { sources } = await admin.ok<{ sources: { id: string }[] }>('{ sources { id } }');
    const id = sources[0].id;
    const first = await admin.ok<{ refreshSource: { jobId: string } }>(REFRESH, { id });
    const second = await admin.ok<{ refreshSource: { jobId: string } }>(REFRESH, { id });
    expect(second.refreshSource.jobId).toBe(first.refreshSource.jobId);
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting.map((j) => j.data)).toEqual([{ sourceId: id, requestedBy: expect.any(String) }]);
  });

  it('lists runs and quarantined records', async () => {
    const { sources } = await admin.ok<{ sources: { id: string }[] }>('{ sources { id } }');
    const id = sources[0].id;
    const run = await pg.query<{ id: string }>(
      `INSERT INTO source_runs (source_id, status, finished_at, pages, created, quarantined, started_at)
       VALUES ($1, 'SUCCEEDED', now(), 3, 250, 1, now() - interval '42 seconds') RETURNING id`,
      [id],
    );
    await pg.query(
      `INSERT INTO quarantined_records (source_id, run_id, source_ref, raw, reason) VALUES ($1, $2, 'V-9', '{"title":null}', 'title is missing')`,
      [id, run.rows[0].id],
    );
    const runs = await admin.ok<{ sourceRuns: unknown[] }>(RUNS, { id });
    expect(runs.sourceRuns).toEqual([
      { id: run.rows[0].id, status: 'SUCCEEDED', pages: 3, created: 250, error: null },
    ]);
    const q = await admin.ok<{ quarantinedRecords: unknown[] }>(QUARANTINED, { id });
    expect(q.quarantinedRecords).toEqual([
      { sourceRef: 'V-9', reason: 'title is missing', raw: '{"title":null}' },
    ]);
  });

  it('every operation is ADMIN only: FORBIDDEN for a learner, UNAUTHENTICATED anonymously', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const operations: [string, Record<string, unknown>?][] = [
      ['{ sources { id } }'],
      [CREATE, { input: { name: 'x', format: 'course-jsonld', url: 'https://x.example' } }],
      [UPDATE, { id, input: { enabled: false } }],
      [REFRESH, { id }],
      [RUNS, { id }],
      [QUARANTINED, { id }],
    ];
    for (const [query, variables] of operations) {
      expect(await learner.errorCode(query, variables)).toBe('FORBIDDEN');
      expect(await gql.errorCode(query, variables)).toBe('UNAUTHENTICATED');
    }
  });

  it('/metrics reports jobs by queue and state, runs, durations and records by outcome', async () => {
    const res = await fetch(`${baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/skillpath_queue_jobs\{queue="source-refresh",state="waiting"\} 1/);
    expect(text).toMatch(/skillpath_queue_jobs\{queue="roadmap-replan",state="failed"\} 0/);
    expect(text).toMatch(/skillpath_source_refresh_runs\{source="GM apprenticeships",status="SUCCEEDED"\} 1/);
    expect(text).toMatch(
      /skillpath_source_refresh_run_duration_seconds\{source="GM apprenticeships",stat="last"\} 4[12]/,
    );
    expect(text).toMatch(
      /skillpath_source_refresh_records\{source="GM apprenticeships",outcome="created"\} 250/,
    );
    expect(text).toMatch(
      /skillpath_source_refresh_records\{source="GM apprenticeships",outcome="quarantined"\} 1/,
    );
    expect(text).toMatch(/skillpath_metrics_scrape_errors\{source="postgres"\} 0/);
  });
});
