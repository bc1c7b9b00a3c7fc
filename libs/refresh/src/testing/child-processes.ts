import { ChildProcess, spawn } from 'child_process';
import { spawnReadyProcess } from '@skillpath/testing';
import { createServer } from 'net';
import { join } from 'path';

const WORKER_ENTRY = join(__dirname, 'refresh-worker.entry.ts');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts the standalone refresh worker (refresh-worker.entry.ts) and resolves once it consumes jobs.
 * `nodeArgs` go before the script (e.g. `--cpu-prof` for profiling, `--max-old-space-size=…`).
 */
export function spawnRefreshWorker(
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  return spawnReadyProcess(WORKER_ENTRY, env, timeoutMs, nodeArgs);
}

/** Asks the worker to exit normally (SIGUSR2, see refresh-worker.entry.ts), e.g. so `--cpu-prof` writes its profile. */
export async function stopGently(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGUSR2');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** A throwaway redis-server on its own port (never the machine's), without persistence. */
export class DisposableRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}`));
      });
    });
  }

  async kill(): Promise<void> {
    if (this.child) await killHard(this.child);
    this.child = undefined;
  }
}
