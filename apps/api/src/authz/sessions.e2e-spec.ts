import type { INestApplication } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import {
  createTestDatabase,
  flushRedisPrefix,
  GraphQLTestClient,
  queryRows,
  randomRedisPrefix,
  testConfig,
  TestDatabase,
} from '@skillpath/testing';
import { createApiApp } from '../bootstrap';

const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { accessToken refreshToken user { id } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;

/** Server-side logout, an absolute session lifetime, the refresh cookie, and tabs refreshing together. */
describe('sessions', () => {
  let db: TestDatabase;
  let prefix: string;
  let api: INestApplication;
  let gql: GraphQLTestClient;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = randomRedisPrefix();
    api = await createApiApp(
      testConfig(db.url, prefix, {
        SESSION_MAX_DAYS: '30',
        REFRESH_REUSE_GRACE_SECONDS: '20',
        API_MAX_EVENT_LOOP_DELAY_MS: '60000',
      }),
    );
    await api.listen(0, '127.0.0.1');
    baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    gql = new GraphQLTestClient(baseUrl);
  });

  afterAll(async () => {
    await api?.close();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  let n = 0;
  async function newAccount() {
    const email = `s${++n}@example.org`;
    const r = await gql.ok<{ register: { refreshToken: string; user: { id: string } } }>(REGISTER, {
      i: { email, password: 'a long password', displayName: 'S' },
    });
    return { email, refreshToken: r.register.refreshToken, userId: r.register.user.id };
  }
  const rotate = async (t: string) =>
    (await gql.ok<{ refreshToken: { refreshToken: string } }>(REFRESH, { t })).refreshToken.refreshToken;

  it('logout ends the session on the server: no token of its family refreshes any more', async () => {
    const a = await newAccount();
    const second = await rotate(a.refreshToken);
    // Another session of the same person (another device) is not touched.
    const other = (
      await gql.ok<{ login: { refreshToken: string } }>(LOGIN, { e: a.email, p: 'a long password' })
    ).login.refreshToken;
    expect((await gql.ok<{ logout: boolean }>(LOGOUT, { t: second })).logout).toBe(true);
    expect(await gql.errorCode(REFRESH, { t: second })).toBe('UNAUTHENTICATED');
    expect(await gql.errorCode(REFRESH, { t: a.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await rotate(other)).toEqual(expect.any(String));
    expect((await gql.ok<{ logout: boolean }>(LOGOUT, { t: 'not-a-token' })).logout).toBe(false);
  });

  it('ends a session SESSION_MAX_DAYS after its login, however often it was rotated', async () => {
    const a = await newAccount();
    const [{ session_expires_at: start }] = await queryRows<{ session_expires_at: Date }>(
      db.url,
      'SELECT session_expires_at FROM refresh_tokens WHERE user_id = $1',
      [a.userId],
    );
    expect(start.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(start.getTime() - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    let token = a.refreshToken;
    for (let i = 0; i < 3; i++) token = await rotate(token);
    const rows = await queryRows<{ session_expires_at: Date; expires_at: Date }>(
      db.url,
      'SELECT session_expires_at, expires_at FROM refresh_tokens WHERE user_id = $1',
      [a.userId],
    );
    // Rotation carries the login's deadline; no token outlives it.
    for (const r of rows) {
      expect(r.session_expires_at.getTime()).toBe(start.getTime());
      expect(r.expires_at.getTime()).toBeLessThanOrEqual(start.getTime());
    }
    // 30 days later (the clock moved by editing the deadline): the live token no longer refreshes.
    await queryRows(
      db.url,
      `UPDATE refresh_tokens SET session_expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [a.userId],
    );
    const r = await gql.request(REFRESH, { t: token });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/at most 30 days/);
  });

  it('lets two tabs refresh with the same token at once, but treats a late reuse as theft', async () => {
    const a = await newAccount();
    // Two tabs opened together send the same cookie: both stay signed in.
    const [t1, t2] = await Promise.all([rotate(a.refreshToken), rotate(a.refreshToken)]);
    expect(t1).not.toBe(t2);
    expect(await rotate(t1)).toEqual(expect.any(String));
    expect(await rotate(t2)).toEqual(expect.any(String));
    // The same token presented long after its use: the session is ended.
    await queryRows(
      db.url,
      `UPDATE refresh_tokens SET used_at = now() - interval '1 minute' WHERE user_id = $1`,
      [a.userId],
    );
    expect(await gql.errorCode(REFRESH, { t: a.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await gql.errorCode(REFRESH, { t: t1 })).toBe('UNAUTHENTICATED');
  });

  describe('the web app’s refresh cookie', () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${baseUrl}${path}`, { method: 'POST', headers });
    const cookieOf = (res: Response) =>
      res.headers.getSetCookie().find((c) => c.startsWith('skillpath_refresh='));
    const tokenIn = (setCookie: string | undefined) =>
      /^skillpath_refresh=([^;]*)/.exec(setCookie ?? '')?.[1];

    async function cookieLogin() {
      const a = await newAccount();
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-skillpath-session': 'cookie',
        },
        body: JSON.stringify({ query: LOGIN, variables: { e: a.email, p: 'a long password' } }),
      });
      const body = (await res.json()) as { data: { login: { accessToken: string; refreshToken: string } } };
      return { body, setCookie: cookieOf(res) };
    }

    it('is set HttpOnly, SameSite=Strict on /auth, and the body carries no refresh token', async () => {
      const { body, setCookie } = await cookieLogin();
      expect(body.data.login.accessToken).toEqual(expect.any(String));
      expect(body.data.login.refreshToken).toBe('');
      expect(setCookie).toMatch(/; Path=\/auth(;|$)/);
      expect(setCookie).toMatch(/; HttpOnly(;|$)/);
      expect(setCookie).toMatch(/; SameSite=Strict(;|$)/);
      // Plain http on this machine (development, tests): a browser would drop a Secure cookie.
      expect(setCookie).not.toMatch(/Secure/);
      expect(tokenIn(setCookie)!.length).toBeGreaterThan(20);
    });

    it('is Secure when served under any other name', async () => {
      const a = await newAccount();
      const body = JSON.stringify({ query: LOGIN, variables: { e: a.email, p: 'a long password' } });
      const url = new URL(`${baseUrl}/graphql`);
      // fetch will not send another Host header; a plain request will.
      const setCookie = await new Promise<string | undefined>((resolve, reject) => {
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: '/graphql',
            method: 'POST',
            headers: {
              host: 'skillpath.example.org',
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-skillpath-session': 'cookie',
            },
          },
          (res) => {
            res.resume();
            resolve((res.headers['set-cookie'] ?? []).find((c) => c.startsWith('skillpath_refresh=')));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(setCookie).toMatch(/; Secure(;|$)/);
    });

    it('refreshes at POST /auth/refresh (with the CSRF header only), and POST /auth/logout ends it', async () => {
      const { setCookie } = await cookieLogin();
      const cookie = `skillpath_refresh=${tokenIn(setCookie)}`;
      expect((await post('/auth/refresh', { cookie })).status).toBe(403);
      expect((await post('/auth/refresh', { 'x-skillpath-csrf': '1' })).status).toBe(401);
      const refreshed = await post('/auth/refresh', { cookie, 'x-skillpath-csrf': '1' });
      expect(refreshed.status).toBe(200);
      const body = (await refreshed.json()) as {
        data: { refreshToken: { accessToken: string; refreshToken: string; user: { email: string } } };
      };
      expect(body.data.refreshToken.refreshToken).toBe('');
      const me = await gql
        .as(body.data.refreshToken.accessToken)
        .ok<{ me: { email: string } }>('{ me { email } }');
      expect(me.me.email).toBe(body.data.refreshToken.user.email);
      const next = `skillpath_refresh=${tokenIn(cookieOf(refreshed))}`;
      expect(next).not.toBe(cookie);

      const out = await post('/auth/logout', { cookie: next, 'x-skillpath-csrf': '1' });
      expect(out.status).toBe(200);
      expect(await out.json()).toEqual({ data: { logout: true } });
      expect(cookieOf(out)).toMatch(/^skillpath_refresh=; .*Max-Age=0/);
      expect((await post('/auth/refresh', { cookie: next, 'x-skillpath-csrf': '1' })).status).toBe(401);
    });
  });
});
