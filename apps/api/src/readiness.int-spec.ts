import { INestApplication } from '@nestjs/common';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  TcpProxy,
  testConfig,
  TestDatabase,
} from '@skillpath/testing';
import { createApiApp } from './bootstrap';

async function readyStatus(base: string): Promise<number> {
  return (await fetch(`${base}/ready`)).status;
}

async function eventually(fn: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('/ready follows PostgreSQL without a restart', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let app: INestApplication;
  let base: string;
  const prefix = randomRedisPrefix();

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(db.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    app = await createApiApp(testConfig(viaProxy.toString(), prefix));
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await proxy.restore();
    await app.close();
    await proxy.stop();
    await flushRedisPrefix(prefix);
    await db.drop();
  });

  it('is ready, becomes not-ready when PostgreSQL is unreachable, and ready again when it returns', async () => {
    expect(await readyStatus(base)).toBe(200);
    await proxy.cut();
    await eventually(async () => (await readyStatus(base)) === 503);
    const body = (await (await fetch(`${base}/ready`)).json()) as { error: Record<string, unknown> };
    expect(body.error).toHaveProperty('postgres');
    // Liveness does not depend on the database.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    await proxy.restore();
    await eventually(async () => (await readyStatus(base)) === 200);
  });
});
