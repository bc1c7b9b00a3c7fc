import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { ensureServices, REPO_ROOT } from '../services/services';
import { say, toolEnv } from './env';
import { API_NODE_FLAGS } from './start.command';

/** `npm run bench:<name>`: runs scripts/bench/<name>.ts with PostgreSQL and Redis found or started. */
export async function runBenchCommand([name, ...args]: string[]): Promise<number> {
  const file = join(REPO_ROOT, 'scripts/bench', `${name}.ts`);
  if (!name || !existsSync(file)) {
    console.error(`No benchmark "${name ?? ''}" (looked for ${file}).`);
    return 2;
  }
  const services = await ensureServices(toolEnv(), say, { database: 'postgres' });
  try {
    return await new Promise<number>((resolve) => {
      // The matching engine's latencies are the API's: measured with the API's node flags.
      const flags = name === 'matching' ? API_NODE_FLAGS : [];
      const child = spawn(
        process.execPath,
        [...flags, '--expose-gc', '-r', '@swc-node/register', file, ...args],
        {
          cwd: REPO_ROOT,
          stdio: 'inherit',
          env: { ...process.env, PG_ADMIN_URL: services.databaseServerUrl, REDIS_URL: services.redisUrl },
        },
      );
      child.on('exit', (c) => resolve(c ?? 1));
    });
  } finally {
    await services.stop();
  }
}
