import { execFile } from 'child_process';
import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// Not imported from ./codegen: loading Code Generator inside Jest fails (it needs ES modules).
const REPO_ROOT = join(__dirname, '..', '..', '..');
const GENERATED_FILE = join(REPO_ROOT, 'apps', 'web', 'src', 'gql', 'generated.ts');

// Prettier and Code Generator load ES modules, which Jest's runtime cannot: check in a child Node process.
function check(file: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'codegen.ts'), '--check', file],
      { cwd: REPO_ROOT, env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') } },
      (err, _stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
    );
  });
}

describe('the generated GraphQL types', () => {
  it('are up to date with schema.gql and src/gql/*.graphql (else run apps/web/scripts/codegen.ts)', async () => {
    const { code, stderr } = await check(GENERATED_FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('are reported stale when they differ from what the generator writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-'));
    try {
      const copy = join(dir, 'generated.ts');
      copyFileSync(GENERATED_FILE, copy);
      appendFileSync(copy, 'export type HandEdited = true;\n');
      const { code, stderr } = await check(copy);
      expect(code).toBe(1);
      expect(stderr).toContain('stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
