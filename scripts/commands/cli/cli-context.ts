import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { DataSource } from 'typeorm';
import type { QueueEvents } from 'bullmq';
import { createDataSource, runMigrations } from '@skillpath/persistence';
import type { SourceAdminService } from '@skillpath/refresh';
import { ensureServices, Services } from '../../services/services';
import { toolEnv } from '../env';

/**
 * One operator command: `npm run cli -- <name> …`. A file `scripts/commands/cli/<name>.cli.ts`
 * exporting `cliCommand` is all it takes to add one (cli.command.ts finds the files).
 */
export interface CliCommand {
  /** Registers the command, its options and its action on the program. */
  register(program: Command, run: CliRun): void;
}

/** What an action can tell the CLI besides throwing: a non-zero exit code for a failure it printed. */
export interface CliRun {
  fail(code?: number): void;
}

/**
 * Progress and service lines go to stderr, so that commands whose output is data (skills:extract,
 * the JSON lines of the others) can be piped.
 */
export const note = (line: string) => console.error(`[skillpath] ${line}`);

/** PostgreSQL and Redis, found or started as `npm start` does, stopped afterwards. */
export async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const services = await ensureServices(toolEnv(), note);
  try {
    return await fn(services);
  } finally {
    await services.stop();
  }
}

/** A migrated database's DataSource for the length of `fn`. */
export async function withDataSource<T>(
  s: Services,
  fn: (ds: DataSource) => Promise<T>,
  poolSize = 2,
): Promise<T> {
  await runMigrations(s.databaseUrl);
  const ds = createDataSource({ url: s.databaseUrl, poolSize, applicationName: 'skillpath-cli' });
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

/** The application config for these services (so REDIS_PREFIX and the rest are honoured). */
export async function configFor(s: Services) {
  // The same secrets as the apps: configured, else the data directory's generated ones.
  const { loadConfigWithSecrets } = await import('@skillpath/config');
  return loadConfigWithSecrets({
    ...process.env,
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    LOG_LEVEL: 'silent',
  });
}

/** The source admin service on the real queue, with the same Redis prefix the worker uses. */
export async function withSourceAdmin<T>(
  fn: (admin: SourceAdminService, queues: { events: QueueEvents }) => Promise<T>,
): Promise<T> {
  return withServices(async (s) => {
    const config = await configFor(s);
    const { Queue, QueueEvents } = await import('bullmq');
    const { QueueName, redisConnectionOptions } = await import('@skillpath/queues');
    const { SourceAdminService, SourcesRepository } = await import('@skillpath/refresh');
    return withDataSource(s, async (ds) => {
      const connection = redisConnectionOptions(config.redis.url);
      const queue = new Queue(QueueName.SourceRefresh, { connection, prefix: config.redis.prefix });
      const events = new QueueEvents(QueueName.SourceRefresh, { connection, prefix: config.redis.prefix });
      try {
        await events.waitUntilReady();
        return await fn(new SourceAdminService(new SourcesRepository(ds), queue), { events });
      } finally {
        await events.close();
        await queue.close();
      }
    });
  });
}

/** An option parser for numbers above zero. */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`must be a number more than 0 (got "${value}")`);
  return n;
}

/** One JSON line of the command's result on stdout. */
export const printJson = (value: unknown) => console.log(JSON.stringify(value));
