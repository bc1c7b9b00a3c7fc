import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { FeedServer } from '@skillpath/connectors/testing';
import { SourceRefreshRunner } from './source-refresh.runner';
import { SourceRunRepository } from './source-run.repository';
import { insertSource, startRunnerFixture, type RunnerFixture } from './testing/refresh-test-kit';

jest.setTimeout(60_000);

/** Every column of a source's listings, as text: "nothing was written" means this does not change. */
async function listingRows(pg: Client, sourceId: string): Promise<string[]> {
  const { rows } = await pg.query<{ row: string }>(
    `SELECT row_to_json(o)::text AS row FROM opportunities o WHERE source_id = $1 ORDER BY source_ref`,
    [sourceId],
  );
  return rows.map((r) => r.row);
}

async function sightingsOf(
  pg: Client,
  sourceId: string,
): Promise<{ source_ref: string; last_seen_at: Date; last_seen_run_id: string | null }[]> {
  const { rows } = await pg.query(
    `SELECT o.source_ref, s.last_seen_at, s.last_seen_run_id FROM opportunities o
     JOIN opportunity_sightings s ON s.opportunity_id = o.id WHERE o.source_id = $1 ORDER BY o.source_ref`,
    [sourceId],
  );
  return rows;
}

/** "Seen by this run" lives in opportunity_sightings; expiry after a complete run reads it. */
describe('sightings and expiry', () => {
  let fixture: RunnerFixture;
  let pg: Client;
  let ds: DataSource;
  let feed: FeedServer;
  let runner: SourceRefreshRunner;
  let sourceId: string;

  beforeAll(async () => {
    fixture = await startRunnerFixture({
      feed: { totalVacancies: 60, seed: 11, vanishFraction: 0.2 },
      source: { name: 'sightings-test', pageSize: 25 },
    });
    ({ pg, ds, feed, runner, sourceId } = fixture);
  });

  afterAll(() => fixture?.close());

  const refresh = async () => {
    const outcome = await runner.run({ sourceId });
    if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
    return outcome;
  };

  it('a first load records one sighting per listing, by its run', async () => {
    const { runId } = await refresh();
    const sightings = await sightingsOf(pg, sourceId);
    expect(sightings).toHaveLength(60);
    expect(new Set(sightings.map((s) => s.last_seen_run_id))).toEqual(new Set([runId]));
  });

  it('an unchanged re-run writes no listing row at all, only the sightings, by the new run', async () => {
    const before = await listingRows(pg, sourceId);
    const sightingsBefore = await sightingsOf(pg, sourceId);
    const { runId, counts } = await refresh();
    expect(counts).toMatchObject({ unchanged: 60, created: 0, updated: 0, expired: 0 });
    expect(await listingRows(pg, sourceId)).toEqual(before);
    const after = await sightingsOf(pg, sourceId);
    expect(after.map((s) => s.source_ref)).toEqual(sightingsBefore.map((s) => s.source_ref));
    const {
      rows: [run],
    } = await pg.query<{ started_at: Date }>('SELECT started_at FROM source_runs WHERE id = $1', [runId]);
    for (const s of after) {
      expect(s.last_seen_run_id).toBe(runId);
      expect(s.last_seen_at.getTime()).toBeGreaterThanOrEqual(run.started_at.getTime());
    }
  });

  it('listings seen again (their rows last written before the run) stay ACTIVE; vanished ones are EXPIRED', async () => {
    feed.setVersion(1);
    const v1 = feed.describeVersion(1);
    expect(v1.vanishedRefs.length).toBeGreaterThan(0);
    expect(v1.unchangedRefs.length).toBeGreaterThan(0);
    const { counts, runId } = await refresh();
    expect(counts.expired).toBe(v1.vanishedRefs.length);
    const { rows } = await pg.query<{ source_ref: string; status: string; written_before_run: boolean }>(
      `SELECT o.source_ref, o.status, o.last_seen_at < r.started_at AS written_before_run
       FROM opportunities o, source_runs r WHERE o.source_id = $1 AND r.id = $2`,
      [sourceId, runId],
    );
    const byRef = new Map(rows.map((r) => [r.source_ref, r]));
    for (const ref of v1.unchangedRefs)
      expect(byRef.get(ref)).toEqual({ source_ref: ref, status: 'ACTIVE', written_before_run: true });
    for (const ref of v1.vanishedRefs) expect(byRef.get(ref)?.status).toBe('EXPIRED');
  });

  it('expiry counts a listing as seen by either its sighting or its last_seen_at (rows of the previous version)', async () => {
    const other = await insertSource(pg, {
      name: 'sightings-expiry-direct',
      format: 'find-an-apprenticeship',
      url: feed.baseUrl,
    });
    const {
      rows: [run],
    } = await pg.query<{ id: string; started_at: Date }>(
      `INSERT INTO source_runs (source_id, started_at) VALUES ($1, now() - interval '1 hour') RETURNING id, started_at`,
      [other],
    );
    // ref → [last_seen_at offset from the run's start, sighting offset (null: none), status]
    const cases: Record<string, [string, string | null, string]> = {
      'seen-by-sighting': ['-1 day', '+1 minute', 'ACTIVE'],
      'seen-by-old-version': ['+1 minute', '-1 day', 'ACTIVE'],
      'seen-by-old-version-no-sighting': ['+1 minute', null, 'ACTIVE'],
      unseen: ['-1 day', '-1 day', 'ACTIVE'],
      'unseen-no-sighting': ['-1 day', null, 'ACTIVE'],
      'withdrawn-unseen': ['-1 day', '-1 day', 'WITHDRAWN'],
    };
    for (const [ref, [lastSeen, sighting, status]] of Object.entries(cases)) {
      const {
        rows: [o],
      } = await pg.query<{ id: string }>(
        `INSERT INTO opportunities (kind, title, organisation_name, mode, source_id, source_ref, last_seen_at, status)
         VALUES ('APPRENTICESHIP', $2, 'Org', 'IN_PERSON', $1, $2, $3::timestamptz + $4::interval, $5) RETURNING id`,
        [other, ref, run.started_at, lastSeen, status],
      );
      if (sighting)
        await pg.query(
          `INSERT INTO opportunity_sightings (opportunity_id, last_seen_at) VALUES ($1, $2::timestamptz + $3::interval)`,
          [o.id, run.started_at, sighting],
        );
    }
    const expired = await new SourceRunRepository(ds).expireUnseen(run.id, other, run.started_at, 0);
    expect(expired).toBe(2);
    const { rows } = await pg.query<{ source_ref: string; status: string }>(
      `SELECT source_ref, status FROM opportunities WHERE source_id = $1 ORDER BY source_ref`,
      [other],
    );
    expect(Object.fromEntries(rows.map((r) => [r.source_ref, r.status]))).toEqual({
      'seen-by-sighting': 'ACTIVE',
      'seen-by-old-version': 'ACTIVE',
      'seen-by-old-version-no-sighting': 'ACTIVE',
      unseen: 'EXPIRED',
      'unseen-no-sighting': 'EXPIRED',
      'withdrawn-unseen': 'WITHDRAWN',
    });
  });

  it('deleting a listing deletes its sighting', async () => {
    const {
      rows: [o],
    } = await pg.query<{ id: string }>(
      `SELECT o.id FROM opportunities o JOIN opportunity_sightings s ON s.opportunity_id = o.id
       WHERE o.source_id = $1 LIMIT 1`,
      [sourceId],
    );
    await pg.query('DELETE FROM opportunities WHERE id = $1', [o.id]);
    const { rows } = await pg.query('SELECT 1 FROM opportunity_sightings WHERE opportunity_id = $1', [o.id]);
    expect(rows).toHaveLength(0);
  });
});
