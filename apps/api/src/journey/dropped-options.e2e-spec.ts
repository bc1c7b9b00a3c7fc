import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, type TestStack } from '../testing/test-stack';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const STEPS = `{ myRoadmap { version summary steps { id kind status opportunity { id title } } } }`;
type Steps = {
  myRoadmap: {
    version: number;
    summary: string;
    steps: Array<{ id: string; kind: string; status: string; opportunity: { id: string; title: string } }>;
  };
};

/** Dropping a step is not a dead end: the course is listed as dropped and can be brought back (undo). */
describe('dropped options, through GraphQL', () => {
  let stack: TestStack;
  let me: GraphQLTestClient;
  let other: GraphQLTestClient;

  async function learner(email: string): Promise<GraphQLTestClient> {
    const reg = await stack.gql.ok<{ register: { accessToken: string } }>(REGISTER, {
      input: { email, password: 'a long enough password', displayName: 'Sam' },
    });
    return stack.gql.as(reg.register.accessToken);
  }

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    me = await learner('drop@example.org');
    other = await learner('other@example.org');
  }, 120_000);
  afterAll(() => stack?.close());

  it('lists a dropped course, brings it back once, and refuses anyone else', async () => {
    await me.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M4 6DE", travelRadiusKm: 15, hoursPerWeek: 10, budgetPence: 0,
         ageBand: AGE_24_49, employmentStatus: UNEMPLOYED }) { postcode } }`,
    );
    const roles = await me.ok<{ reachableRoles: Array<{ occupation: { id: string } }> }>(
      '{ reachableRoles(first: 10) { occupation { id } } }',
    );
    // A goal whose plan has a course to drop (some roles need no learning for this resident).
    let step: Steps['myRoadmap']['steps'][number] | undefined;
    for (const role of roles.reachableRoles) {
      await me.ok(
        `mutation($id: ID!) { setGoal(input: { occupationId: $id }) { goal { occupation { id } } } }`,
        {
          id: role.occupation.id,
        },
      );
      await me.ok('mutation { planRoadmap { version } }');
      const planned = await me.ok<Steps>(STEPS);
      step = planned.myRoadmap.steps.find((s) => s.kind === 'LEARN' && s.status === 'PLANNED');
      if (step) break;
    }
    expect(step).toBeDefined();
    const opportunityId = step!.opportunity.id;

    await me.ok(`mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: DROPPED) { version } }`, {
      id: step!.id,
    });
    const dropped = await me.ok<{ myDroppedOptions: Array<{ opportunityId: string; title: string }> }>(
      '{ myDroppedOptions { opportunityId title organisationName droppedAt } }',
    );
    expect(dropped.myDroppedOptions).toEqual([
      expect.objectContaining({ opportunityId, title: step!.opportunity.title }),
    ]);
    expect(await other.ok('{ myDroppedOptions { opportunityId } }')).toEqual({ myDroppedOptions: [] });

    // Someone else cannot bring it back on my roadmap; a non-id is simply not found.
    expect(
      await other.errorCode(`mutation($id: ID!) { restoreDroppedOption(opportunityId: $id) }`, {
        id: opportunityId,
      }),
    ).toBe('NOT_FOUND');
    expect(await me.errorCode(`mutation { restoreDroppedOption(opportunityId: "nope") }`)).toBe('NOT_FOUND');

    // Undo, before any re-plan: the step is planned again, and nothing is listed as dropped.
    await me.ok(`mutation($id: ID!) { restoreDroppedOption(opportunityId: $id) }`, { id: opportunityId });
    const after = await me.ok<Steps>(STEPS);
    expect(after.myRoadmap.steps.find((s) => s.id === step!.id)?.status).toBe('PLANNED');
    expect(await me.ok('{ myDroppedOptions { opportunityId } }')).toEqual({ myDroppedOptions: [] });
    expect(
      await me.errorCode(`mutation($id: ID!) { restoreDroppedOption(opportunityId: $id) }`, {
        id: opportunityId,
      }),
    ).toBe('NOT_FOUND');

    // And a fresh plan may offer it again.
    await me.ok('mutation { planRoadmap { version } }');
    expect((await me.ok<Steps>(STEPS)).myRoadmap.summary).not.toMatch(/These 0 steps/);
  }, 180_000);

  it('refuses residents who are not signed in', async () => {
    expect(await stack.gql.errorCode('{ myDroppedOptions { opportunityId } }')).toBe('UNAUTHENTICATED');
  });
});
