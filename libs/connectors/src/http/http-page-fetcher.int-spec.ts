import { gzipSync } from 'node:zlib';
import { SourceFetchError } from '../connector.errors';
import {
  startScriptedHttpServer,
  type ScriptedHttpServer,
  type ScriptedReply,
} from '../testing/scripted-http-server';
import { HttpPageFetcher, parseRetryAfter } from './http-page-fetcher';

// A generous timeout so a loaded machine does not cause retries; the timeout tests set their own.
const fast = { timeoutMs: 3000, retries: 2, baseDelayMs: 10, maxDelayMs: 50, allowPrivateNetworks: true };
let server: ScriptedHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers the n-th request (1-based) with replies[n-1], and the last reply after that. */
async function serve(...replies: ScriptedReply[]): Promise<ScriptedHttpServer> {
  server = await startScriptedHttpServer((request) => replies[Math.min(request.n, replies.length) - 1]);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<SourceFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceFetchError);
  return error as SourceFetchError;
}

describe('HttpPageFetcher against a local server', () => {
  it('returns the body of a 2xx answer and sends the headers asked for', async () => {
    const s = await serve({ body: '{"ok":true}' });
    const page = await new HttpPageFetcher({ ...fast, headers: { 'User-Agent': 'skillpath-test' } }).get(
      `${s.origin}/p`,
      {
        'X-Version': '2',
      },
    );
    expect(page).toEqual({ url: `${s.origin}/p`, status: 200, body: '{"ok":true}' });
    expect(s.requests[0].headers).toMatchObject({ 'x-version': '2', 'user-agent': 'skillpath-test' });
  });

  it('retries a 500 and then succeeds', async () => {
    const s = await serve({ status: 500, body: 'boom' }, { body: 'second time lucky' });
    const page = await new HttpPageFetcher(fast).get(`${s.origin}/p`);
    expect(page.body).toBe('second time lucky');
    expect(s.requests).toHaveLength(2);
  });

  it('retries a dropped connection and then succeeds', async () => {
    const s = await serve({ reset: true }, { body: 'fine' });
    expect((await new HttpPageFetcher(fast).get(`${s.origin}/p`)).body).toBe('fine');
    expect(s.requests).toHaveLength(2);
  });

  it('gives up on a server that never answers after its retries, with a timeout error', async () => {
    const s = await serve({ hang: true });
    const started = performance.now();
    const error = await failure(new HttpPageFetcher({ ...fast, timeoutMs: 300 }).get(`${s.origin}/slow`));
    expect(error).toMatchObject({ failure: 'TIMEOUT', attempts: 3, retryable: true, status: undefined });
    expect(error.message).toMatch(/no complete answer within 300 ms/);
    expect(s.requests).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 300);
  });

  it('times out an answer that comes later than the timeout', async () => {
    const s = await serve({ status: 200, body: 'x', delayMs: 1000 });
    const error = await failure(
      new HttpPageFetcher({ ...fast, timeoutMs: 300, retries: 0 }).get(`${s.origin}/p`),
    );
    expect(error).toMatchObject({ failure: 'TIMEOUT', attempts: 1 });
  });

  it('does not retry a 404, and says so', async () => {
    const s = await serve({ status: 404, body: 'no' });
    const error = await failure(new HttpPageFetcher(fast).get(`${s.origin}/missing`));
    expect(error).toMatchObject({ failure: 'HTTP_STATUS', status: 404, attempts: 1, retryable: false });
    expect(error.message).toMatch(/HTTP 404.*not retried/);
    expect(s.requests).toHaveLength(1);
  });

  it('honours Retry-After on a 429', async () => {
    const s = await serve({ status: 429, headers: { 'Retry-After': '1' } }, { body: 'ok' });
    const page = await new HttpPageFetcher(fast).get(`${s.origin}/p`);
    expect(page.body).toBe('ok');
    const gap = s.requests[1].at - s.requests[0].at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(2000);
  });

  it('fails at once when Retry-After asks for longer than a run waits', async () => {
    const s = await serve({ status: 503, headers: { 'Retry-After': '3600' } });
    const error = await failure(new HttpPageFetcher({ ...fast, maxRetryAfterMs: 5000 }).get(`${s.origin}/p`));
    expect(error).toMatchObject({
      failure: 'RETRY_AFTER_TOO_LONG',
      status: 503,
      retryAfterMs: 3_600_000,
      attempts: 1,
    });
    expect(s.requests).toHaveLength(1);
  });

  it('keeps failing 5xx as a retryable error with the status and attempts', async () => {
    const s = await serve({ status: 502 });
    const error = await failure(new HttpPageFetcher(fast).get(`${s.origin}/p`));
    expect(error).toMatchObject({ failure: 'HTTP_STATUS', status: 502, attempts: 3, retryable: true });
  });

  it('reports a refused connection as a network error', async () => {
    const s = await serve({ body: '' });
    const url = `${s.origin}/p`;
    await s.close();
    server = undefined;
    const error = await failure(new HttpPageFetcher({ ...fast, retries: 1 }).get(url));
    expect(error).toMatchObject({ failure: 'NETWORK', attempts: 2 });
  });

  it('rejects a URL that is not one without trying', async () => {
    const error = await failure(new HttpPageFetcher(fast).get('not a url'));
    expect(error).toMatchObject({ failure: 'INVALID_URL', attempts: 0, retryable: false });
  });

  it('keeps to the rate limit, for sequential and concurrent requests alike', async () => {
    const s = await serve({ body: 'ok' });
    const fetcher = new HttpPageFetcher({ ...fast, requestsPerSecond: 20 });
    for (let i = 0; i < 4; i++) await fetcher.get(`${s.origin}/seq`);
    await Promise.all([0, 1, 2, 3].map(() => fetcher.get(`${s.origin}/par`)));
    const times = s.requests.map((r) => r.at);
    // Measured where requests arrive: one request sent late (a busy machine) may land just before the
    // next on-time one, so a single short gap proves nothing; three within one interval would, and the
    // span is exact.
    for (let i = 2; i < times.length; i++) expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(50 - 5);
    expect(times[times.length - 1] - times[1]).toBeGreaterThanOrEqual(6 * 50 - 15);
  });

  it('backs off exponentially with injected jitter', async () => {
    const s = await serve({ status: 500 });
    const waits: number[] = [];
    const fetcher = new HttpPageFetcher({
      ...fast,
      retries: 3,
      baseDelayMs: 100,
      maxDelayMs: 10_000,
      random: () => 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await failure(fetcher.get(`${s.origin}/p`));
    // random 0 → half of base × 2^(n-1).
    expect(waits).toEqual([50, 100, 200]);
  });
});

describe('HttpPageFetcher keeps feeds off the inside network (attack replays)', () => {
  const strict = { ...fast, allowPrivateNetworks: false };

  it.each([
    'http://127.0.0.1:9/p',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://10.0.0.5/p',
    'http://192.168.1.1/p',
    'http://0.0.0.0/p',
    'http://[::1]/p',
    'http://[::ffff:127.0.0.1]/p',
    'http://2130706433/p', // 127.0.0.1 as one number
    'http://localhost:9/p', // a name, refused after DNS resolution
  ])('refuses %s without connecting, and does not retry', async (url) => {
    const error = await failure(new HttpPageFetcher(strict).get(url));
    expect(error).toMatchObject({ failure: 'BLOCKED_ADDRESS', retryable: false });
    expect(error.message).toMatch(/SOURCE_ALLOW_PRIVATE_NETWORKS/);
  });

  it('refuses a local server when private networks are not allowed, and reaches it when they are', async () => {
    const s = await serve({ body: 'inside' });
    const error = await failure(new HttpPageFetcher(strict).get(`${s.origin}/p`));
    expect(error.failure).toBe('BLOCKED_ADDRESS');
    expect(s.requests).toHaveLength(0);
    expect((await new HttpPageFetcher(fast).get(`${s.origin}/p`)).body).toBe('inside');
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.2:9/x', 'http://[::1]:9/x'])(
    'refuses a redirect to %s',
    async (target) => {
      // Only the feed server's own address is let through; the check runs again on every hop.
      const s = await serve({ status: 302, headers: { location: target } });
      const fetcher = new HttpPageFetcher({ ...strict, privateAddressExceptions: ['127.0.0.1'] });
      const error = await failure(fetcher.get(`${s.origin}/p`));
      expect(error.failure).toBe('BLOCKED_ADDRESS');
      expect(s.requests).toHaveLength(1);
    },
  );

  it('follows a redirect on the same origin with the key, and drops the key on a redirect to another origin', async () => {
    const other = await startScriptedHttpServer(() => ({ body: 'elsewhere' }));
    try {
      const s = await serve(
        { status: 302, headers: { location: '/moved' } },
        { status: 307, headers: { location: `${other.origin}/steal` } },
      );
      const page = await new HttpPageFetcher(fast).get(`${s.origin}/p`, {
        'Ocp-Apim-Subscription-Key': 'the-feed-key',
        Authorization: 'Bearer the-feed-token',
        'X-Version': '2',
      });
      expect(page).toMatchObject({ body: 'elsewhere', status: 200 });
      expect(page.url).toMatch(/\/steal$/);
      expect(s.requests.map((r) => r.headers['ocp-apim-subscription-key'])).toEqual([
        'the-feed-key',
        'the-feed-key',
      ]);
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0].headers['ocp-apim-subscription-key']).toBeUndefined();
      expect(other.requests[0].headers.authorization).toBeUndefined();
      expect(other.requests[0].headers['x-version']).toBe('2');
    } finally {
      await other.close();
    }
  });

  it('stops at too many redirects', async () => {
    const s = await serve({ status: 302, headers: { location: '/again' } });
    const error = await failure(new HttpPageFetcher(fast).get(`${s.origin}/p`));
    expect(error).toMatchObject({ failure: 'TOO_MANY_REDIRECTS', retryable: false });
  });

  it('stops reading an oversized response, with or without a declared length, and when compressed', async () => {
    const big = 'x'.repeat(64 * 1024);
    const s = await serve({ body: big });
    const capped = { ...fast, maxResponseBytes: 16 * 1024 };
    const e1 = await failure(new HttpPageFetcher(capped).get(`${s.origin}/p`));
    expect(e1).toMatchObject({ failure: 'TOO_LARGE', retryable: false });
    expect(e1.message).toMatch(/larger than 16384 bytes/);
    await s.close();
    server = await startScriptedHttpServer(() => ({
      headers: { 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.from(big)), // 64 KB that packs into a few hundred bytes
    }));
    const e2 = await failure(new HttpPageFetcher(capped).get(`${server.origin}/p`));
    expect(e2.failure).toBe('TOO_LARGE');
    // Under the cap, a compressed answer is read whole.
    expect((await new HttpPageFetcher(fast).get(`${server.origin}/p`)).body).toBe(big);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
