import { Client } from 'pg';
import { findAnApprenticeshipConnector, vacancyPageUrl } from '@skillpath/connectors';
import { type FeedServer } from '@skillpath/connectors/testing';
import { SourceRefreshRunner } from './source-refresh.runner';
import { catalogueOf, FixedSkills, startRunnerFixture, type RunnerFixture } from './testing/refresh-test-kit';

jest.setTimeout(60_000);

const TOTAL = 50;
const PAGE = 20;
const PAGES = Math.ceil(TOTAL / PAGE);

/** A page body seen before (same cursor, reader and taxonomy) is not read at all, only confirmed. */
describe('page digests', () => {
  let fixture: RunnerFixture;
  let pg: Client;
  let feed: FeedServer;
  let skills: FixedSkills;
  let runner: SourceRefreshRunner;
  let sourceId: string;
  /** Cursors of the pages the connector read (parsed) during the last refresh. */
  let readCursors: (string | null)[] = [];
  const raw = findAnApprenticeshipConnector.raw!;
  const readBody = raw.readBody;

  beforeAll(async () => {
    fixture = await startRunnerFixture({
      feed: { totalVacancies: TOTAL, seed: 21 },
      source: { name: 'digest-test', pageSize: PAGE },
      countNormalised: true,
    });
    ({ pg, feed, runner, sourceId } = fixture);
    skills = fixture.skills!;
    // Record which pages get read; the real readBody still does the reading.
    raw.readBody = (page, cursor, ctx) => {
      readCursors.push(cursor);
      return readBody(page, cursor, ctx);
    };
  });

  afterAll(async () => {
    raw.readBody = readBody;
    await fixture?.close();
  });

  const refresh = async () => {
    readCursors = [];
    skills.matcher.calls = 0;
    const outcome = await runner.run({ sourceId });
    if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
    return {
      counts: outcome.counts,
      runId: outcome.runId,
      read: readCursors,
      normalised: skills.matcher.calls,
    };
  };

  const digests = async () =>
    (
      await pg.query<{ cursor_key: string; run_id: string; n: number; body_hash: string }>(
        `SELECT cursor_key, run_id, cardinality(opportunity_ids) AS n, body_hash FROM source_page_digests
         WHERE source_id = $1 ORDER BY cursor_key`,
        [sourceId],
      )
    ).rows;

  const sightingRuns = async () =>
    (
      await pg.query<{ run: string; n: number }>(
        `SELECT s.last_seen_run_id AS run, count(*)::int AS n FROM opportunity_sightings s
         JOIN opportunities o ON o.id = s.opportunity_id WHERE o.source_id = $1 GROUP BY 1`,
        [sourceId],
      )
    ).rows;

  /** The body the feed serves for a page now, fetched the way the connector does. */
  const bodyOf = async (pageNumber: number) => {
    const res = await fetch(vacancyPageUrl(feed.baseUrl, pageNumber, PAGE), {
      headers: { 'Ocp-Apim-Subscription-Key': feed.subscriptionKey!, 'X-Version': '2' },
    });
    return res.text();
  };
  const servePage = (pageNumber: number, body: string) =>
    feed.setFaultHook((request) => (request.pageNumber === pageNumber ? { status: 200, body } : undefined));

  it('a first load reads every page and keeps a digest of each', async () => {
    const first = await refresh();
    expect(first.counts).toMatchObject({ created: TOTAL, pages: PAGES });
    expect(first.read).toEqual([null, '2', '3']);
    const stored = await digests();
    expect(stored.map((d) => d.cursor_key)).toEqual(['"2"', '"3"', 'null']);
    expect(stored.map((d) => d.n)).toEqual([PAGE, TOTAL - 2 * PAGE, PAGE]);
    expect(stored.every((d) => d.run_id === first.runId)).toBe(true);
  });

  it('an unchanged re-run reads no page, writes no listing and sees every one', async () => {
    const before = await catalogueOf(pg, sourceId);
    const again = await refresh();
    expect(again).toMatchObject({
      counts: { pages: PAGES, fetched: TOTAL, unchanged: TOTAL, created: 0, updated: 0, expired: 0 },
      read: [],
      normalised: 0,
    });
    expect(await catalogueOf(pg, sourceId)).toEqual(before);
    expect(await sightingRuns()).toEqual([{ run: again.runId, n: TOTAL }]);
  });

  it('a new taxonomy version reads (and normalises) every page once, then they repeat again', async () => {
    skills.version = 'taxonomy-2';
    const changed = await refresh();
    expect(changed).toMatchObject({
      counts: { unchanged: TOTAL },
      read: [null, '2', '3'],
      normalised: TOTAL,
    });
    expect((await digests()).every((d) => d.run_id === changed.runId)).toBe(true);
    expect(await refresh()).toMatchObject({ counts: { unchanged: TOTAL }, read: [] });
  });

  it('a new connector revision reads every page once', async () => {
    const revision = raw.revision;
    const writable = raw as { revision: string };
    writable.revision = `${revision}-next`;
    try {
      expect(await refresh()).toMatchObject({
        counts: { unchanged: TOTAL },
        read: [null, '2', '3'],
        normalised: TOTAL,
      });
      expect(await refresh()).toMatchObject({ read: [] });
    } finally {
      writable.revision = revision;
    }
    expect(await refresh()).toMatchObject({ counts: { unchanged: TOTAL }, read: [null, '2', '3'] });
  });

  it('a page whose body changed is read: a changed record is updated, the other pages repeat', async () => {
    const body = JSON.parse(await bodyOf(2)) as { vacancies: { title: string; vacancyReference: string }[] };
    const ref = body.vacancies[3].vacancyReference;
    body.vacancies[3].title = 'A retitled vacancy';
    servePage(2, JSON.stringify(body));
    try {
      expect(await refresh()).toMatchObject({
        counts: { updated: 1, unchanged: TOTAL - 1 },
        read: ['2'],
        normalised: 1,
      });
      const row = await pg.query<{ title: string }>(
        'SELECT title FROM opportunities WHERE source_id = $1 AND source_ref = $2',
        [sourceId, ref],
      );
      expect(row.rows[0].title).toBe('A retitled vacancy');
      expect(await refresh()).toMatchObject({ counts: { unchanged: TOTAL }, read: [] });
    } finally {
      feed.setFaultHook(undefined);
    }
    expect(await refresh()).toMatchObject({ counts: { updated: 1 }, read: ['2'] });
  });

  it('a body that differs only in its bytes (same records) is read, nothing is rewritten, and it repeats next time', async () => {
    const reformatted = JSON.stringify(JSON.parse(await bodyOf(3)), null, 2);
    servePage(3, reformatted);
    try {
      const before = await catalogueOf(pg, sourceId);
      expect(await refresh()).toMatchObject({ counts: { unchanged: TOTAL }, read: ['3'], normalised: 0 });
      expect(await catalogueOf(pg, sourceId)).toEqual(before);
      expect(await refresh()).toMatchObject({ read: [] });
    } finally {
      feed.setFaultHook(undefined);
    }
  });

  const changes: [string, string, { created: number; updated: number }][] = [
    ['expired', `UPDATE opportunities SET status = 'EXPIRED' WHERE id = $1`, { created: 0, updated: 1 }],
    [
      'edited',
      `UPDATE opportunities SET title = 'edited', content_hash = 'edited' WHERE id = $1`,
      { created: 0, updated: 1 },
    ],
    ['deleted', `DELETE FROM opportunities WHERE id = $1`, { created: 1, updated: 0 }],
  ];
  it.each(changes)('a repeat whose listing was %s since is read after all', async (_, change, counts) => {
    await refresh(); // whatever the test before left behind is read once
    expect(await refresh()).toMatchObject({ read: [] });
    const {
      rows: [listing],
    } = await pg.query<{ id: string; source_ref: string }>(
      `SELECT o.id, o.source_ref FROM opportunities o, source_page_digests d
       WHERE d.source_id = $1 AND d.cursor_key = '"2"' AND o.id = ANY(d.opportunity_ids) ORDER BY o.source_ref LIMIT 1`,
      [sourceId],
    );
    await pg.query(change, [listing.id]);
    expect(await refresh()).toMatchObject({
      counts: { ...counts, unchanged: TOTAL - 1 },
      read: ['2'],
      normalised: 1,
    });
    const row = (await catalogueOf(pg, sourceId)).find((r) => r.source_ref === listing.source_ref);
    expect(row?.status).toBe('ACTIVE');
    expect(await refresh()).toMatchObject({ counts: { unchanged: TOTAL }, read: [] });
  });

  it('only what the digest confirms is seen: a listing absent from the repeated pages still expires', async () => {
    // A listing of this source that no page lists (a leftover): every page repeats, and it expires.
    await pg.query(
      `INSERT INTO opportunities (kind, title, organisation_name, mode, source_id, source_ref, last_seen_at)
       VALUES ('APPRENTICESHIP', 'Leftover', 'Org', 'IN_PERSON', $1, 'leftover', now() - interval '1 day')`,
      [sourceId],
    );
    const outcome = await refresh();
    expect(outcome).toMatchObject({ counts: { unchanged: TOTAL, expired: 1 }, read: [] });
    const rows = await catalogueOf(pg, sourceId);
    expect(rows.find((r) => r.source_ref === 'leftover')?.status).toBe('EXPIRED');
  });
});

