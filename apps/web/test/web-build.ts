import { execFile } from 'child_process';
import { mkdirSync, rmdirSync, statSync } from 'fs';
import { join } from 'path';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const LOCK = join(REPO_ROOT, 'apps', 'web', '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;

/**
 * Builds apps/web when its build is missing or stale. Runs in a child Node process (Vite is an ES
 * module, which Jest's module system cannot load), under a lock directory so parallel test files do
 * not build into the same folder at once.
 */
export async function ensureWebBuilt(): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmdirSync(LOCK);
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for another web build (${LOCK})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          '-e',
          "require('./scripts/commands/web-build.command.ts').buildWebIfNeeded({ quiet: true }).then((c) => { process.exitCode = c; })",
        ],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') },
          timeout: 5 * 60_000,
        },
        (err, stdout, stderr) =>
          err ? reject(new Error(`web build failed:\n${stdout}\n${stderr}`)) : resolve(),
      );
    });
  } finally {
    rmdirSync(LOCK);
  }
}
