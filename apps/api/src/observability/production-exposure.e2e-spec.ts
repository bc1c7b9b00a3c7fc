import { createServer } from 'net';
import {
  createTestDatabase,
  flushRedisPrefix,
  GraphQLTestClient,
  randomRedisPrefix,
  testConfig,
} from '@skillpath/testing';
import { createApiApp } from '../bootstrap';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

async function start(extra: Record<string, string>) {
  const db = await createTestDatabase();
  const prefix = randomRedisPrefix();
  // A busy test machine must not shed these requests (the traffic gate answers before any route).
  const api = await createApiApp(
    testConfig(db.url, prefix, { API_MAX_EVENT_LOOP_DELAY_MS: '60000', ...extra }),
  );
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    api,
    baseUrl,
    gql: new GraphQLTestClient(baseUrl),
    close: async () => {
      await api.close();
      await flushRedisPrefix(prefix);
      await db.drop();
    },
  };
}

/** In production the public port answers neither schema introspection nor /metrics. */
describe('what the public port exposes', () => {
  describe('in production', () => {
    let app: Awaited<ReturnType<typeof start>>;
    let metricsPort: number;
    beforeAll(async () => {
      metricsPort = await freePort();
      app = await start({
        NODE_ENV: 'production',
        MAIL_TRANSPORT: 'outbox',
        METRICS_PORT: String(metricsPort),
      });
    });
    afterAll(() => app?.close());

    it('refuses introspection', async () => {
      const r = await app.gql.request(INTROSPECTION);
      expect(r.errors?.[0].message).toMatch(/introspection/i);
      expect(r.data ?? null).toBeNull();
    });

    it('answers 404 for /metrics on the public port, and serves it on the internal one', async () => {
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
      const internal = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(internal.status).toBe(200);
      expect(await internal.text()).toMatch(/skillpath_/);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
    });

    it('still answers ordinary queries', async () => {
      expect(await app.gql.ok('{ skills(search: "x", first: 1) { id } }')).toEqual({ skills: [] });
    });
  });

  describe('in development', () => {
    let app: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => (app = await start({})));
    afterAll(() => app?.close());

    it('allows introspection and /metrics on the one port', async () => {
      const r = await app.gql.ok<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
      expect(r.__schema.queryType.name).toBe('Query');
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(200);
    });
  });
});
