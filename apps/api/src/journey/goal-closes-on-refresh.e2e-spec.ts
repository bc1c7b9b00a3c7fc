import { Client } from 'pg';
import { PasswordService } from '@skillpath/auth';
import { loadDemoRegion } from '@skillpath/demo-region';
import { startFeedServer, type FeedServer } from '@skillpath/connectors/testing';
import { eventually, GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, type TestStack } from '../testing/test-stack';

interface Roadmap {
  version: number;
  trigger: string;
  reason: string;
  goal: {
    occupation: { title: string } | null;
    opportunity: { id: string; title: string; status: string } | null;
  };
  steps: Array<{ kind: string; why: string; opportunity: { id: string; title: string } }>;
}
const KEY_ENV = 'SKILLPATH_SOURCE_KEY_GOAL_CLOSES_TEST';
const ROADMAP = `version trigger reason goal { occupation { title } opportunity { id title status } }
  steps { kind why opportunity { id title } }`;

/**
 * A resident aims at an apprenticeship that came from a feed. The feed drops it; the next real refresh
 * (feed server → queue → worker → catalogue) expires it, and within a minute the resident's roadmap is
 * re-planned towards the most similar open listing and they are told what happened and what changed.
 */
describe('a goal listing that a feed refresh expires', () => {
  let stack: TestStack;
  let feed: FeedServer;
  let admin: GraphQLTestClient;
  let learner: GraphQLTestClient;
  let pg: Client;
  let sourceId: string;

  const refresh = async (): Promise<number> => {
    const before = await admin.ok<{ sourceRuns: Array<{ id: string }> }>(
      `query($id: ID!) { sourceRuns(sourceId: $id, first: 50) { id } }`,
      { id: sourceId },
    );
    await admin.ok(`mutation($id: ID!) { refreshSource(id: $id) { jobId } }`, { id: sourceId });
    await eventually(
      async () => {
        const r = await admin.ok<{ sourceRuns: Array<{ status: string; error: string | null }> }>(
          `query($id: ID!) { sourceRuns(sourceId: $id, first: 50) { status error } }`,
          { id: sourceId },
        );
        if (r.sourceRuns.length > before.sourceRuns.length && r.sourceRuns[0].status === 'FAILED')
          throw new Error(`the refresh failed: ${r.sourceRuns[0].error}`);
        return r.sourceRuns.length > before.sourceRuns.length && r.sourceRuns[0].status === 'SUCCEEDED'
          ? true
          : undefined;
      },
      60_000,
      'refresh run',
    );
    return Date.now();
  };

  beforeAll(async () => {
    feed = await startFeedServer({ totalVacancies: 30, seed: 5, vanishFraction: 0.3 });
    // The worker reads a source's key from the environment variable the source names (its process
    // inherits this one's environment, so set it before the stack starts).
    process.env[KEY_ENV] = feed.subscriptionKey!;
    stack = await startTestStack({ worker: true, seed: loadDemoRegion });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    await pg.query(
      `INSERT INTO users (email, password_hash, display_name, role) VALUES ('ops@example.org', $1, 'Ops', 'ADMIN')`,
      [await new PasswordService().hash('admin password 1')],
    );
    admin = stack.gql.as(
      (
        await stack.gql.ok<{ login: { accessToken: string } }>(
          `mutation { login(email: "ops@example.org", password: "admin password 1") { accessToken } }`,
        )
      ).login.accessToken,
    );
    sourceId = (
      await admin.ok<{ createSource: { id: string } }>(
        `mutation($i: CreateSourceInput!) { createSource(input: $i) { id } }`,
        {
          i: {
            name: 'apprenticeships',
            format: 'find-an-apprenticeship',
            url: feed.baseUrl,
            credentialsEnv: KEY_ENV,
            pageSize: 10,
            rateLimitPerSecond: 100,
          },
        },
      )
    ).createSource.id;
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
      { i: { email: 'ade@example.org', password: 'learner password 1', displayName: 'Ade' } },
    );
    learner = stack.gql.as(r.register.accessToken);
  }, 120_000);

  afterAll(async () => {
    delete process.env[KEY_ENV];
    await pg?.end();
    await feed?.close();
    await stack?.close();
  });

  it('re-plans towards the most similar open listing and tells the resident, within a minute', async () => {
    await refresh();
    const v1Feed = feed.describeVersion(1);
    // The goal: an apprenticeship from the feed that version 1 of the feed no longer lists.
    const { rows } = await pg.query<{ id: string; title: string; organisation_name: string }>(
      `SELECT o.id, o.title, o.organisation_name FROM opportunities o
        WHERE o.source_id = $1 AND o.source_ref = ANY($2::text[]) AND o.status = 'ACTIVE'
          AND EXISTS (SELECT 1 FROM opportunity_skills os WHERE os.opportunity_id = o.id)
        ORDER BY o.source_ref LIMIT 1`,
      [sourceId, v1Feed.vanishedRefs],
    );
    expect(rows).toHaveLength(1);
    const goal = rows[0];

    await learner.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M1", travelRadiusKm: 30, hoursPerWeek: 10 }) { postcode } }`,
    );
    await learner.ok(`mutation($id: ID!) { setGoal(input: { opportunityId: $id }) { postcode } }`, {
      id: goal.id,
    });
    const v1 = (await learner.ok<{ planRoadmap: Roadmap }>(`mutation { planRoadmap { ${ROADMAP} } }`))
      .planRoadmap;
    expect(v1.goal.opportunity?.id).toBe(goal.id);
    // However far the resident is, the roadmap ends in applying to the goal.
    const applyToGoal = v1.steps.find((s) => s.kind === 'APPLY' && s.opportunity.id === goal.id);
    expect(applyToGoal?.why).toMatch(/Applications close on \d+ \w+ 2026/);

    feed.setVersion(1);
    const refreshed = await refresh();
    const { rows: status } = await pg.query<{ status: string }>(
      'SELECT status FROM opportunities WHERE id = $1',
      [goal.id],
    );
    expect(status[0].status).toBe('EXPIRED');

    const v2 = await eventually(
      async () => {
        const r = await learner.ok<{ myRoadmap: Roadmap }>(`{ myRoadmap { ${ROADMAP} } }`);
        return r.myRoadmap.version > v1.version ? r.myRoadmap : undefined;
      },
      60_000,
      'the roadmap re-planned after the refresh',
    );
    expect(Date.now() - refreshed).toBeLessThan(60_000);
    expect(v2.trigger).toBe('GOAL_CLOSED');
    expect(v2.reason).toContain(`${goal.title} at ${goal.organisation_name} has closed, so your goal is now`);
    // The new goal is an open listing from the feed, and the plan ends in applying to it.
    const next = v2.goal.opportunity!;
    expect(next).not.toBeNull();
    expect(next.id).not.toBe(goal.id);
    expect(next.status).toBe('ACTIVE');
    expect(v2.reason).toContain(next.title);
    expect(v2.steps.some((s) => s.kind === 'APPLY' && s.opportunity.id === next.id)).toBe(true);
    expect(v2.steps.map((s) => s.opportunity.id)).not.toContain(goal.id);

    const notes = await learner.ok<{ notifications: Array<{ kind: string; title: string; body: string }> }>(
      '{ notifications(unreadOnly: true) { kind title body } }',
    );
    const told = notes.notifications.find((n) => n.kind === 'GOAL_CLOSED');
    expect(told?.title).toBe('The job you were aiming for has closed');
    expect(told?.body).toContain(goal.title);
    expect(told?.body).toContain(next.title);
    expect(told?.body).toContain(`No longer in your plan: ${goal.title}`);
  }, 240_000);
});
