import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import {
  readSample as sample,
  startScriptedHttpServer,
  type ScriptedHttpServer,
} from '@skillpath/connectors/testing';
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

/** JSON-LD JobPosting, JSON-LD Course and the Skills Bootcamps CSV, served as files over HTTP, through the queue. */
describe('refreshing JSON-LD and CSV sources through the queue', () => {
  let db: TestDatabase;
  let pg: Client;
  let server: ScriptedHttpServer;
  let worker: INestApplicationContext;
  let client: RefreshQueueClient;
  const prefix = randomRedisPrefix();
  /** What the server answers, by path; tests change it between runs. */
  const files = new Map<string, string>();
  let origin = '';

  const jobPage1 = () => {
    const feed = JSON.parse(sample('jobposting-feed.jsonld')) as { nextPage: string | null };
    feed.nextPage = `${origin}/jobs?page=2`;
    return JSON.stringify(feed);
  };
  const jobPage2 = (items: object[]) =>
    JSON.stringify({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: items });
  const posting = (id: string, title: string | null, description: string) => ({
    '@type': 'JobPosting',
    identifier: id,
    title,
    description,
    datePosted: '2026-11-15',
    validThrough: '2026-12-31',
    hiringOrganization: { '@type': 'Organization', name: 'Example Housing Trust' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', postalCode: 'M1 3HU' } },
    skills: ['customer service', 'basket weaving'],
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await insertSkills(pg, ['SQL', 'Python', 'customer service', 'JavaScript', 'Power BI', 'social media']);
    server = await startScriptedHttpServer((r) => {
      const path = r.url.startsWith('/jobs') ? r.url : r.url.split('?')[0];
      const body = files.get(path);
      return body === undefined ? { status: 404, body: 'not found' } : { status: 200, body };
    });
    origin = server.origin;
    worker = await startRefreshWorker(testConfig(db.url, prefix), {
      schedules: false,
      fetch: { timeoutMs: 2000, retries: 1, baseDelayMs: 20 },
    });
    client = new RefreshQueueClient(testServers().redisUrl, prefix);
    await client.ready();
  });

  afterAll(async () => {
    await client?.close();
    await worker?.close();
    await server?.close();
    await pg?.end();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  it('JobPosting JSON-LD: follows nextPage, quarantines a record without a title, and expires a posting that goes', async () => {
    files.set('/jobs', jobPage1());
    files.set(
      '/jobs?page=2',
      jobPage2([
        posting(
          'HT-1',
          'Tenant Liaison Officer',
          '<p>Great <b>customer service</b> &amp; patience.</p><script>x()</script>',
        ),
        posting('HT-2', null, 'no title here'),
        posting('HT-3', 'Repairs Coordinator', '<ul><li>customer service</li></ul>'),
      ]),
    );
    const id = await insertSource(pg, {
      name: 'jobs',
      format: 'jobposting-jsonld',
      url: `${origin}/jobs`,
      rateLimitPerSecond: 50,
    });
    expect((await client.refresh(id)).ok).toBe(true);
    let [run] = await runsOf(pg, id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', pages: 2, fetched: 5, created: 4, quarantined: 1 });
    const q = await pg.query<{ reason: string }>(
      'SELECT reason FROM quarantined_records WHERE source_id = $1',
      [id],
    );
    expect(q.rows[0].reason).toMatch(/title/);
    const ht1 = await pg.query<{ description: string; unmatched_skills: string[] }>(
      `SELECT description, unmatched_skills FROM opportunities WHERE source_id = $1 AND source_ref = 'HT-1'`,
      [id],
    );
    expect(ht1.rows[0].description).not.toMatch(/[<>]|&amp;|x\(\)/);
    expect(ht1.rows[0].description).toContain('customer service & patience');
    expect(ht1.rows[0].unmatched_skills).toEqual(['basket weaving']);

    files.set(
      '/jobs?page=2',
      jobPage2([posting('HT-1', 'Tenant Liaison Officer (part time)', 'customer service')]),
    );
    expect((await client.refresh(id)).ok).toBe(true);
    run = (await runsOf(pg, id))[1];
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 1, unchanged: 2, expired: 1 });
    const rows = await catalogueOf(pg, id);
    expect(rows.find((r) => r.source_ref === 'HT-3')!.status).toBe('EXPIRED');
    expect(rows).toHaveLength(4);
  });

  it('Course JSON-LD: one opportunity per course instance, with taught skills', async () => {
    files.set('/courses', sample('course-feed.jsonld'));
    const id = await insertSource(pg, { name: 'courses', format: 'course-jsonld', url: `${origin}/courses` });
    expect((await client.refresh(id)).ok).toBe(true);
    const [run] = await runsOf(pg, id);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.created).toBeGreaterThanOrEqual(2);
    const kinds = await pg.query<{ kind: string; funded: boolean }>(
      'SELECT DISTINCT kind, funded_available AS funded FROM opportunities WHERE source_id = $1',
      [id],
    );
    expect(kinds.rows.map((k) => k.kind)).toContain('COURSE');
  });

  it('Skills Bootcamps CSV: good rows stored, a broken row quarantined', async () => {
    files.set(
      '/bootcamps.csv',
      `${sample('skills-bootcamps.csv').trimEnd()}\nExample Provider,,"Python",3,ONLINE,,100,8,2027-04-01,0,"19+",false,https://x.example\n`,
    );
    const id = await insertSource(pg, {
      name: 'bootcamps',
      format: 'skills-bootcamps-csv',
      url: `${origin}/bootcamps.csv`,
    });
    expect((await client.refresh(id)).ok).toBe(true);
    const [run] = await runsOf(pg, id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', pages: 1, fetched: 3, created: 2, quarantined: 1 });
    const taught = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM opportunity_skills os JOIN opportunities o ON o.id = os.opportunity_id
       WHERE o.source_id = $1 AND os.role = 'TAUGHT'`,
      [id],
    );
    expect(taught.rows[0].n).toBeGreaterThanOrEqual(2); // SQL, Power BI, Python; social media
  });

  it('a source URL that answers 404 fails the run with the reason, without retries', async () => {
    const id = await insertSource(pg, {
      name: 'gone',
      format: 'course-jsonld',
      url: `${origin}/nothing-here`,
    });
    const outcome = await client.refresh(id);
    expect(outcome.ok).toBe(false);
    const [run] = await runsOf(pg, id);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/HTTP 404/);
  });
});
