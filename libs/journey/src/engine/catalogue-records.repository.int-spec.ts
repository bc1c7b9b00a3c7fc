import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadDemoRegion } from '@skillpath/demo-region';
import type { OpportunityRecord } from '@skillpath/matching';
import { createDataSource } from '@skillpath/persistence';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { CatalogueRecordsRepository } from './catalogue-records.repository';

describe('reading the catalogue into engine records', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: CatalogueRecordsRepository;
  let activeIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoRegion(db.url);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      // Some listings are not active: they must not be read.
      await pg.query(
        `UPDATE opportunities SET status = 'EXPIRED' WHERE id IN (SELECT id FROM opportunities ORDER BY title LIMIT 7)`,
      );
      activeIds = (
        await pg.query<{ id: string }>(`SELECT id FROM opportunities WHERE status = 'ACTIVE' ORDER BY id`)
      ).rows.map((r) => r.id);
    } finally {
      await pg.end();
    }
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    repo = new CatalogueRecordsRepository(ds);
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads every active listing exactly once, a page at a time, whatever the page size', async () => {
    expect(activeIds.length).toBeGreaterThan(100);
    const whole = new Map((await repo.opportunities(activeIds)).map((r) => [r.id, r]));
    for (const pageSize of [1, 7, activeIds.length, activeIds.length + 5]) {
      const pages: OpportunityRecord[][] = [];
      const total = await repo.forEachActivePage((records) => pages.push(records), pageSize);
      const ids = pages.flat().map((r) => r.id);
      expect(total).toBe(activeIds.length);
      expect(ids).toEqual(activeIds);
      expect(pages.every((p) => p.length > 0 && p.length <= pageSize)).toBe(true);
      // Paged records are the same records the incremental path reads.
      for (const r of pages.flat()) expect(r).toEqual(whole.get(r.id));
    }
  });

  it('keeps what the engine needs: skills, location, funding, accreditation', async () => {
    const records = await repo.opportunities(activeIds);
    expect(records.some((r) => r.teaches.length > 0)).toBe(true);
    expect(records.some((r) => r.requires.length > 0)).toBe(true);
    expect(records.some((r) => r.location !== undefined && r.postcode !== undefined)).toBe(true);
    expect(records.some((r) => r.funding !== undefined)).toBe(true);
    expect(records.some((r) => (r.accreditedSkills ?? []).length > 0)).toBe(true);
    expect(records.every((r) => r.status === 'ACTIVE')).toBe(true);
  });
});
