import { Client } from 'pg';
import { createDataSource } from './data-source';
import { ALL_MIGRATIONS } from './migrations';
import { createTestDatabase, TestDatabase } from './testing/test-database';

async function tables(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    return r.rows.map((x) => x.t);
  } finally {
    await c.end();
  }
}

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('apply to an empty database, match the entities exactly, and revert to nothing', async () => {
    const ds = createDataSource({ url: db.url, poolSize: 1 });
    await ds.initialize();
    try {
      const applied = await ds.runMigrations();
      expect(applied).toHaveLength(ALL_MIGRATIONS.length);
      expect(await tables(db.url)).toEqual(expect.arrayContaining(['skills', 'opportunities', 'users']));

      // Entities and migrations must agree: nothing left for the schema builder to do.
      const drift = await ds.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);

      for (let i = 0; i < ALL_MIGRATIONS.length; i++) await ds.undoLastMigration();
      expect(await tables(db.url)).toEqual(['migrations']);

      // And forward again, so down() leaves a schema up() can rebuild.
      expect(await ds.runMigrations()).toHaveLength(ALL_MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });
});
