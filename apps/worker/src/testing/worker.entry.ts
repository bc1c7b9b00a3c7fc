/**
 * The worker as whole-stack tests run it: its own process (as in production), configured from the
 * environment, without the cron schedules, printing "ready" once it consumes jobs. SIGTERM closes it
 * gracefully (the app enables Nest's shutdown hooks).
 *   node -r @swc-node/register apps/worker/src/testing/worker.entry.ts
 */
import 'reflect-metadata';
import { loadConfig } from '@skillpath/config';
import { createWorkerApp } from '../bootstrap';

async function main(): Promise<void> {
  await createWorkerApp(loadConfig(process.env), { schedules: false });
  process.stdout.write('ready\n');
}

main().catch((e: unknown) => {
  console.error(`worker failed to start: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
