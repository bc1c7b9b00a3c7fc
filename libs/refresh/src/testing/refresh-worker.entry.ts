/**
 * A standalone refresh worker process for the crash test and the benchmark:
 *   node -r @swc-node/register libs/refresh/src/testing/refresh-worker.entry.ts
 * Configured like the real worker (DATABASE_URL, REDIS_URL, REDIS_PREFIX, …) plus test knobs:
 * REFRESH_LOCK_MS / REFRESH_STALLED_MS (BullMQ lock and stalled check, so a killed worker's job is
 * taken back quickly) and REFRESH_FETCH_TIMEOUT_MS. Prints "ready" on stdout once consuming.
 */
import 'reflect-metadata';
import { loadConfig } from '@skillpath/config';
import { startRefreshWorker } from './refresh-worker-app';

const knob = (name: string): number | undefined =>
  process.env[name] ? Number(process.env[name]) : undefined;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  await startRefreshWorker(config, {
    schedules: false,
    lockDurationMs: knob('REFRESH_LOCK_MS'),
    stalledIntervalMs: knob('REFRESH_STALLED_MS'),
    fetch: { timeoutMs: knob('REFRESH_FETCH_TIMEOUT_MS') ?? 30_000, retries: 3, baseDelayMs: 100 },
  });
  // A normal exit on request, so that `--cpu-prof` can write its profile (SIGTERM/SIGKILL would not).
  process.once('SIGUSR2', () => process.exit(0));
  process.stdout.write('ready\n');
}

main().catch((e: unknown) => {
  console.error(`refresh worker failed to start: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
