import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { runMigrations } from '@skillpath/persistence';
import { ensureServices, MissingServiceError, REPO_ROOT, Services } from '../services/services';
import { sleep } from '../services/probe';
import { seedDemoDataIfEmpty } from './seed';
import { say, toolEnv } from './env';

function runApp(entry: 'api' | 'worker'): Promise<number> {
  // The app validates its own configuration and prints one line naming a bad variable.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the app's entry file for its side effect
  require(join(REPO_ROOT, `apps/${entry}/src/main.ts`));
  return new Promise<number>(() => undefined);
}

export const runApiCommand = () => runApp('api');
export const runWorkerCommand = () => runApp('worker');

/**
 * Node flags of every worker start (also spelled out in package.json's start:worker and docker/). Without
 * a cap V8 lets a refresh's garbage grow the worker to ≈580 MB before collecting it; nothing is retained
 * across pages, so a cap costs no speed (the refresh benchmark runs its worker at 256 MB). 384 MB leaves
 * the worker's matching index room to grow with the catalogue while keeping its RSS under 500 MB.
 */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=384'];

/**
 * Node flags of every API start (also spelled out in package.json's start:api and docker/). A roadmap
 * allocates 3–9 MB of short-lived garbage; with V8's default 16 MB semi-space the API collected its
 * young generation every other roadmap, and each collection copied the roadmaps in flight: a fifth of
 * roadmapOptions' time and most of its slow tail. 64 MB (measured against 16 and 32: docs/benchmarks.md
 * "Roadmap speed, third pass") costs at most 96 MB more memory. The matching benchmark runs with them.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];

function spawnApp(entry: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  const flags = entry === 'worker' ? WORKER_NODE_FLAGS : API_NODE_FLAGS;
  return spawn(process.execPath, [...flags, join(REPO_ROOT, 'scripts/run.js'), entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitForReady(port: number, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  return false;
}

function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** `npm start`: services, migrations, demo data, then API and worker together until Ctrl-C. */
export async function runStartCommand(): Promise<number> {
  const env = toolEnv();
  let services: Services;
  try {
    services = await ensureServices(env, say);
  } catch (e) {
    if (e instanceof MissingServiceError) {
      console.error(`[skillpath] ${e.message}`);
      return 1;
    }
    throw e;
  }
  // Secrets: the configured ones, else those generated once in .data/secrets.json (0600), never printed.
  if (!process.env.JWT_SECRET || !process.env.CREDENTIAL_SIGNING_KEY) {
    const { ensureSecretsFile, dataDirectory } = await import('@skillpath/config');
    if (process.env.NODE_ENV !== 'production') {
      const dir = dataDirectory({ SKILLPATH_DATA_DIR: process.env.SKILLPATH_DATA_DIR });
      const { created, path } = ensureSecretsFile(dir);
      say(
        `secrets: ${created ? 'generated new random secrets in' : 'using the generated secrets in'} ${path} (mode 0600)`,
      );
    }
  }
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(children.map((c) => stopChild(c, 15000)));
    await services.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    const applied = await runMigrations(services.databaseUrl);
    say(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
    const seeded = await seedDemoDataIfEmpty(services.databaseUrl, say);
    if (!seeded) say('database already has data; demo data not loaded again');
  } catch (e) {
    console.error(
      `[skillpath] could not prepare the database: ${e instanceof Error ? e.message : String(e)}`,
    );
    await shutdown(1);
    return 1;
  }
  // Loaded here, not at the top: the web build needs dev tools that the production image leaves out,
  // and `api`/`worker` (the image's commands) share this file.
  const { buildWebIfNeeded } = await import('./web-build.command');
  if ((await buildWebIfNeeded()) !== 0)
    say('the web app did not build; the API runs without it (see the errors above)');
  const port = Number(env.PORT ?? 3000);
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    MIGRATE_ON_START: 'false',
  };
  const api = spawnApp('api', appEnv);
  const worker = spawnApp('worker', appEnv);
  children.push(api, worker);
  for (const [name, child] of [
    ['API', api],
    ['worker', worker],
  ] as const) {
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(
          `[skillpath] the ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything`,
        );
        void shutdown(1);
      }
    });
  }
  if (!(await waitForReady(port, api, 120_000))) {
    if (!stopping) {
      console.error('[skillpath] the API did not become ready within 2 minutes');
      await shutdown(1);
    }
    return 1;
  }
  say(
    `ready: the web app at http://localhost:${port}/ and GraphQL at http://localhost:${port}/graphql (health: /health, readiness: /ready, queue board for admins: /admin/queues)`,
  );
  say(
    `try: curl -s http://localhost:${port}/graphql -H 'content-type: application/json' ` +
      `-d '{"query":"{ skills(search: \\"pyton\\", first: 3) { label } }"}'`,
  );
  say('press Ctrl-C to stop');
  return new Promise<number>(() => undefined);
}
