import { Client } from 'pg';
import { eventually, GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

jest.setTimeout(60_000);

const SUGGEST = `query($t: String!) { suggestSkills(text: $t) { level because skill { id label } } }`;

async function seedSkills(databaseUrl: string): Promise<void> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  await pg.query(`INSERT INTO skills (label) SELECT unnest($1::text[])`, [
    ['manage budgets', 'Numeracy', 'Social media management', 'Leadership', 'personal care', 'Python'],
  ]);
  await pg.end();
}

/** Row count of every table: a query that stores nothing leaves all of them as they were. */
async function tableCounts(pg: Client): Promise<Record<string, number>> {
  const { rows } = await pg.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const r = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
    counts[table_name] = r.rows[0].n;
  }
  return counts;
}

describe('suggestSkills: a resident describes what they do in their own words', () => {
  let stack: TestStack;
  let pg: Client;
  let resident: GraphQLTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ seed: seedSkills });
    // On a loaded machine a just-started API may shed requests (RATE_LIMITED) until its event loop
    // settles: wait for that, as a client honouring Retry-After would.
    await eventually(
      async () => ((await stack.gql.request('{ __typename }')).errors ? undefined : true),
      30_000,
      'the API to accept requests',
    );
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
      { i: { email: 'sam@example.org', password: 'learner password 1', displayName: 'Sam' } },
    );
    resident = stack.gql.as(r.register.accessToken);
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.close();
  });

  it('suggests skills with levels and plain labels, and stores nothing', async () => {
    const before = await tableCounts(pg);
    const { suggestSkills } = await resident.ok<{
      suggestSkills: Array<{ level: number; because: string; skill: { id: string; label: string } }>;
    }>(SUGGEST, { t: "I look after my mum's money, I ran the football club's Facebook page" });
    const byLabel = new Map(suggestSkills.map((s) => [s.skill.label, s]));
    expect(byLabel.get('manage budgets')).toEqual(
      expect.objectContaining({ because: "I look after my mum's money" }),
    );
    expect(byLabel.get('Social media management')?.level).toBe(3);
    expect(byLabel.has('Leadership')).toBe(true);
    expect(byLabel.has('personal care')).toBe(false);
    for (const s of suggestSkills) expect([1, 2, 3]).toContain(s.level);
    expect(await tableCounts(pg)).toEqual(before);
    const { rows } = await pg.query(`SELECT 1 FROM learner_skills`);
    expect(rows).toHaveLength(0);
  });

  it('refuses empty and overlong text with BAD_USER_INPUT and a message a person can act on', async () => {
    for (const t of ['', '   \n ']) {
      const r = await resident.request(SUGGEST, { t });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/Describe something you do/);
    }
    const long = await resident.request(SUGGEST, { t: 'I cook. '.repeat(700) });
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0].message).toMatch(/at most 5000/);
  });

  it('refuses a 10 MB text at the edge, and keeps answering', async () => {
    const res = await fetch(`${stack.gql.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${resident.token}` },
      body: JSON.stringify({ query: SUGGEST, variables: { t: 'x'.repeat(10 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/too large/i);
    const again = await resident.ok<{ suggestSkills: unknown[] }>(SUGGEST, { t: 'I write Python' });
    expect(again.suggestSkills).toHaveLength(1);
  });

  it('is for residents only', async () => {
    expect(await stack.gql.errorCode(SUGGEST, { t: 'I cook' })).toBe('UNAUTHENTICATED');
  });
});
