import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from './testing/test-database';
import { createDataSource } from './data-source';
import { undoMigrationsBackTo } from './testing/undo-migrations';
import { AddOpportunityBorough1796153917845 } from './migrations/1796153917845-add-opportunity-borough.migration';

/** Existing listings get the borough their own postcode is in, never their employer's. */
describe('AddOpportunityBorough migration', () => {
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

  it('backfills the borough from each listing’s postcode however it was written, and leaves the rest null', async () => {
    const ds = createDataSource({ url: db.url, poolSize: 1 });
    await ds.initialize();
    try {
      const undone = await undoMigrationsBackTo(ds, AddOpportunityBorough1796153917845);
      const {
        rows: [employer],
      } = await pg.query<{ id: string }>(
        `INSERT INTO organisations (name, kind, borough) VALUES ('Manchester Builders', 'EMPLOYER', 'Manchester') RETURNING id`,
      );
      const postcodes: Record<string, string | null> = {
        bolton: 'BL1 1RU',
        compact: 'sk13xe',
        outward: 'M46',
        eastManchester: 'M4 6DE',
        leeds: 'LS1 4AP',
        junk: 'City centre',
        online: null,
      };
      for (const [ref, postcode] of Object.entries(postcodes))
        await pg.query(
          `INSERT INTO opportunities (kind, title, organisation_id, organisation_name, mode, postcode, source_ref)
           VALUES ('VACANCY', $1, $2, 'Manchester Builders', 'IN_PERSON', $3, $1)`,
          [ref, employer.id, postcode],
        );

      expect(await ds.runMigrations()).toHaveLength(undone);
      const { rows } = await pg.query<{ source_ref: string; borough: string | null }>(
        'SELECT source_ref, borough FROM opportunities ORDER BY source_ref',
      );
      expect(Object.fromEntries(rows.map((r) => [r.source_ref, r.borough]))).toEqual({
        bolton: 'Bolton',
        compact: 'Stockport',
        outward: 'Wigan',
        eastManchester: 'Manchester',
        leeds: null,
        junk: null,
        online: null,
      });
    } finally {
      await ds.destroy();
    }
  });
});
