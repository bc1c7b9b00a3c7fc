import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { gzipSync } from 'zlib';
import { LAZY_PAGE_MODULES } from './page-shell';
import { WebModule } from './web.module';

@Controller()
class ApiLikeController {
  @Get('health')
  health() {
    return { ok: true };
  }
  @Get('metrics')
  metrics() {
    return 'metrics';
  }
  @Get('credentials/:id/verify')
  verify() {
    return { valid: true };
  }
}

async function appWith(distDir: string): Promise<INestApplication> {
  @Module({ imports: [WebModule.forRoot({ distDir })], controllers: [ApiLikeController] })
  class TestModule {}
  const app = await NestFactory.create(TestModule, { logger: false });
  await app.init();
  return app;
}

describe('WebModule', () => {
  let dist: string;
  let app: INestApplication;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><head><title>app</title><link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head><body><div id="root"></div></body>',
    );
    // The build's manifest as Vite writes it: the entry, a shared chunk, and lazily loaded pages.
    mkdirSync(join(dist, '.vite'));
    writeFileSync(
      join(dist, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-abc.js', imports: ['_runtime.js'] },
        '_runtime.js': { file: 'assets/runtime-abc.js' },
        '_use-organisation.js': {
          file: 'assets/use-organisation-abc.js',
          imports: ['_runtime.js', 'index.html'],
        },
        'src/partners/partnership-page.tsx': {
          file: 'assets/partnership-page-abc.js',
          imports: ['_runtime.js'],
        },
        'src/partners/employer-page.tsx': {
          file: 'assets/employer-page-abc.js',
          imports: ['_runtime.js', '_use-organisation.js'],
        },
      }),
    );
    writeFileSync(join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'main-abc.js.gz'), gzipSync('console.log(1)'));
    app = await appWith(dist);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes', async () => {
    // /credentials is the resident's page (reloaded or opened from a link); only below it is the API's.
    for (const path of ['/', '/roadmap', '/partnership/cohort', '/credentials']) {
      const res = await request(app.getHttpServer()).get(path).set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<title>app</title>');
    }
  });

  it('puts a server-rendered shell in each page: header, heading and first action, styles inline', async () => {
    const home = await request(app.getHttpServer()).get('/').set('accept', 'text/html');
    expect(home.text).toContain('<h1>Find your way to a job you want</h1>');
    expect(home.text).toMatch(/<a href="\/signup" class="button">Get started<\/a>/);
    expect(home.text).toMatch(/<style>[^<]*\.shell-header/);
    // The stylesheet no longer blocks the first paint, and still loads without script.
    expect(home.text).not.toMatch(
      /<link rel="stylesheet" crossorigin href="\/assets\/index-abc.css"><\/head>/,
    );
    expect(home.text).toContain('rel="preload" as="style" crossorigin href="/assets/index-abc.css"');
    expect(home.text).toContain(
      '<noscript><link rel="stylesheet" crossorigin href="/assets/index-abc.css"></noscript>',
    );
    const roadmap = await request(app.getHttpServer()).get('/roadmap').set('accept', 'text/html');
    expect(roadmap.text).toContain('<h1>Your roadmap</h1>');
    const other = await request(app.getHttpServer()).get('/somewhere/else').set('accept', 'text/html');
    expect(other.text).toContain('Loading Skillpath…');
    expect(other.text).not.toContain('<h1>');
    const gz = await request(app.getHttpServer())
      .get('/login')
      .set('accept', 'text/html')
      .set('accept-encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toContain('<h1>Log in</h1>');
  });

  it("names a lazily loaded page's chunks in its HTML, so a slow phone fetches them with the main script", async () => {
    const get = (path: string) => request(app.getHttpServer()).get(path).set('accept', 'text/html');
    const preloads = (html: string) =>
      [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(preloads((await get('/partnership')).text)).toEqual(['/assets/partnership-page-abc.js']);
    // What the entry already loads is not named again; what only the page needs is.
    expect(preloads((await get('/employer/')).text)).toEqual([
      '/assets/employer-page-abc.js',
      '/assets/use-organisation-abc.js',
    ]);
    expect(preloads((await get('/')).text)).toEqual([]);
    expect(preloads((await get('/roadmap')).text)).toEqual([]);
  });

  it('names lazily loaded pages by modules that exist in the web app', () => {
    for (const module of Object.values(LAZY_PAGE_MODULES))
      expect(existsSync(join(__dirname, '..', '..', '..', 'web', module))).toBe(true);
  });

  it('serves hashed assets with a long cache, gzipped when accepted', async () => {
    const gz = await request(app.getHttpServer()).get('/assets/main-abc.js').set('accept-encoding', 'gzip');
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toContain('immutable');
    expect(gz.text).toBe('console.log(1)');
    const plain = await request(app.getHttpServer())
      .get('/assets/main-abc.js')
      .set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log(1)');
  });

  it('never shadows the API routes', async () => {
    const health = await request(app.getHttpServer()).get('/health').set('accept', 'text/html');
    expect(health.body).toEqual({ ok: true });
    const metrics = await request(app.getHttpServer()).get('/metrics').set('accept', 'text/html');
    expect(metrics.text).toBe('metrics');
    const gql = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(gql.status).toBe(404);
    const verify = await request(app.getHttpServer())
      .get('/credentials/abc/verify')
      .set('accept', 'text/html');
    expect(verify.body).toEqual({ valid: true });
  });

  it('answers 404 for a missing asset and refuses paths outside the folder', async () => {
    expect((await request(app.getHttpServer()).get('/assets/nope.js')).status).toBe(404);
    const escape = await request(app.getHttpServer())
      .get('/..%2f..%2fetc%2fpasswd')
      .set('accept', 'application/json');
    expect(escape.status).toBe(404);
  });

  it('does nothing when the app has not been built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'web-empty-'));
    const bare = await appWith(empty);
    try {
      expect((await request(bare.getHttpServer()).get('/').set('accept', 'text/html')).status).toBe(404);
      expect((await request(bare.getHttpServer()).get('/health')).body).toEqual({ ok: true });
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
