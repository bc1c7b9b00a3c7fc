import 'reflect-metadata';
import { ConfigError, loadConfigWithSecrets } from '@skillpath/config';
import { runMigrations } from '@skillpath/persistence';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfigWithSecrets(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  if (config.migrateOnStart) await runMigrations(config.database.url);
  await createWorkerApp(config);
}

main().catch((e: unknown) => {
  console.error(`Worker failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
