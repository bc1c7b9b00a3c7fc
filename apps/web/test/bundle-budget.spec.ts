import { readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { ensureWebBuilt } from './web-build';
import { WEB_DIST } from './web-server';

const BUDGET_BYTES = 250 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The JS a first page load fetches: the entry chunk and everything it imports statically (not lazily). */
export function firstPageScripts(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('the build manifest has no entry chunk');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  visit(entry[0]);
  return [...seen].map((k) => manifest[k].file);
}

describe("the resident's first page", () => {
  beforeAll(() => ensureWebBuilt(), 600_000);

  it('loads at most 250 KB of gzipped JavaScript', () => {
    const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const files = firstPageScripts(manifest);
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      // Only what index.html (or its entry) pulls in counts; check the entry really is referenced.
      if (manifest[Object.keys(manifest).find((k) => manifest[k].isEntry) ?? ''].file === f)
        expect(html).toContain(f);
    }
    const gzipped = files
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + gzipSync(readFileSync(join(WEB_DIST, f)), { level: 9 }).length, 0);
    console.log(`first page JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
    expect(gzipped).toBeGreaterThan(10 * 1024); // a real bundle was measured
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('keeps the employer, provider and partnership screens out of it', () => {
    const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const first = new Set(firstPageScripts(manifest));
    const lazy = Object.entries(manifest).filter(([k]) => /partners\//.test(k));
    expect(lazy.length).toBeGreaterThanOrEqual(3);
    for (const [, chunk] of lazy) expect(first.has(chunk.file)).toBe(false);
  });

  it('counts statically imported chunks and ignores lazy ones', () => {
    const files = firstPageScripts({
      'main.tsx': { file: 'a.js', isEntry: true, imports: ['_shared'], dynamicImports: ['lazy.tsx'] },
      _shared: { file: 'b.js' },
      'lazy.tsx': { file: 'c.js', imports: ['_shared'] },
    });
    expect(files.sort()).toEqual(['a.js', 'b.js']);
  });
});
