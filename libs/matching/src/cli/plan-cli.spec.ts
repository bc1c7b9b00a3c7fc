import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PLAN_FIXTURES } from '../planner/__fixtures__/plan.fixtures';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script =
    "require('./libs/matching/src/cli/plan-cli.ts').main(process.argv.slice(1)).then((c) => process.exit(c))";
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', '@swc-node/register', '-e', script, '--', ...args],
      { cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('plan CLI (subprocess)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const instances = PLAN_FIXTURES.slice(0, 4).map((f) => f.instance);

  it('reads a JSON array and writes one result line per instance, in order', async () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify(instances));
    const { code, stdout } = await cli('--input', file);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(instances.map((i) => i.id));
    expect(lines[1]).toMatchObject({
      reachable: true,
      steps: ['BASIC', 'ADV'],
      cost: 25,
      coverage: 1,
      missing: [],
    });
    expect(typeof lines[1].ms).toBe('number');
  }, 30_000);

  it('reads JSON Lines; a malformed instance yields an error line and the rest still run', async () => {
    const file = join(dir, 'b.jsonl');
    const bad = {
      id: 'bad',
      learner: { skills: [{ skill: 'A', level: 9 }] },
      goal: { skills: [] },
      opportunities: [],
    };
    writeFileSync(
      file,
      [JSON.stringify(instances[0]), JSON.stringify(bad), '{not json', JSON.stringify(instances[1])].join(
        '\n',
      ),
    );
    const { code, stdout } = await cli('--input', file);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'held', reachable: true });
    expect(lines[1]).toEqual({ id: 'bad', error: 'learner.skills[0].level must be an integer 1..5' });
    expect(lines[2].id).toBeNull();
    expect(lines[2].error).toMatch(/invalid JSON/);
    expect(lines[3]).toMatchObject({ id: 'chain', steps: ['BASIC', 'ADV'] });
  }, 30_000);

  it('exits non-zero only when the file cannot be read', async () => {
    const { code, stdout, stderr } = await cli('--input', join(dir, 'nope.json'));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read/);
  }, 30_000);
});
