import {
  createTestDatabase,
  mixEntryAt,
  processEnv,
  randomRedisPrefix,
  flushRedisPrefix,
  freePort,
  ReadyBalancer,
  seedLoadResident,
  startAppProcess,
  testServers,
  waitUntilReady,
  AppProcess,
  TestDatabase,
} from '@skillpath/testing';
import { loadDemoRegion } from '@skillpath/demo-region';

jest.setTimeout(240_000);

/**
 * Two API processes and two workers on one PostgreSQL and Redis serve the read mix through a load
 * balancer that follows /ready; one API process gets SIGTERM in the middle. Every request must succeed:
 * the stopping process reports not-ready, keeps serving what it was sent, finishes its in-flight
 * requests and exits 0.
 */
describe('two API processes and two workers under the read mix, one API stopped with SIGTERM', () => {
  let db: TestDatabase;
  const prefix = randomRedisPrefix();
  const procs: AppProcess[] = [];
  let balancer: ReadyBalancer;
  let apis: AppProcess[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoRegion(db.url);
    const env = processEnv({
      databaseUrl: db.url,
      redisUrl: testServers().redisUrl,
      redisPrefix: prefix,
      extra: { SHUTDOWN_DRAIN_MS: '1500', SHUTDOWN_TIMEOUT_MS: '20000' },
    });
    // The same secrets for every process, as replicas share them.
    apis = [startAppProcess('api', env, await freePort()), startAppProcess('api', env, await freePort())];
    procs.push(...apis, startAppProcess('worker', env), startAppProcess('worker', env));
    await Promise.all(apis.map((a) => waitUntilReady(a)));
    balancer = new ReadyBalancer(apis.map((a) => a.port!));
    await balancer.start();
  });

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(procs.map((p) => p.stop('SIGKILL', 5000)));
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  it('answers every request while one API process drains and exits cleanly', async () => {
    const url = `http://127.0.0.1:${balancer.port}/graphql`;
    const residents: Array<{ token: string }> = [];
    for (let i = 0; i < 4; i++) residents.push(await seedLoadResident(url, i, prefix));

    const failures: string[] = [];
    let completed = 0;
    let stopAt = 0;
    const endAt = Date.now() + 9000;
    const client = async (c: number) => {
      for (let i = c; Date.now() < endAt; i += 8) {
        const entry = mixEntryAt(i);
        const token = residents[i % residents.length].token;
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: entry.query }),
          });
          const text = await res.text();
          let body: { errors?: Array<{ message: string }> } = {};
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            body = { errors: [{ message: text.slice(0, 200) }] };
          }
          if (res.status !== 200 || body.errors?.length)
            failures.push(`${entry.name}: ${res.status} ${body.errors?.[0]?.message ?? ''}`);
          else completed++;
        } catch (e) {
          failures.push(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    };
    const stopper = (async () => {
      await new Promise((r) => setTimeout(r, 2500));
      stopAt = completed;
      return apis[0].stop('SIGTERM');
    })();
    await Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    const exit = await stopper;

    expect(failures).toEqual([]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(apis[0].stderr()).toMatch(/SIGTERM: stopped/);
    // Traffic went on after the stop, all to the other process.
    expect(completed).toBeGreaterThan(stopAt);
    expect(balancer.served.get(apis[0].port!)).toBeGreaterThan(0);
    expect(balancer.served.get(apis[1].port!)).toBeGreaterThan(0);
    const stillUp = await fetch(`http://127.0.0.1:${apis[1].port}/ready`);
    expect(stillUp.status).toBe(200);
  });
});
