import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@skillpath/persistence';
import { SkillExtractor } from '@skillpath/taxonomy';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { SkillMatcherCache } from './skill-matcher.cache';
import { insertSkills } from './testing/refresh-test-kit';

describe('the skill matcher cache', () => {
  let db: TestDatabase;
  let pg: Client;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await insertSkills(pg, ['SQL', 'customer service']);
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await pg?.end();
    await db?.drop();
  });

  it('versions by the skills table and the extraction rules, and rebuilds only when they change', async () => {
    const cache = new SkillMatcherCache(ds);
    const first = await cache.currentVersioned();
    expect(first.version.endsWith(`/${SkillExtractor.revision}`)).toBe(true);
    expect(first.matcher.match('Strong SQL and customer service skills').map((m) => m.label)).toEqual([
      'SQL',
      'customer service',
    ]);
    const again = await cache.currentVersioned();
    expect(again.version).toBe(first.version);
    expect(again.matcher).toBe(first.matcher);

    await insertSkills(pg, ['Python']);
    const changed = await cache.currentVersioned();
    expect(changed.version).not.toBe(first.version);
    expect(changed.matcher.match('Python and SQL').map((m) => m.label)).toEqual(['Python', 'SQL']);
  });
});
