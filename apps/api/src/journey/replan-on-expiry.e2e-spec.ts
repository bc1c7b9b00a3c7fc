import { Client } from 'pg';
import { PasswordService } from '@skillpath/auth';
import { loadDemoRegion } from '@skillpath/demo-region';
import { eventually, GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

interface Step {
  id: string;
  kind: string;
  status: string;
  opportunity: { id: string; title: string };
}

describe('a listing in a roadmap expires', () => {
  let stack: TestStack;
  let learner: GraphQLTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ worker: true, seed: loadDemoRegion });
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
      {
        i: { email: 'kai@example.org', password: 'learner password 1', displayName: 'Kai' },
      },
    );
    learner = stack.gql.as(r.register.accessToken);
  }, 60000);

  afterAll(() => stack?.close());

  it('is re-planned by the worker through the real queues, and the learner is told why', async () => {
    const occ = await learner.ok<{ occupations: Array<{ id: string; title: string }> }>(
      '{ occupations(search: "data analyst", first: 1) { id title } }',
    );
    await learner.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M15", travelRadiusKm: 25, hoursPerWeek: 12 }) { postcode } }`,
    );
    await learner.ok(`mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }`, {
      id: occ.occupations[0].id,
    });
    const v1 = (
      await learner.ok<{ planRoadmap: { version: number; steps: Step[] } }>(
        'mutation { planRoadmap { version steps { id kind status opportunity { id title } } } }',
      )
    ).planRoadmap;
    const doomed = v1.steps.find((s) => s.kind === 'LEARN')!;
    expect(doomed).toBeDefined();

    // The provider closes the course: its closing date passes, and the daily expiry job runs.
    const pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    await pg.query(`UPDATE opportunities SET closing_date = now() - interval '1 hour' WHERE id = $1`, [
      doomed.opportunity.id,
    ]);
    const hash = await new PasswordService().hash('admin password 1');
    await pg.query(
      `INSERT INTO users (email, password_hash, display_name, role) VALUES ('ops@example.org', $1, 'Ops', 'ADMIN')`,
      [hash],
    );
    await pg.end();
    const admin = stack.gql.as(
      (
        await stack.gql.ok<{ login: { accessToken: string } }>(
          `mutation { login(email: "ops@example.org", password: "admin password 1") { accessToken } }`,
        )
      ).login.accessToken,
    );
    await admin.ok('mutation { runMaintenance(job: EXPIRE_CLOSED_OPPORTUNITIES) { id } }');

    const v2 = await eventually(
      async () => {
        const r = await learner.ok<{
          myRoadmap: {
            version: number;
            trigger: string;
            reason: string;
            changes: { removed: string[] };
            steps: Step[];
          };
        }>(
          '{ myRoadmap { version trigger reason changes { added removed } steps { id kind status opportunity { id title } } } }',
        );
        return r.myRoadmap.version > v1.version ? r.myRoadmap : undefined;
      },
      30000,
      're-planned roadmap',
    );
    expect(v2.trigger).toBe('LISTING_EXPIRED');
    expect(v2.reason).toContain(doomed.opportunity.title);
    expect(v2.steps.map((s) => s.opportunity.id)).not.toContain(doomed.opportunity.id);
    expect(v2.changes.removed).toContain(doomed.opportunity.title);

    const notes = await learner.ok<{ notifications: Array<{ body: string }> }>(
      '{ notifications(unreadOnly: true) { body } }',
    );
    expect(notes.notifications.some((n) => n.body.includes(doomed.opportunity.title))).toBe(true);

    // The API process's own index dropped the listing too (from the change message, without a restart).
    const matches = await learner.ok<{ matches: Array<{ opportunity: { id: string } }> }>(
      '{ matches(first: 100) { opportunity { id } } }',
    );
    expect(matches.matches.map((m) => m.opportunity.id)).not.toContain(doomed.opportunity.id);
  }, 90000);
});
