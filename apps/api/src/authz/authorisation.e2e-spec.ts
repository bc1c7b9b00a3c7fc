import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Client } from 'pg';
import { PasswordService } from '@skillpath/auth';
import { loadDemoRegion } from '@skillpath/demo-region';
import type { Role } from '@skillpath/persistence';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import { operationAccess, OperationAccess } from './operation-access';
import { requestFor } from './request-builder';

const ROLES: Role[] = ['LEARNER', 'EMPLOYER', 'PROVIDER', 'PARTNER', 'ADMIN'];

/** What the product promises; the declared rules must say the same for these operations. */
const EXPECTED: Record<string, 'public' | Role[]> = {
  register: 'public',
  login: 'public',
  refreshToken: 'public',
  me: 'public',
  skills: 'public',
  occupations: 'public',
  opportunities: 'public',
  opportunity: 'public',
  learnerProfile: ['LEARNER'],
  updateLearnerProfile: ['LEARNER'],
  setSkills: ['LEARNER'],
  setGoal: ['LEARNER'],
  selfCheckQuestions: ['LEARNER'],
  submitSelfCheck: ['LEARNER'],
  matches: ['LEARNER'],
  reachableRoles: ['LEARNER'],
  planRoadmap: ['LEARNER'],
  myRoadmap: ['LEARNER'],
  roadmapHistory: ['LEARNER'],
  updateRoadmapStep: ['LEARNER'],
  exportMyData: ['LEARNER'],
  runMaintenance: ['ADMIN'],
  maintenanceRuns: ['ADMIN'],
};

describe('authorisation', () => {
  let stack: TestStack;
  const tokens = new Map<Role, string>();
  let ops: OperationAccess[];

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    const pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    const hash = await new PasswordService().hash('role password 123');
    for (const role of ROLES) {
      await pg.query(`INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, $2, $3, $4)`, [
        `${role.toLowerCase()}@example.org`,
        hash,
        role,
        role,
      ]);
      const r = await stack.gql.ok<{ login: { accessToken: string } }>(
        `mutation { login(email: "${role.toLowerCase()}@example.org", password: "role password 123") { accessToken } }`,
      );
      tokens.set(role, r.login.accessToken);
    }
    await pg.end();
    ops = operationAccess(stack.api);
  }, 60000);

  afterAll(() => stack?.close());

  it('every Query and Mutation in the schema declares who may call it', () => {
    const schema = stack.api.get(GraphQLSchemaHost).schema;
    const inSchema = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((n) => `Query.${n}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((n) => `Mutation.${n}`),
    ].sort();
    expect(ops.map((o) => `${o.type}.${o.name}`).sort()).toEqual(inSchema);
    const undeclared = ops.filter((o) => !o.rule).map((o) => o.handler);
    expect(undeclared).toEqual([]);
  });

  it('declares the rules the product promises for the core operations', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const op = ops.find((o) => o.name === name);
      expect({ name, rule: op?.rule }).toEqual({
        name,
        rule: expected === 'public' ? { kind: 'public' } : { kind: 'roles', roles: expected },
      });
    }
  });

  it('enforces every rule for every role and for anonymous callers', async () => {
    const schema = stack.api.get(GraphQLSchemaHost).schema;
    const failures: string[] = [];
    // Calls that would end the session or the account are checked for refusal only.
    const destructive = new Set(['deleteMyAccount']);
    // These answer UNAUTHENTICATED for wrong credentials: that is their job, not an access refusal.
    const authenticates = new Set(['login', 'refreshToken']);
    for (const op of ops) {
      const query = requestFor(schema, op.type, op.name);
      const callers: Array<[string, GraphQLTestClient]> = [
        ['anonymous', stack.gql.as(undefined)],
        ...ROLES.map((r): [string, GraphQLTestClient] => [r, stack.gql.as(tokens.get(r))]),
      ];
      for (const [who, client] of callers) {
        const allowed =
          op.rule?.kind === 'public' ||
          (who !== 'anonymous' && op.rule?.kind === 'roles' && op.rule.roles.includes(who as Role));
        if (allowed && destructive.has(op.name)) continue;
        const res = await client.request(query);
        const code = res.errors?.[0]?.extensions?.code;
        if (allowed && !authenticates.has(op.name) && (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN')) {
          failures.push(`${op.type}.${op.name} as ${who}: refused (${code}) but declared allowed`);
        }
        if (!allowed) {
          const want = who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          if (code !== want)
            failures.push(`${op.type}.${op.name} as ${who}: expected ${want}, got ${code ?? 'success'}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120000);

  it('keeps each learner to their own profile, roadmap and notifications', async () => {
    const register = async (email: string) => {
      const r = await stack.gql.ok<{ register: { accessToken: string } }>(
        `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
        { i: { email, password: 'learner password 1', displayName: email } },
      );
      return stack.gql.as(r.register.accessToken);
    };
    const alice = await register('alice@example.org');
    const bob = await register('bob@example.org');
    const occ = await alice.ok<{ occupations: Array<{ id: string }> }>(
      '{ occupations(search: "support", first: 1) { id } }',
    );
    await alice.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M1", travelRadiusKm: 20 }) { postcode } }`,
    );
    await alice.ok(`mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }`, {
      id: occ.occupations[0].id,
    });
    const plan = await alice.ok<{ planRoadmap: { steps: Array<{ id: string; status: string }> } }>(
      'mutation { planRoadmap { steps { id status } } }',
    );
    const aliceStep = plan.planRoadmap.steps[0].id;

    expect(await bob.ok('{ myRoadmap { id } }')).toEqual({ myRoadmap: null });
    expect(await bob.ok('{ roadmapHistory { id } }')).toEqual({ roadmapHistory: [] });
    expect(
      await bob.errorCode(`mutation($s: ID!) { updateRoadmapStep(stepId: $s, status: ENROLLED) { id } }`, {
        s: aliceStep,
      }),
    ).toBe('NOT_FOUND');
    const after = await alice.ok<{ myRoadmap: { steps: Array<{ id: string; status: string }> } }>(
      '{ myRoadmap { steps { id status } } }',
    );
    expect(after.myRoadmap.steps.find((s) => s.id === aliceStep)?.status).toBe('PLANNED');
    const bobProfile = await bob.ok<{ learnerProfile: { postcode: string | null; goal: unknown } }>(
      '{ learnerProfile { postcode goal { occupation { id } } } }',
    );
    expect(bobProfile.learnerProfile).toEqual({ postcode: null, goal: null });
  });
});
