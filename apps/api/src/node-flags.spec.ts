import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every way of starting the API gives it the same young generation (API_NODE_FLAGS). */
describe('API node flags', () => {
  const flag = /API_NODE_FLAGS = \['(--max-semi-space-size=\d+)'\]/.exec(
    read('scripts/commands/start.command.ts'),
  )?.[1];

  it('are defined once for `npm start`, and bounded', () => {
    expect(flag).toMatch(/^--max-semi-space-size=\d+$/);
    // The young generation takes about three times the semi-space: bounded, so its memory stays a choice
    // (64 MB: at most about 150 MB more than V8's default).
    expect(Number(flag!.split('=')[1])).toBeLessThanOrEqual(64);
  });

  it('are the same in npm run start:api, docker compose, the Dockerfile and the load tests', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:api']).toBe(`node ${flag} scripts/run.js api`);
    expect(read('docker/compose.yml')).toContain(`command: ['node', '${flag}', 'scripts/run.js', 'api']`);
    expect(read('docker/Dockerfile')).toContain(`CMD ["node", "${flag}", "scripts/run.js", "api"]`);
    expect(read('libs/testing/src/load/app-processes.ts')).toContain(`['${flag}']`);
  });
});
