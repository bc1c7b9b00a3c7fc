import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { AuthService, PasswordService, TokenService } from '@skillpath/auth';
import { QueueName, redisConnectionOptions } from '@skillpath/queues';
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
import { WebModule } from '../web/web.module';

jest.setTimeout(60_000);

const PASSWORD = 'correct horse battery staple';
const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

interface BoardQueue {
  name: string;
  counts: Record<string, number>;
  jobs: { id: string; name: string; data: unknown }[];
}

/**
 * Bull Board at /admin/queues in the API as AppModule wires it, with a built web app in front of
 * nothing but its own routes. Every login-style check here comes from 127.0.0.1, so the file stays
 * under the per-IP login limit (20 a minute): the comments count the password checks.
 */
describe('queue board at /admin/queues', () => {
  let db: TestDatabase;
  let pg: Client;
  let app: INestApplication;
  let baseUrl: string;
  let webDist: string;
  let adminToken: string;
  let learnerToken: string;
  const prefix = randomRedisPrefix();
  const queues = new Map<QueueName, Queue>();
  let refreshJobId: string;
  let delayedJobId: string;

  const get = (path: string, authorization?: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { headers: { ...headers, ...(authorization ? { authorization } : {}) } });
  const put = (path: string, authorization?: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'PUT',
      headers: { ...headers, ...(authorization ? { authorization } : {}) },
    });
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    webDist = mkdtempSync(join(tmpdir(), 'board-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>skillpath web</title>');
    const config = testConfig(db.url, prefix);
    @Module({ imports: [AppModule.forRoot(config), WebModule.forRoot({ distDir: webDist })] })
    class ApiWithWebModule {}
    app = await NestFactory.create(ApiWithWebModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    const auth = app.get(AuthService);
    const tokens = app.get(TokenService);
    const admin = await auth.createUser({
      email: 'ops@example.org',
      password: PASSWORD,
      displayName: 'Ops',
      role: 'ADMIN',
    });
    const learner = await auth.createUser({
      email: 'lee@example.org',
      password: PASSWORD,
      displayName: 'Lee',
      role: 'LEARNER',
    });
    for (const email of ['locked@example.org', 'burst@example.org', 'moving@example.org'])
      await auth.createUser({ email, password: PASSWORD, displayName: email, role: 'ADMIN' });
    adminToken = await tokens.signAccessToken(admin.id, 'ADMIN');
    learnerToken = await tokens.signAccessToken(learner.id, 'LEARNER');

    const connection = redisConnectionOptions(testServers().redisUrl);
    for (const name of Object.values(QueueName)) queues.set(name, new Queue(name, { connection, prefix }));
    refreshJobId = (
      await queues
        .get(QueueName.SourceRefresh)!
        .add('refresh-source', { sourceId: 'board-test-source', requestedBy: 'test' })
    ).id!;
    delayedJobId = (
      await queues
        .get(QueueName.Maintenance)!
        .add('expire-closed-opportunities', { requestedBy: 'test' }, { delay: 3_600_000 })
    ).id!;
  });

  afterAll(async () => {
    for (const q of queues.values()) await q.close();
    await app?.close();
    await pg?.end();
    await flushRedisPrefix(prefix);
    await db?.drop();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('refuses anonymous callers everywhere on the board with a Basic challenge, never the web app', async () => {
    for (const path of [
      '/admin/queues',
      '/admin/queues/',
      '/admin/queues/queue/source-refresh',
      '/admin/queues/static/favicon-32x32.png',
      '/admin/queues/api/queues',
      '/admin/queues/api/redis/stats',
    ]) {
      const res = await get(path, undefined, { accept: 'text/html' });
      expect([path, res.status]).toEqual([path, 401]);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Skillpath admin", charset="UTF-8"');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).not.toContain('skillpath web');
    }
  });

  it('refuses learners (403), and wrong, unknown or malformed credentials (401)', async () => {
    // Password checks: lee (1), ops wrong (2), nobody (3).
    expect((await get('/admin/queues', bearer(learnerToken))).status).toBe(403);
    const learnerBasic = await get('/admin/queues', basic('lee@example.org', PASSWORD));
    expect(learnerBasic.status).toBe(403);
    expect(await learnerBasic.text()).toMatch(/Only admin accounts/);
    expect((await get('/admin/queues/api/queues', basic('lee@example.org', PASSWORD))).status).toBe(403);

    for (const authorization of [
      basic('ops@example.org', 'not the password'),
      basic('nobody@example.org', PASSWORD),
      'Basic not-base64-and-no-colon',
      `Basic ${Buffer.from('no colon here').toString('base64')}`,
      'Bearer not-a-token',
      'Bearer',
      'Digest username="ops@example.org"',
    ]) {
      const res = await get('/admin/queues', authorization);
      expect([authorization, res.status]).toEqual([authorization, 401]);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
  });

  it('serves the board page and its assets to an ADMIN, by Basic and by bearer token', async () => {
    // Password checks: ops (4); afterwards the pair is remembered.
    for (const authorization of [basic('ops@example.org', PASSWORD), bearer(adminToken)]) {
      const page = await get('/admin/queues', authorization, { accept: 'text/html' });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain('<base href="/admin/queues/"');
      expect(html).toContain('<title>Skillpath queues</title>');
      expect(html).not.toContain('skillpath web');
      // The page links a third-party web-font stylesheet; the policy names no other host, so it is never fetched.
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("font-src 'self'");
      expect(csp).not.toMatch(/https?:|\*/);
      const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.filter((a) => a.endsWith('.js')).length).toBeGreaterThan(0);
      expect(assets.filter((a) => a.endsWith('.css')).length).toBeGreaterThan(0);
      for (const asset of assets) {
        const res = await get(`/admin/queues/${asset}`, authorization);
        expect([asset, res.status]).toEqual([asset, 200]);
        expect(res.headers.get('content-type')).toMatch(/javascript|css|image/);
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
        expect((await get(`/admin/queues/${asset}`)).status).toBe(401);
      }
      // The board's own client-side routes render the same page.
      const queuePage = await get('/admin/queues/queue/source-refresh', authorization, {
        accept: 'text/html',
      });
      expect(queuePage.status).toBe(200);
      expect(await queuePage.text()).toContain('<title>Skillpath queues</title>');
    }
  });

  it('its API lists every queue, with the jobs enqueued under the configured prefix', async () => {
    for (const authorization of [bearer(adminToken), basic('ops@example.org', PASSWORD)]) {
      const res = await get(
        '/admin/queues/api/queues?activeQueue=source-refresh&status=waiting&page=1&jobsPerPage=10',
        authorization,
      );
      expect(res.status).toBe(200);
      const { queues: listed } = (await res.json()) as { queues: BoardQueue[] };
      expect(listed.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
      const refresh = listed.find((q) => q.name === QueueName.SourceRefresh)!;
      expect(refresh.counts.waiting).toBe(1);
      expect(refresh.jobs).toEqual([
        expect.objectContaining({
          id: refreshJobId,
          name: 'refresh-source',
          data: { sourceId: 'board-test-source', requestedBy: 'test' },
        }),
      ]);
      expect(listed.find((q) => q.name === QueueName.Maintenance)!.counts.delayed).toBe(1);
    }
  });

  it('refuses a change without ADMIN or from another site, and leaves the queue as it was', async () => {
    const maintenance = queues.get(QueueName.Maintenance)!;
    const promote = `/admin/queues/api/queues/maintenance/${delayedJobId}/promote`;
    const clean = '/admin/queues/api/queues/maintenance/clean/delayed';
    const refusals: [string, string | undefined, Record<string, string>, number][] = [
      [promote, undefined, {}, 401],
      [clean, undefined, {}, 401],
      [promote, bearer(learnerToken), {}, 403],
      [clean, basic('lee@example.org', PASSWORD), {}, 403],
      [promote, bearer(adminToken), { origin: 'https://evil.example' }, 403],
      [clean, basic('ops@example.org', PASSWORD), { 'sec-fetch-site': 'cross-site' }, 403],
      [clean, bearer(adminToken), { origin: 'null' }, 403],
      [promote, bearer(adminToken), { origin: baseUrl, 'sec-fetch-site': 'same-site' }, 403],
    ];
    for (const [path, authorization, headers, status] of refusals) {
      const res = await put(path, authorization, headers);
      expect([path, headers, res.status]).toEqual([path, headers, status]);
    }
    expect(await (await maintenance.getJob(delayedJobId))!.getState()).toBe('delayed');
    expect(await maintenance.getJobCounts('delayed')).toEqual({ delayed: 1 });

    // The same change from the board's own page (or a script) goes through.
    const ok = await put(promote, basic('ops@example.org', PASSWORD), {
      origin: baseUrl,
      'sec-fetch-site': 'same-origin',
    });
    expect(ok.status).toBeLessThan(300);
    expect(await (await maintenance.getJob(delayedJobId))!.getState()).toBe('waiting');
  });

  it('shares the login limits with the GraphQL login', async () => {
    // Password checks 5–9: three wrong, then the right one delayed, then the GraphQL login.
    for (let i = 0; i < 3; i++)
      expect((await get('/admin/queues', basic('locked@example.org', `wrong ${i}`))).status).toBe(401);
    const locked = await get('/admin/queues', basic('locked@example.org', PASSWORD));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const gql = new GraphQLTestClient(baseUrl);
    expect(
      await gql.errorCode(
        `mutation { login(email: "locked@example.org", password: "${PASSWORD}") { accessToken } }`,
      ),
    ).toBe('RATE_LIMITED');
  });

  it('checks a password once for a burst of requests, and remembers it no longer than it is valid', async () => {
    // Password checks 10–12: one for the burst, then two wrong ones that stay under the delays.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => get('/admin/queues/api/queues', basic('burst@example.org', PASSWORD))),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (let i = 0; i < 2; i++)
      expect((await get('/admin/queues', basic('burst@example.org', `wrong ${i}`))).status).toBe(401);
    // The pair checked for the burst is remembered, without another password check.
    expect((await get('/admin/queues', basic('burst@example.org', PASSWORD))).status).toBe(200);

    // Checks 17–18: a lost role or a changed password takes effect at once.
    const moving = basic('moving@example.org', PASSWORD);
    expect((await get('/admin/queues', moving)).status).toBe(200);
    await pg.query(`UPDATE users SET role = 'LEARNER' WHERE email = 'moving@example.org'`);
    expect((await get('/admin/queues', moving)).status).toBe(403);
    await pg.query(`UPDATE users SET role = 'ADMIN' WHERE email = 'moving@example.org'`);
    expect((await get('/admin/queues', moving)).status).toBe(200);
    const newHash = await app.get(PasswordService).hash('a brand new password');
    await pg.query(`UPDATE users SET password_hash = $1 WHERE email = 'moving@example.org'`, [newHash]);
    expect((await get('/admin/queues', moving)).status).toBe(401);
  });

  it('leaves the rest of the API and the web app where they were', async () => {
    expect((await get('/health')).status).toBe(200);
    expect((await get('/ready')).status).toBe(200);
    expect((await get('/metrics')).status).toBe(200);
    const gql = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await gql.json()).toEqual({ data: { __typename: 'Query' } });
    for (const path of ['/', '/roadmap']) {
      const res = await get(path, undefined, { accept: 'text/html' });
      expect(await res.text()).toContain('skillpath web');
    }
    // A path under the board that the board does not have is a plain 404, not the web app.
    const missing = await get('/admin/queues/no-such-page', bearer(adminToken), { accept: 'text/html' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('skillpath web');
    // The JSON overview that stood at /admin/queues is gone: the board's API replaces it.
    const board = await get('/admin/queues', bearer(adminToken), { accept: 'application/json' });
    expect(board.headers.get('content-type')).toMatch(/text\/html/);
  });
});
