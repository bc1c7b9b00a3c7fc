import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { gzipSync } from 'zlib';
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
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'main-abc.js.gz'), gzipSync('console.log(1)'));
    app = await appWith(dist);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes', async () => {
    for (const path of ['/', '/roadmap', '/partnership/cohort']) {
      const res = await request(app.getHttpServer()).get(path).set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<title>app</title>');
    }
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
