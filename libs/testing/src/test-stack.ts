import { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppConfig } from '@skillpath/config';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  testConfig,
  TestDatabase,
} from './test-services';
import { GraphQLTestClient } from './graphql-client';

export interface TestStack {
  db: TestDatabase;
  config: AppConfig;
  api: INestApplication;
  worker?: INestApplicationContext;
  gql: GraphQLTestClient;
  close(): Promise<void>;
}

/**
 * An API (and optionally a worker) on a fresh migrated database and Redis prefix, listening on a free
 * port. `seed` runs before the apps start. The apps are imported lazily so libs need not depend on apps.
 */
export async function startTestStack(
  opts: {
    worker?: boolean;
    seed?: (databaseUrl: string) => Promise<unknown>;
    typeormLogger?: TypeOrmLogger;
    /** Extra environment for the apps' configuration, e.g. SMTP_URL. */
    env?: Record<string, string>;
  } = {},
): Promise<TestStack> {
  const db = await createTestDatabase();
  const prefix = randomRedisPrefix();
  const config = testConfig(db.url, prefix, opts.env);
  if (opts.seed) await opts.seed(db.url);
  const { createApiApp } = await import('../../../apps/api/src/bootstrap');
  const api = await createApiApp(config, { typeormLogger: opts.typeormLogger });
  await api.listen(0, '127.0.0.1');
  const gql = new GraphQLTestClient((await api.getUrl()).replace('[::1]', '127.0.0.1'));
  let worker: INestApplicationContext | undefined;
  if (opts.worker) {
    const { createWorkerApp } = await import('../../../apps/worker/src/bootstrap');
    worker = await createWorkerApp(config, { schedules: false });
  }
  return {
    db,
    config,
    api,
    worker,
    gql,
    close: async () => {
      await worker?.close();
      await api.close();
      await flushRedisPrefix(prefix);
      await db.drop();
    },
  };
}

/** Polls until fn returns a value (not undefined), or fails after the timeout. */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 20000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
