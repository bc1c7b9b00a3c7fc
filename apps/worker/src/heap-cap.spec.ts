import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every way of starting the worker caps its heap the same way, so its RSS stays under 500 MB. */
describe('worker heap cap', () => {
  const flag = /WORKER_NODE_FLAGS = \['(--max-old-space-size=\d+)'\]/.exec(
    read('scripts/commands/start.command.ts'),
  )?.[1];

  it('is defined once for `npm start`', () => {
    expect(flag).toMatch(/^--max-old-space-size=\d+$/);
    // RSS is the heap plus about 50-90 MB (new space, code, buffers): above 400 it would not stay under 500 MB.
    expect(Number(flag!.split('=')[1])).toBeLessThanOrEqual(400);
  });

  it('is the same in npm run start:worker, docker compose and the Dockerfile note', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:worker']).toBe(`node ${flag} scripts/run.js worker`);
    expect(read('docker/compose.yml')).toContain(`command: ['node', '${flag}', 'scripts/run.js', 'worker']`);
    expect(read('docker/Dockerfile')).toContain(`node ${flag} scripts/run.js worker`);
  });
});
