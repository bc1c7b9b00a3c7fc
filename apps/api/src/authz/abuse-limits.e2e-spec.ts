import type { INestApplication } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { AuthService } from '@skillpath/auth';
import {
  createTestDatabase,
  flushRedisPrefix,
  GqlResponse,
  queryRows,
  randomRedisPrefix,
  testConfig,
  TestDatabase,
} from '@skillpath/testing';
import { createApiApp } from '../bootstrap';

/**
 * Replays the audit's abuse: 25 accounts registered by one request through aliases, 100 roadmaps
 * planned by another, and five wrong passwords locking anyone (admins included) out of their account.
 * Limits at their production values (RATE_LIMIT_FACTOR 1).
 */
describe('abuse limits (attack replays)', () => {
  let db: TestDatabase;
  let prefix: string;
  let api: INestApplication;
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = randomRedisPrefix();
    api = await createApiApp(
      testConfig(db.url, prefix, { RATE_LIMIT_FACTOR: '1', API_MAX_EVENT_LOOP_DELAY_MS: '60000' }),
    );
    await api.listen(0, '127.0.0.1');
    port = Number(new URL(await api.getUrl()).port);
    await api.get(AuthService).createUser({
      email: 'admin@example.org',
      password: 'the admin password',
      displayName: 'Admin',
      role: 'ADMIN',
    });
  });

  afterAll(async () => {
    await api?.close();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  /** POST /graphql from a given local address (127.0.0.x), as a different client machine would. */
  function gql<T = Record<string, unknown>>(
    from: string,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GqlResponse<T>> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          localAddress: from,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as GqlResponse<T>));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  const code = (r: GqlResponse) => r.errors?.[0]?.extensions?.code ?? 'OK';
  const accounts = async () =>
    Number((await queryRows<{ n: string }>(db.url, 'SELECT count(*) AS n FROM users'))[0].n);

  it('refuses 25 register aliases in one request, creating no account', async () => {
    const before = await accounts();
    const aliases = Array.from(
      { length: 25 },
      (_, i) =>
        `a${i}: register(input: { email: "sock${i}@example.org", password: "a long password", displayName: "S" }) { accessToken }`,
    ).join('\n');
    const r = await gql('127.0.0.1', `mutation { ${aliases} }`);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/25 root fields .*the limit is 10/);
    expect(r.data ?? null).toBeNull();
    expect(await accounts()).toBe(before);
  });

  it('counts aliases through fragments too, and allows ten root fields', async () => {
    const fields = (n: number) =>
      Array.from({ length: n }, (_, i) => `s${i}: skills(search: "x", first: 1) { id }`);
    expect(code(await gql('127.0.0.1', `{ ${fields(10).join(' ')} }`))).toBe('OK');
    const viaFragment = `query { ...A ...B } fragment A on Query { ${fields(6).join(' ')} } fragment B on Query { ${fields(
      5,
    )
      .map((f) => f.replace(/^s/, 't'))
      .join(' ')} }`;
    expect(code(await gql('127.0.0.1', viaFragment))).toBe('BAD_USER_INPUT');
  });

  it('refuses 100 planRoadmap aliases in one request', async () => {
    const reg = await gql<{ register: { accessToken: string } }>(
      '127.0.0.9',
      'mutation { register(input: { email: "planner@example.org", password: "a long password", displayName: "P" }) { accessToken } }',
    );
    const token = reg.data!.register.accessToken;
    const aliases = Array.from({ length: 100 }, (_, i) => `p${i}: planRoadmap { id }`).join(' ');
    const r = await gql('127.0.0.9', `mutation { ${aliases} }`, {}, token);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/100 root fields/);
  });

  it('rate-limits planRoadmap per account, with a retry hint', async () => {
    const reg = await gql<{ register: { accessToken: string } }>(
      '127.0.0.8',
      'mutation { register(input: { email: "busy@example.org", password: "a long password", displayName: "B" }) { accessToken } }',
    );
    const token = reg.data!.register.accessToken;
    // One request each, from ever-changing addresses: the account's budget (20 per 10 minutes) holds.
    // The budget counts calls, before the planner runs (this learner has no goal yet, so each call that
    // gets through answers BAD_USER_INPUT).
    const codes: string[] = [];
    let limited: GqlResponse | undefined;
    for (let i = 0; i < 22; i++) {
      const r = await gql(`127.0.1.${i + 1}`, 'mutation { planRoadmap { id } }', {}, token);
      codes.push(code(r));
      if (code(r) === 'RATE_LIMITED') limited = r;
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill('BAD_USER_INPUT'));
    expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(limited!.errors?.[0].message).toMatch(
      /Too many planRoadmap requests\. Try again in \d+ seconds?\./,
    );
    expect(limited!.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('rate-limits suggestSkills per account: the encoder is not a free service', async () => {
    const reg = await gql<{ register: { accessToken: string } }>(
      '127.0.0.9',
      'mutation { register(input: { email: "wordy@example.org", password: "a long password", displayName: "W" }) { accessToken } }',
    );
    const token = reg.data!.register.accessToken;
    // An empty text is refused as bad input after the budget is counted, so no encoder runs here.
    const codes: string[] = [];
    for (let i = 0; i < 62; i++)
      codes.push(code(await gql(`127.0.2.${i + 1}`, '{ suggestSkills(text: "") { level } }', {}, token)));
    expect(codes.slice(0, 60)).toEqual(Array(60).fill('BAD_USER_INPUT'));
    expect(codes.slice(60)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('rate-limits register per address', async () => {
    const results: string[] = [];
    for (let i = 0; i < 22; i++)
      results.push(
        code(
          await gql(
            '127.0.0.7',
            `mutation { register(input: { email: "bulk${i}@example.org", password: "a long password", displayName: "B" }) { accessToken } }`,
          ),
        ),
      );
    expect(results.slice(0, 20)).toEqual(Array(20).fill('OK'));
    expect(results.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Another address is not affected.
    expect(
      code(
        await gql(
          '127.0.0.6',
          'mutation { register(input: { email: "elsewhere@example.org", password: "a long password", displayName: "E" }) { accessToken } }',
        ),
      ),
    ).toBe('OK');
  });

  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

  it('does not lock the admin out when someone else types wrong passwords', async () => {
    // The attacker: ten wrong passwords from one address (five used to block the account for everyone).
    const attacker: string[] = [];
    for (let i = 0; i < 10; i++)
      attacker.push(code(await gql('127.0.0.1', LOGIN, { e: 'admin@example.org', p: `guess ${i}` })));
    expect(attacker.slice(0, 3)).toEqual(Array(3).fill('UNAUTHENTICATED'));
    expect(attacker.slice(3)).toEqual(Array(7).fill('RATE_LIMITED'));
    // The owner, from their own address, gets straight in.
    expect(code(await gql('127.0.0.2', LOGIN, { e: 'admin@example.org', p: 'the admin password' }))).toBe(
      'OK',
    );
  });

  it('spreads out a botnet with capped delays, which never apply where the owner has signed in', async () => {
    // Seven failures from seven addresses, plus the attacker's three above: ten, so the account's shared delay starts.
    for (let i = 0; i < 7; i++)
      expect(code(await gql(`127.0.2.${i + 1}`, LOGIN, { e: 'admin@example.org', p: `bot ${i}` }))).toBe(
        'UNAUTHENTICATED',
      );
    const fresh = await gql('127.0.3.1', LOGIN, { e: 'admin@example.org', p: 'bot guess' });
    expect(code(fresh)).toBe('RATE_LIMITED');
    expect(fresh.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(15);
    // The owner's usual address is exempt from the shared delay.
    expect(code(await gql('127.0.0.2', LOGIN, { e: 'admin@example.org', p: 'the admin password' }))).toBe(
      'OK',
    );
  });
});
