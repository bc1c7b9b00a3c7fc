import { join } from 'path';
import { tmpdir } from 'os';
import { Client } from 'pg';
import { randomBytes } from 'crypto';
import Redis from 'ioredis';
import { testDatabaseServerUrl } from '@skillpath/persistence/testing';
import { AppConfig, loadConfig } from '@skillpath/config';

export { createTestDatabase, type TestDatabase } from '@skillpath/persistence/testing';

/**
 * Where the integration tests find PostgreSQL and Redis: `npm test` passes what it found or started;
 * running Jest directly falls back to the machine's standard ports.
 */
export function testServers(): { databaseServerUrl: string; redisUrl: string } {
  return {
    databaseServerUrl: testDatabaseServerUrl(),
    redisUrl: process.env.SKILLPATH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

export function randomRedisPrefix(): string {
  return `skillpath_test_${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a test's prefix. */
export async function flushRedisPrefix(prefix: string, redisUrl = testServers().redisUrl): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Strong random secrets for one test process: tests configure secrets explicitly, like production, and
 * never read or write the data directory's generated ones.
 */
export const TEST_SECRETS = {
  JWT_SECRET: randomBytes(48).toString('base64url'),
  CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
};

/** The environment of an app under test (what a spawned app process gets; testConfig validates it). */
export function testEnv(
  databaseUrl: string,
  redisPrefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testServers().redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'silent',
    SOURCE_ALLOW_PRIVATE_NETWORKS: 'true',
    // Test files register many accounts from 127.0.0.1; the abuse tests set RATE_LIMIT_FACTOR: '1'.
    RATE_LIMIT_FACTOR: '1000',
    // Account emails from tests that do not catch them go to a scratch file, never into the repo.
    MAIL_OUTBOX_FILE: join(tmpdir(), `skillpath-test-outbox-${process.pid}.jsonl`),
    // Functional tests run on busy shared machines, where event-loop delay alone would make the API
    // shed load (RATE_LIMITED) mid-test; load shedding has its own tests, which set this themselves.
    API_MAX_EVENT_LOOP_DELAY_MS: '60000',
    ...TEST_SECRETS,
    ...extra,
  };
}

export function testConfig(
  databaseUrl: string,
  redisPrefix: string,
  extra: Record<string, string> = {},
): AppConfig {
  return loadConfig(testEnv(databaseUrl, redisPrefix, extra));
}

/** Rows of one query on its own connection: for tests that look at (or arrange) what the API wrote. */
export async function queryRows<T>(databaseUrl: string, query: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query(query, params)).rows as T[];
  } finally {
    await c.end();
  }
}
