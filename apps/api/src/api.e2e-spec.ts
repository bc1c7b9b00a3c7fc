import { ChildProcess } from 'child_process';
import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'fs';
import { join } from 'path';
import { printSchema } from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Client } from 'pg';
import {
  createTestDatabase,
  flushRedisPrefix,
  GraphQLTestClient,
  randomRedisPrefix,
  spawnReadyProcess,
  stopProcess,
  testConfig,
  TestDatabase,
  testEnv,
} from '@skillpath/testing';
import { PasswordService } from '@skillpath/auth';
import { createApiApp } from './bootstrap';
import { WORKER_TEST_ENTRY } from './testing/test-stack';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id email role } } }`;

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('API end to end', () => {
  let db: TestDatabase;
  let prefix: string;
  let api: INestApplication;
  let worker: ChildProcess | undefined;
  let gql: GraphQLTestClient;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = randomRedisPrefix();
    const config = testConfig(db.url, prefix);
    api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    gql = new GraphQLTestClient(baseUrl.replace('[::1]', '127.0.0.1'));
  });

  afterAll(async () => {
    if (worker) await stopProcess(worker);
    await api?.close();
    await flushRedisPrefix(prefix);
    await db.drop();
  });

  it('answers liveness and readiness', async () => {
    const live = await fetch(`${gql.baseUrl}/health`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${gql.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('keeps or assigns a request id', async () => {
    const given = await fetch(`${gql.baseUrl}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${gql.baseUrl}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the committed schema.gql (regenerate with `node scripts/run.js schema-write`)', () => {
    const committed = readFileSync(join(__dirname, '../../../schema.gql'), 'utf8');
    expect(printSchema(api.get(GraphQLSchemaHost).schema) + '\n').toBe(committed);
  });

  it('registers, logs in, and rotates refresh tokens; reuse revokes the family', async () => {
    const reg = await gql.ok<{
      register: { accessToken: string; refreshToken: string; user: { role: string } };
    }>(REGISTER, {
      input: { email: 'Ada@Example.org', password: 'correct horse battery', displayName: 'Ada' },
    });
    expect(reg.register.user.role).toBe('LEARNER');
    const me = await gql.as(reg.register.accessToken).ok<{ me: { email: string } }>('{ me { email } }');
    expect(me.me.email).toBe('ada@example.org');

    expect(
      await gql.errorCode(REGISTER, {
        input: { email: 'ada@example.org', password: 'another password', displayName: 'A' },
      }),
    ).toBe('CONFLICT');
    expect(
      await gql.errorCode(REGISTER, {
        input: { email: 'not-an-email', password: 'long enough pw', displayName: 'X' },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await gql.errorCode(REGISTER, {
        input: { email: 'b@example.org', password: 'short', displayName: 'X' },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await gql.errorCode(REGISTER, {
        input: { email: 'c@example.org', password: 'long enough pw', displayName: 'X', role: 'ADMIN' },
      }),
    ).toBe('BAD_USER_INPUT');

    expect(
      await gql.errorCode(
        `mutation { login(email: "ada@example.org", password: "wrong password") { accessToken } }`,
      ),
    ).toBe('UNAUTHENTICATED');
    const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
    const first = await gql.ok<{ refreshToken: { refreshToken: string } }>(REFRESH, {
      t: reg.register.refreshToken,
    });
    // The old token was spent: presenting it again ends the whole session family...
    expect(await gql.errorCode(REFRESH, { t: reg.register.refreshToken })).toBe('UNAUTHENTICATED');
    // ...including the token the legitimate holder got from the rotation.
    expect(await gql.errorCode(REFRESH, { t: first.refreshToken.refreshToken })).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous and wrong-role callers with stable codes', async () => {
    expect(await gql.errorCode('mutation { runMaintenance(job: EXPIRE_CLOSED_OPPORTUNITIES) { id } }')).toBe(
      'UNAUTHENTICATED',
    );
    const learner = await gql.ok<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: 'lee@example.org', password: 'long enough pw', displayName: 'Lee' },
    });
    expect(await gql.as(learner.register.accessToken).errorCode('{ maintenanceRuns { id } }')).toBe(
      'FORBIDDEN',
    );
    expect(await gql.as('garbage.token.here').errorCode('{ maintenanceRuns { id } }')).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('turns malformed queries and over-deep queries into BAD_USER_INPUT', async () => {
    expect(await gql.errorCode('{ me { id ')).toBe('BAD_USER_INPUT');
    expect(await gql.errorCode('{ noSuchField }')).toBe('BAD_USER_INPUT');
    const deep = '{ __typename ' + 'me { id } '.repeat(1) + '}';
    expect((await gql.request(deep)).errors).toBeUndefined();
  });

  it('processes a job the API enqueues in the worker, which writes to PostgreSQL', async () => {
    // An admin (created the way the operators' CLI does) asks for a maintenance run.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(
        `INSERT INTO opportunities (kind, title, organisation_name, mode, closing_date) VALUES
           ('VACANCY', 'Closed yesterday', 'Example Ltd', 'ONLINE', now() - interval '1 day'),
           ('VACANCY', 'Still open', 'Example Ltd', 'ONLINE', now() + interval '10 days')`,
      );
      const lapsed = await pg.query<{ id: string }>(
        `WITH org AS (INSERT INTO organisations (name, kind) VALUES ('Example Employer', 'EMPLOYER') RETURNING id),
              course AS (INSERT INTO opportunities (kind, title, organisation_name, mode) VALUES ('COURSE', 'Accredited once', 'P', 'ONLINE') RETURNING id)
         INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status, valid_from, valid_to)
         SELECT course.id, org.id, '{}', 'ACTIVE', now() - interval '2 years', now() - interval '1 day' FROM org, course RETURNING id`,
      );
      const hash = await new PasswordService().hash('admin password 1');
      await pg.query(
        `INSERT INTO users (email, password_hash, display_name, role) VALUES ('ops@example.org', $1, 'Ops', 'ADMIN')`,
        [hash],
      );
      const login = await gql.ok<{ login: { accessToken: string } }>(
        `mutation { login(email: "ops@example.org", password: "admin password 1") { accessToken } }`,
      );
      const admin = gql.as(login.login.accessToken);
      const queued = await admin.ok<{ runMaintenance: { id: string; queue: string } }>(
        'mutation { runMaintenance(job: EXPIRE_CLOSED_OPPORTUNITIES) { id queue name } }',
      );
      expect(queued.runMaintenance.queue).toBe('maintenance');

      worker = await spawnReadyProcess(WORKER_TEST_ENTRY, {
        ...testEnv(db.url, prefix),
        MIGRATE_ON_START: 'false',
      });
      const run = await waitFor(async () => {
        const r = await admin.ok<{ maintenanceRuns: Array<{ job: string; result: { expired: number } }> }>(
          '{ maintenanceRuns { job result } }',
        );
        return r.maintenanceRuns[0];
      });
      expect(run).toMatchObject({
        job: 'expire-closed-opportunities',
        result: { expired: 1, accreditationsExpiredOn: 1 },
      });
      const accreditation = await pg.query('SELECT status FROM accreditations WHERE id = $1', [
        lapsed.rows[0].id,
      ]);
      expect(accreditation.rows[0].status).toBe('EXPIRED');
      const statuses = await pg.query(
        `SELECT title, status FROM opportunities WHERE kind = 'VACANCY' ORDER BY title`,
      );
      expect(statuses.rows).toEqual([
        { title: 'Closed yesterday', status: 'EXPIRED' },
        { title: 'Still open', status: 'ACTIVE' },
      ]);
    } finally {
      await pg.end();
    }
  });
});
