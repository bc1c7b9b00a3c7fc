import { createHash } from 'crypto';
import { STYLESHEET_ONLOAD } from './page-shell';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { createWebStaticHandler } from './web-static.middleware';

describe("the web app's HTML security headers", () => {
  let dist: string;
  let server: Server;
  let base: string;
  const inline = '(function(){window.early=1;})();';

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-csp-'));
    writeFileSync(
      join(dist, 'index.html'),
      `<!doctype html><head><script>${inline}</script><script type="module" src="/assets/app.js"></script></head>`,
    );
    writeFileSync(join(dist, 'app.txt'), 'plain');
    const handler = createWebStaticHandler(dist);
    server = createServer((req, res) =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dist, { recursive: true, force: true });
  });

  it('forbids framing and allows only its own scripts plus the exact inline one', async () => {
    const res = await fetch(`${base}/roadmap`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const hash = createHash('sha256').update(inline).digest('base64');
    const onload = createHash('sha256').update(STYLESHEET_ONLOAD).digest('base64');
    const esc = (h: string) => h.replace(/[+/=]/g, '\\$&');
    expect(csp).toMatch(
      new RegExp(`script-src 'self' 'sha256-${esc(hash)}' 'unsafe-hashes' 'sha256-${esc(onload)}'(;|$)`),
    );
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('follows a rebuilt index.html', async () => {
    const next = 'window.other=2;';
    writeFileSync(join(dist, 'index.html'), `<!doctype html><script>${next}</script>`);
    // mtime resolution: make sure the change is seen as one
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dist, 'index.html'), later, later);
    const csp = (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).headers.get(
      'content-security-policy',
    )!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(next).digest('base64')}'`);
  });

  it('leaves other files without the HTML policy', async () => {
    const res = await fetch(`${base}/app.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});
