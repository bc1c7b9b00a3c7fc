import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from './testing/test-database';
import { createDataSource } from './data-source';
import { undoMigrationsBackTo } from './testing/undo-migrations';
import { AddOpportunitySightings1796150867694 } from './migrations/1796150867694-add-opportunity-sightings.migration';

/** The sightings migration carries "last seen" over both ways, so neither version expires what was seen. */
describe('AddOpportunitySightings migration', () => {
  let db: TestDatabase;
  let pg: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  it('down copies newer sightings back into last_seen_at; up backfills sightings of feed listings from it', async () => {
    const {
      rows: [source],
    } = await pg.query<{ id: string }>(
      `INSERT INTO sources (name, format, url) VALUES ('s', 'find-an-apprenticeship', 'http://x') RETURNING id`,
    );
    const insert = async (ref: string, sourceId: string | null, lastSeen: string) =>
      (
        await pg.query<{ id: string }>(
          `INSERT INTO opportunities (kind, title, organisation_name, mode, source_id, source_ref, last_seen_at)
           VALUES ('VACANCY', $1, 'Org', 'IN_PERSON', $2, $1, $3) RETURNING id`,
          [ref, sourceId, lastSeen],
        )
      ).rows[0].id;
    const seenLater = await insert('seen-later', source.id, '2026-01-01T00:00:00Z');
    const writtenLater = await insert('written-later', source.id, '2026-03-01T00:00:00Z');
    const provider = await insert('provider', null, '2026-01-01T00:00:00Z');
    await pg.query(
      `INSERT INTO opportunity_sightings (opportunity_id, last_seen_at) VALUES ($1, '2026-02-01T00:00:00Z'), ($2, '2026-02-01T00:00:00Z')`,
      [seenLater, writtenLater],
    );

    const ds = createDataSource({ url: db.url, poolSize: 1 });
    await ds.initialize();
    try {
      // Back to just before this migration (undoing any later ones too), then forward again.
      const undone = await undoMigrationsBackTo(ds, AddOpportunitySightings1796150867694);
      const lastSeen = async (id: string) =>
        (
          await pg.query<{ t: Date }>('SELECT last_seen_at AS t FROM opportunities WHERE id = $1', [id])
        ).rows[0].t.toISOString();
      expect(await lastSeen(seenLater)).toBe('2026-02-01T00:00:00.000Z');
      expect(await lastSeen(writtenLater)).toBe('2026-03-01T00:00:00.000Z');

      expect(await ds.runMigrations()).toHaveLength(undone);
      const { rows } = await pg.query<{ opportunity_id: string; t: Date; run: string | null }>(
        'SELECT opportunity_id, last_seen_at AS t, last_seen_run_id AS run FROM opportunity_sightings',
      );
      const byId = new Map(rows.map((r) => [r.opportunity_id, r]));
      expect(byId.size).toBe(2);
      expect(byId.get(seenLater)).toMatchObject({ t: new Date('2026-02-01T00:00:00Z'), run: null });
      expect(byId.get(writtenLater)).toMatchObject({ t: new Date('2026-03-01T00:00:00Z'), run: null });
      expect(byId.has(provider)).toBe(false);
      const {
        rows: [table],
      } = await pg.query<{ options: string[] }>(
        `SELECT reloptions AS options FROM pg_class WHERE relname = 'opportunity_sightings'`,
      );
      expect(table.options).toEqual(['fillfactor=50']);
    } finally {
      await ds.destroy();
    }
  });
});
