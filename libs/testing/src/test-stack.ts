import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { INestApplication } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppConfig, loadConfig } from '@skillpath/config';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  testEnv,
  TestDatabase,
} from './test-services';
import { GraphQLTestClient } from './graphql-client';

const REPO_ROOT = join(__dirname, '../../..');

/**
 * What a whole-stack test runs. Libs never import the apps: the app that owns the tests passes its
 * own factory (see apps/api/src/testing/test-stack.ts), and the worker runs as the separate
 * process it is in production, from an entry file given by path.
 */
export interface StackApps {
  createApi(config: AppConfig, hooks: { typeormLogger?: TypeOrmLogger }): Promise<INestApplication>;
  /** A worker entry (a .ts file path) that starts the worker from the environment and prints "ready". */
  workerEntry?: string;
}

export interface TestStack {
  db: TestDatabase;
  config: AppConfig;
  api: INestApplication;
  worker?: ChildProcess;
  gql: GraphQLTestClient;
  close(): Promise<void>;
}

export interface TestStackOptions {
  worker?: boolean;
  seed?: (databaseUrl: string) => Promise<unknown>;
  typeormLogger?: TypeOrmLogger;
  /** Extra environment for the apps' configuration, e.g. SMTP_URL. */
  env?: Record<string, string>;
}

/**
 * An API (and optionally a worker process) on a fresh migrated database and Redis prefix, the API
 * listening on a free port. `seed` runs before the apps start.
 */
export async function startAppStack(apps: StackApps, opts: TestStackOptions = {}): Promise<TestStack> {
  const db = await createTestDatabase();
  const prefix = randomRedisPrefix();
  const env = testEnv(db.url, prefix, opts.env);
  const config = loadConfig(env);
  let worker: ChildProcess | undefined;
  try {
    if (opts.seed) await opts.seed(db.url);
    const api = await apps.createApi(config, { typeormLogger: opts.typeormLogger });
    await api.listen(0, '127.0.0.1');
    const gql = new GraphQLTestClient((await api.getUrl()).replace('[::1]', '127.0.0.1'));
    if (opts.worker) {
      if (!apps.workerEntry) throw new Error('this stack has no worker entry');
      worker = await spawnReadyProcess(apps.workerEntry, { ...env, MIGRATE_ON_START: 'false' });
    }
    return {
      db,
      config,
      api,
      worker,
      gql,
      close: async () => {
        if (worker) await stopProcess(worker);
        await api.close();
        await flushRedisPrefix(prefix);
        await db.drop();
      },
    };
  } catch (e) {
    if (worker) await stopProcess(worker);
    await flushRedisPrefix(prefix);
    await db.drop();
    throw e;
  }
}

/**
 * Runs a TypeScript entry (compiled on the fly, like scripts/run.js) with the given environment and
 * resolves once it prints "ready" on stdout. `nodeArgs` go before the script (e.g. `--cpu-prof`).
 */
export async function spawnReadyProcess(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready: ${stderr}`));
    });
  });
  return child;
}

/** SIGTERM (a graceful shutdown), then SIGKILL if it has not exited in time. */
export async function stopProcess(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
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
