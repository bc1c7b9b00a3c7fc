import 'reflect-metadata';
import { ConfigError, loadConfig } from '@skillpath/config';
import { runMigrations } from '@skillpath/persistence';
import { createApiApp } from './bootstrap';
import { shutDownGracefully } from './lifecycle/graceful-shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  if (config.migrateOnStart) await runMigrations(config.database.url);
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const log = (msg: string) => console.error(`[api] ${signal}: ${msg}`);
    shutDownGracefully(app, config.shutdown, log)
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        log(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(`API failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
