import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '../../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Production-like settings for separate API and worker processes on one database and Redis prefix. */
export function processEnv(opts: {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.redisPrefix,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    // Production demands a real mail transport; these processes send no mail worth reading.
    MAIL_TRANSPORT: 'outbox',
    // Several processes on one machine: no internal metrics port each (it is fixed, and would clash).
    METRICS_PORT: '0',
    MAIL_OUTBOX_FILE: join(tmpdir(), `skillpath-load-outbox-${process.pid}.jsonl`),
    ...opts.extra,
  };
}

export interface AppProcess {
  kind: 'api' | 'worker';
  child: ChildProcess;
  port?: number;
  /** Everything the process wrote to stderr (for a failing test's message). */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(
    signal?: NodeJS.Signals,
    timeoutMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node scripts/run.js api|worker` as a separate process, as production runs it. */
export function startAppProcess(
  kind: 'api' | 'worker',
  env: Record<string, string>,
  port?: number,
  nodeFlags: string[] = [],
): AppProcess {
  // As `npm start` starts them (API_NODE_FLAGS and WORKER_NODE_FLAGS in scripts/commands/start.command.ts).
  const flags = [
    ...(kind === 'worker' ? ['--max-old-space-size=384'] : ['--max-semi-space-size=64']),
    ...nodeFlags,
  ];
  const child = spawn(process.execPath, [...flags, join(ROOT, 'scripts/run.js'), kind], {
    cwd: ROOT,
    env: { ...env, ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-20000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    kind,
    child,
    port,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const r = await exited;
      clearTimeout(timer);
      return r;
    },
  };
}

/** Waits until an API process answers /ready with 200. */
export async function waitUntilReady(p: AppProcess, timeoutMs = 90000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (p.child.exitCode !== null) throw new Error(`the ${p.kind} process exited early: ${p.stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${p.port}/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `the ${p.kind} process on port ${p.port} was not ready within ${timeoutMs} ms: ${p.stderr()}`,
  );
}