describe('page digests and quarantine', () => {
  let fixture: RunnerFixture;
  let pg: Client;
  let feed: FeedServer;
  let runner: SourceRefreshRunner;
  let sourceId: string;

  beforeAll(async () => {
    // The 25th vacancy is malformed: the second page of 20 has it, the first does not.
    fixture = await startRunnerFixture({
      feed: { totalVacancies: 40, seed: 4, malformedEvery: 25 },
      source: { name: 'digest-quarantine-test', pageSize: PAGE },
    });
    ({ pg, feed, runner, sourceId } = fixture);
  });

  afterAll(() => fixture?.close());

  it('a page with a quarantined record keeps no digest: every run reads it and quarantines the record again', async () => {
    const malformed = feed.describeVersion(0).malformedRefs;
    expect(malformed).toEqual([feed.describeVersion(0).presentRefs[24]]);
    const runs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const outcome = await runner.run({ sourceId });
      if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
      expect(outcome.counts.quarantined).toBe(malformed.length);
      runs.push(outcome.runId);
    }
    const { rows: stored } = await pg.query<{ cursor_key: string }>(
      'SELECT cursor_key FROM source_page_digests WHERE source_id = $1',
      [sourceId],
    );
    expect(stored.map((d) => d.cursor_key)).toEqual(['null']);
    for (const runId of runs) {
      const { rows } = await pg.query<{ source_ref: string }>(
        'SELECT source_ref FROM quarantined_records WHERE run_id = $1 ORDER BY source_ref',
        [runId],
      );
      expect(rows.map((r) => r.source_ref)).toEqual([...malformed].sort());
    }
  });
});
