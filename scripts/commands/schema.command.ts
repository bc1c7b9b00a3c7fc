import { randomBytes } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ensureServices, REPO_ROOT } from '../services/services';
import { say, toolEnv } from './env';

export const SCHEMA_FILE = join(REPO_ROOT, 'schema.gql');

/** Prints the API's GraphQL schema (SDL) by building the application against scratch services. */
export async function currentSchemaSdl(databaseServerUrl: string, redisUrl: string): Promise<string> {
  const { createScratchDatabase, databaseName, dropDatabase, runMigrations } =
    await import('@skillpath/persistence');
  const { loadConfig } = await import('@skillpath/config');
  const { printSchema } = await import('graphql');
  const { GraphQLSchemaHost } = await import('@nestjs/graphql');
  const { createApiApp } = await import('../../apps/api/src/bootstrap');
  const url = await createScratchDatabase(databaseServerUrl, 'skillpath_schema');
  try {
    await runMigrations(url);
    const app = await createApiApp(
      loadConfig({
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        LOG_LEVEL: 'silent',
        REDIS_PREFIX: 'skillpath_schema',
        // Throwaway secrets: this app only prints its schema and signs nothing.
        JWT_SECRET: randomBytes(48).toString('base64url'),
        CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
      }),
    );
    await app.init();
    const sdl = printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
    await app.close();
    return sdl;
  } finally {
    await dropDatabase(databaseServerUrl, databaseName(url));
  }
}

export async function runSchemaCommand(mode: 'check' | 'write'): Promise<number> {
  const services = await ensureServices(toolEnv(), say, { database: 'postgres' });
  try {
    const sdl = await currentSchemaSdl(services.databaseServerUrl, services.redisUrl);
    if (mode === 'write') {
      writeFileSync(SCHEMA_FILE, sdl);
      say(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== sdl) {
      console.error('schema.gql is stale: run `node scripts/run.js schema-write` and commit it.');
      return 1;
    }
    say('schema.gql is up to date');
    return 0;
  } finally {
    await services.stop();
  }
}
