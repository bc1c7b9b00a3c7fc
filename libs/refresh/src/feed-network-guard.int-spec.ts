import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { startScriptedHttpServer, type ScriptedHttpServer } from '@skillpath/connectors/testing';
import { createDataSource } from '@skillpath/persistence';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { SourceRefreshRunner } from './source-refresh.runner';
import { QUARANTINE_EXCERPT_CHARS } from './opportunity-page.writer';
import { insertSkills, insertSource, runsOf } from './testing/refresh-test-kit';

jest.setTimeout(60_000);

const METADATA_SECRET = 'AKIA-METADATA-SECRET-THAT-MUST-NOT-LEAK';

/** An "inside" server on another loopback address, standing in for a metadata service or an intranet. */
async function startInsideServer(): Promise<{
  origin: string;
  hits: IncomingHttpHeaders[];
  close(): Promise<void>;
}> {
  const hits: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.headers);
    res.setHeader('content-type', 'application/json');
    // Shaped like a feed page, so that anything read would surface as a quarantined "record".
    res.end(JSON.stringify({ '@type': 'ItemList', itemListElement: [{ AccessKeyId: METADATA_SECRET }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.2:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const posting = (id: string, extra: Record<string, unknown> = {}) => ({
  '@type': 'JobPosting',
  identifier: id,
  title: `Job ${id}`,
  description: 'customer service',
  datePosted: '2026-11-15',
  validThrough: '2026-12-31',
  hiringOrganization: { '@type': 'Organization', name: 'Example Housing Trust' },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', postalCode: 'M1 3HU' } },
  ...extra,
});

/**
 * Replays the audit's feed attacks against a real refresh run. Private networks are NOT allowed here:
 * only the feed server's own address (127.0.0.1) is let through, so that it can serve the first page.
 */
describe('feeds cannot read the server or reach inside (attack replays)', () => {
  let db: TestDatabase;
  let pg: Client;
  let ds: DataSource;
  let feed: ScriptedHttpServer;
  let inside: Awaited<ReturnType<typeof startInsideServer>>;
  const pages = new Map<string, () => { status?: number; headers?: Record<string, string>; body: string }>();

  const runner = (network: ConstructorParameters<typeof SourceRefreshRunner>[2] = {}) =>
    new SourceRefreshRunner(
      ds,
      { publish: async () => undefined },
      {
        fetch: { timeoutMs: 3000, retries: 1, baseDelayMs: 10 },
        network: { allowPrivateNetworks: false, privateAddressExceptions: ['127.0.0.1'] },
        secrets: (name) =>
          name === 'DATABASE_URL' ? db.url : name === 'SKILLPATH_SOURCE_KEY_OK' ? 'ok-key' : undefined,
        ...network,
      },
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await insertSkills(pg, ['customer service']);
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    inside = await startInsideServer();
    feed = await startScriptedHttpServer((r) => {
      const page = pages.get(r.url);
      return page ? page() : { status: 404, body: 'not found' };
    });
  });

  afterAll(async () => {
    await feed?.close();
    await inside?.close();
    await ds?.destroy();
    await pg?.end();
    await db?.drop();
  });

  const quarantined = async (sourceId: string) =>
    (
      await pg.query<{ raw: unknown; reason: string }>(
        'SELECT raw, reason FROM quarantined_records WHERE source_id = $1',
        [sourceId],
      )
    ).rows;

  it.each([
    [
      'a link-local metadata address',
      () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    ],
    ['another loopback address', () => `${inside.origin}/latest/meta-data/`],
  ])(
    'refuses a nextPage to %s, and nothing of its reply lands in quarantinedRecords',
    async (what, target) => {
      const path = `/jobs-${what.replace(/\W+/g, '-')}`;
      pages.set(path, () => ({
        body: JSON.stringify({
          '@type': 'ItemList',
          itemListElement: [posting(`A-${path}`)],
          nextPage: target(),
        }),
      }));
      const id = await insertSource(pg, {
        name: path,
        format: 'jobposting-jsonld',
        url: `${feed.origin}${path}`,
      });
      const outcome = await runner().run({ sourceId: id });
      expect(outcome.status).toBe('failed');
      const [run] = await runsOf(pg, id);
      expect(run.status).toBe('FAILED');
      expect(run.error).toMatch(/BLOCKED_ADDRESS/);
      expect(run.error).toMatch(/SOURCE_ALLOW_PRIVATE_NETWORKS/);
      expect(inside.hits).toHaveLength(0);
      expect(JSON.stringify(await quarantined(id))).not.toContain(METADATA_SECRET);
    },
  );

  it('refuses a redirect to an inside address', async () => {
    pages.set('/redirect', () => ({
      status: 302,
      headers: { location: `${inside.origin}/latest/meta-data/` },
      body: '',
    }));
    const id = await insertSource(pg, {
      name: 'redirect',
      format: 'jobposting-jsonld',
      url: `${feed.origin}/redirect`,
    });
    await runner().run({ sourceId: id });
    const [run] = await runsOf(pg, id);
    expect(run).toMatchObject({ status: 'FAILED' });
    expect(run.error).toMatch(/BLOCKED_ADDRESS/);
    expect(inside.hits).toHaveLength(0);
    expect(await quarantined(id)).toEqual([]);
  });

  it('reads the inside page when SOURCE_ALLOW_PRIVATE_NETWORKS is on (control: the test would see a leak)', async () => {
    pages.set('/onprem', () => ({
      body: JSON.stringify({
        '@type': 'ItemList',
        itemListElement: [posting('ON-1')],
        nextPage: `${inside.origin}/p2`,
      }),
    }));
    const id = await insertSource(pg, {
      name: 'onprem',
      format: 'jobposting-jsonld',
      url: `${feed.origin}/onprem`,
    });
    await runner({ network: { allowPrivateNetworks: true } }).run({ sourceId: id });
    expect(inside.hits).toHaveLength(1);
    expect(JSON.stringify(await quarantined(id))).toContain(METADATA_SECRET);
    inside.hits.length = 0;
  });

  it('refuses a source whose credentialsEnv names the worker database URL, without sending it anywhere', async () => {
    pages.set('/faa', () => ({ body: JSON.stringify({ vacancies: [], total: 0 }) }));
    const id = await insertSource(pg, {
      name: 'faa-db',
      format: 'find-an-apprenticeship',
      url: `${feed.origin}/faa`,
      credentialsEnv: 'DATABASE_URL', // written straight into the table: the run checks again
    });
    const before = feed.requests.length;
    await runner().run({ sourceId: id });
    const [run] = await runsOf(pg, id);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/credentialsEnv must name a variable starting with SKILLPATH_SOURCE_KEY_/);
    expect(feed.requests.slice(before)).toEqual([]);
    expect(JSON.stringify(feed.requests)).not.toContain(db.url);
  });

  it('stops a response larger than the cap with a clear run error', async () => {
    pages.set('/huge', () => ({
      body: JSON.stringify({
        '@type': 'ItemList',
        itemListElement: [posting('H-1', { description: 'x'.repeat(200_000) })],
      }),
    }));
    const id = await insertSource(pg, {
      name: 'huge',
      format: 'jobposting-jsonld',
      url: `${feed.origin}/huge`,
    });
    await runner({ network: { allowPrivateNetworks: true, maxResponseBytes: 64 * 1024 } }).run({
      sourceId: id,
    });
    const [run] = await runsOf(pg, id);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/TOO_LARGE/);
    expect(run.error).toMatch(/larger than 65536 bytes/);
  });

  it('keeps only a bounded excerpt of a quarantined record', async () => {
    const junk = { '@type': 'JobPosting', identifier: 'BIG-1', title: null, blob: 'y'.repeat(50_000) };
    pages.set('/bad', () => ({
      body: JSON.stringify({ '@type': 'ItemList', itemListElement: [posting('OK-1'), junk] }),
    }));
    const id = await insertSource(pg, {
      name: 'bad',
      format: 'jobposting-jsonld',
      url: `${feed.origin}/bad`,
    });
    await runner({ network: { allowPrivateNetworks: true } }).run({ sourceId: id });
    const rows = await quarantined(id);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0].raw);
    expect(stored.length).toBeLessThan(QUARANTINE_EXCERPT_CHARS + 200);
    expect(rows[0].raw).toMatchObject({ truncated: true, originalLength: JSON.stringify(junk).length });
  });
});
