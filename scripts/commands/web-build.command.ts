import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { gzipSync } from 'zlib';
import { writeGeneratedTypes } from '../../apps/web/scripts/codegen';
import type * as EarlySession from '../../apps/web/scripts/early-session';

const REPO_ROOT = join(__dirname, '..', '..');
export const WEB_ROOT = join(REPO_ROOT, 'apps', 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

/** Files whose change means the built app is stale. */
const SOURCES = [
  join(WEB_ROOT, 'src'),
  join(WEB_ROOT, 'index.html'),
  join(REPO_ROOT, 'schema.gql'),
  join(WEB_ROOT, 'scripts', 'early-session.ts'),
  __filename,
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Writes a .gz beside each text asset, so the API can send compressed files without compressing per request. */
function precompress(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) precompress(path);
    else if (/\.(js|css|html|svg|json)$/.test(name))
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

/** Generates the typed GraphQL operations, then builds apps/web into apps/web/dist. Returns an exit code. */
export async function buildWeb(opts: { quiet?: boolean } = {}): Promise<number> {
  const log = opts.quiet ? () => undefined : (m: string) => console.log(`[web] ${m}`);
  try {
    if (await writeGeneratedTypes()) log('regenerated src/gql/generated.ts from schema.gql');
    // Loaded after codegen: the inlined script embeds the generated documents.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { earlySessionPlugin } = require('../../apps/web/scripts/early-session') as typeof EarlySession;
    // Vite is an ES module; Node 20.19+ loads it through require().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require('vite') as { build: (config: Record<string, unknown>) => Promise<unknown> };
    // A production build sets process.env.NODE_ENV in this process; `npm start` spawns the API and
    // worker with this environment afterwards, and they must not think they run in production.
    const nodeEnv = process.env.NODE_ENV;
    await build({
      root: WEB_ROOT,
      configFile: false,
      logLevel: opts.quiet ? 'warn' : 'info',
      // JSX through Vite's built-in Oxc transform (no React plugin needed for a production build).
      mode: 'production',
      oxc: { jsx: { runtime: 'automatic', development: false } },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      plugins: [earlySessionPlugin()],
      build: {
        outDir: WEB_DIST,
        emptyOutDir: true,
        target: 'es2020',
        manifest: true,
        sourcemap: false,
        reportCompressedSize: false,
      },
    });
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    precompress(WEB_DIST);
    log(`built ${relative(process.cwd(), WEB_DIST) || WEB_DIST}`);
    return 0;
  } catch (e) {
    console.error(`[web] build failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** True when apps/web/dist is missing or older than any source of the app. */
export function webBuildIsStale(): boolean {
  const builtIndex = join(WEB_DIST, 'index.html');
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

/** Builds the web app only when its build is missing or stale; returns an exit code. */
export async function buildWebIfNeeded(opts: { quiet?: boolean } = {}): Promise<number> {
  if (!webBuildIsStale()) return 0;
  return buildWeb(opts);
}
