import { randomBytes } from 'crypto';
import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '../../..');

function startApi(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/run.js'), 'api'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60000,
  });
}

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('start-up configuration', () => {
  it.each([
    [{ ...valid, PORT: 'abc' }, 'PORT'],
    [{ ...valid, DATABASE_URL: 'postgres//oops' }, 'DATABASE_URL'],
    [{ REDIS_URL: valid.REDIS_URL }, 'DATABASE_URL'],
    // The secret the old code fell back to outside production, published in its source.
    [
      {
        ...valid,
        JWT_SECRET: 'skillpath-development-secret-do-not-use-in-production',
        CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
      'JWT_SECRET',
    ],
    [
      { ...valid, NODE_ENV: 'production', CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64') },
      'JWT_SECRET',
    ],
  ])('stops with one line naming the variable (%j)', (env, variable) => {
    const r = startApi(env);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable} `));
  });
});
