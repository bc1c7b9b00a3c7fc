import { spawn } from 'child_process';
import { join } from 'path';
import { ensureServices, MissingServiceError, REPO_ROOT } from '../services/services';
import { say, toolEnv } from './env';

/**
 * `npm test`: finds or starts PostgreSQL and Redis the same way `npm start` does, then runs Jest over
 * every project. Each integration test makes its own database and Redis key prefix and drops them.
 */
export async function runTestCommand(jestArgs: string[]): Promise<number> {
  let services;
  try {
    services = await ensureServices(toolEnv(), say, { database: 'postgres' });
  } catch (e) {
    if (e instanceof MissingServiceError) {
      console.error(`[skillpath] ${e.message}`);
      return 1;
    }
    throw e;
  }
  try {
    const args = [
      join(REPO_ROOT, 'node_modules/jest/bin/jest.js'),
      '-c',
      join(REPO_ROOT, 'jest.config.js'),
      ...jestArgs,
    ];
    if (process.env.CI && !jestArgs.some((a) => a.startsWith('--maxWorkers') || a === '-w'))
      args.push('--maxWorkers=2');
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          SKILLPATH_TEST_DATABASE_SERVER: services.databaseServerUrl,
          SKILLPATH_TEST_REDIS_URL: services.redisUrl,
        },
      });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    return code;
  } finally {
    await services.stop();
  }
}
