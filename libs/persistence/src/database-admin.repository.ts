import { Client, type ClientBase } from 'pg';
import { randomBytes } from 'crypto';
import { withDatabase } from './postgres-url';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Databases on a PostgreSQL server (`pg_database`): the SQL behind creating and dropping the
 * application's and the tests' databases, on a connection to the server's `postgres` database.
 */
export class DatabaseAdminRepository {
  constructor(private readonly client: ClientBase) {}

  async exists(database: string): Promise<boolean> {
    const found = await this.client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    return Boolean(found.rowCount);
  }

  async create(database: string): Promise<void> {
    await this.client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  }

  /** Drops the database, ending its sessions. */
  async drop(database: string): Promise<void> {
    await this.client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  }
}

/** Runs `work` on a connection to the `postgres` database of the server of `serverUrl`. */
async function onServer<T>(
  serverUrl: string,
  work: (admin: DatabaseAdminRepository) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(new DatabaseAdminRepository(client));
  } finally {
    await client.end();
  }
}

/** Creates `database` on the server of `serverUrl` unless it exists; whether it created it. */
export function ensureDatabase(serverUrl: string, database: string): Promise<boolean> {
  return onServer(serverUrl, async (admin) => {
    if (await admin.exists(database)) return false;
    await admin.create(database);
    return true;
  });
}

export function dropDatabase(serverUrl: string, database: string): Promise<void> {
  return onServer(serverUrl, (admin) => admin.drop(database));
}

/** A throwaway database with a recognisable, unique name; the caller drops it. */
export async function createScratchDatabase(serverUrl: string, prefix = 'skillpath_test'): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(serverUrl, name);
  return withDatabase(serverUrl, name);
}
