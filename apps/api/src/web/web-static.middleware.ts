import { createHash } from 'crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'fs';
import { gzipSync } from 'zlib';
import type { IncomingMessage, ServerResponse } from 'http';
import { extname, join, normalize, sep } from 'path';
import { BuildManifest, lazyChunksFor, STYLESHEET_ONLOAD, withShell } from './page-shell';

/** Paths the API itself answers; the web app never shadows them. */
export const API_PATH_PREFIXES = [
  '/graphql',
  '/health',
  '/ready',
  '/metrics',
  '/admin',
  // Only below it: /credentials itself is the resident's "My credentials" page, which a reload or a
  // shared link must open (the API answers /credentials/issuer, /credentials/:id/verify and so on).
  '/credentials/',
  '/auth',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The content security policy of the app's HTML: scripts only from this origin plus the exact inline
 * script index.html carries (by its hash, so an injected one does not run), no plugins, no framing by
 * any other page (clickjacking), forms and the base URL kept to this origin.
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
  // The stylesheet's onload handler (see page-shell), allowed by its hash and nothing else inline.
  hashes.push(`'unsafe-hashes' 'sha256-${createHash('sha256').update(STYLESHEET_ONLOAD).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    // React sets style properties from script (allowed); inline style attributes in markup need this.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers of every HTML answer, read from index.html again whenever the build changes it. */
function htmlHeaders(indexFile: string) {
  let cached: { mtimeMs: number; csp: string } | undefined;
  return (): Record<string, string> => {
    const mtimeMs = statSync(indexFile).mtimeMs;
    if (!cached || cached.mtimeMs !== mtimeMs)
      cached = { mtimeMs, csp: contentSecurityPolicy(readFileSync(indexFile, 'utf8')) };
    return {
      'content-security-policy': cached.csp,
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    };
  };
}

export function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((p) =>
    p.endsWith('/') ? path.startsWith(p) : path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`),
  );
}

/**
 * Serves the built web app: files from the dist folder (hashed assets cached for a year, index.html
 * never cached), precompressed `.gz` twins when the browser accepts gzip, and index.html for any other
 * GET that asks for HTML (the app's own routes, like /roadmap). API paths pass straight through.
 */
export function createWebStaticHandler(distDir: string) {
  const root = normalize(distDir + sep);
  const indexFile = join(root, 'index.html');
  const securityHeaders = htmlHeaders(indexFile);

  const send = (req: IncomingMessage, res: ServerResponse, file: string, cache: string) => {
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const gz = `${file}.gz`;
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const useGz = wantsGzip && existsSync(gz);
    const path = useGz ? gz : file;
    res.statusCode = 200;
    res.setHeader('content-type', type);
    res.setHeader('cache-control', cache);
    res.setHeader('x-content-type-options', 'nosniff');
    if (type.startsWith('text/html'))
      for (const [k, v] of Object.entries(securityHeaders())) res.setHeader(k, v);
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('content-length', statSync(path).size);
    if (useGz) res.setHeader('content-encoding', 'gzip');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path).pipe(res);
  };

  // index.html with each page's shell, plain and gzipped, rebuilt when the build changes.
  const pages = new Map<string, { html: Buffer; gz: Buffer }>();
  let builtAt = 0;
  let manifest: BuildManifest | undefined;
  const manifestFile = join(root, '.vite', 'manifest.json');
  const sendPage = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const mtime = statSync(indexFile).mtimeMs;
    if (mtime !== builtAt) {
      pages.clear();
      builtAt = mtime;
      // Without a manifest (an older build) pages simply name no chunks to preload.
      try {
        manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest;
      } catch {
        manifest = undefined;
      }
    }
    let page = pages.get(path);
    if (!page) {
      const html = Buffer.from(
        withShell(readFileSync(indexFile, 'utf8'), path, lazyChunksFor(manifest, path)),
      );
      page = { html, gz: gzipSync(html, { level: 9 }) };
      if (pages.size < 200) pages.set(path, page);
    }
    const useGz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGz ? page.gz : page.html;
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES['.html']);
    for (const [k, v] of Object.entries(securityHeaders())) res.setHeader(k, v);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('content-length', body.length);
    if (useGz) res.setHeader('content-encoding', 'gzip');
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return next();
    }
    if (isApiPath(path) || path.includes('\0')) return next();
    const file = normalize(join(root, path));
    if (
      file.startsWith(root) &&
      file !== indexFile &&
      !file.endsWith('.gz') &&
      existsSync(file) &&
      statSync(file).isFile()
    ) {
      const immutable = path.startsWith('/assets/');
      return send(req, res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing asset is a real 404, not the app; only page navigations fall back to index.html,
    // with the page's server-rendered shell in it.
    const accept = String(req.headers.accept ?? '');
    if (extname(path) === '' && (accept.includes('text/html') || accept === '' || accept.includes('*/*'))) {
      return sendPage(req, res, path);
    }
    return next();
  };
}

/** apps/web/dist, from the source tree or from a compiled build next to it. */
export function webDistDir(): string {
  return join(__dirname, '..', '..', '..', 'web', 'dist');
}

export function webDistExists(dir = webDistDir()): boolean {
  return existsSync(join(dir, 'index.html'));
}
