import { createScratchDatabase, dropDatabase } from '../database-admin.repository';
import { databaseName } from '../postgres-url';
import { runMigrations } from '../data-source';

/**
 * The PostgreSQL server integration tests use: `npm test` passes what it found or started;
 * running Jest directly falls back to the machine's standard port.
 */
export function testDatabaseServerUrl(): string {
  return process.env.SKILLPATH_TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, migrated unless told otherwise; drop it in afterAll. */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const server = testDatabaseServerUrl();
  const url = await createScratchDatabase(server, 'skillpath_test');
  if (opts.migrate !== false) await runMigrations(url);
  return { url, drop: () => dropDatabase(server, databaseName(url)) };
}
