import { spawn, spawnSync } from 'child_process';
import { mkdirSync } from 'fs';
import { freePort, redisAnswers, sleep } from './probe';

export interface StartedRedis {
  url: string;
  stop(): Promise<void>;
}

export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Spawns `redis-server` from PATH on a free loopback port, with its append-only file under `dataDir`. */
export async function startLocalRedis(dataDir: string): Promise<StartedRedis> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--save', ''],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await redisAnswers(url, 500)) {
      return {
        url,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port} within 5 s`);
}
