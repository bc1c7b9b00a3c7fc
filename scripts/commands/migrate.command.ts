import { runMigrations } from '@skillpath/persistence';
import { ensureServices } from '../services/services';
import { say, toolEnv } from './env';

export async function runMigrateCommand(): Promise<number> {
  const services = await ensureServices(toolEnv(), say);
  try {
    const applied = await runMigrations(services.databaseUrl);
    say(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply: the schema is up to date');
    return 0;
  } finally {
    await services.stop();
  }
}
