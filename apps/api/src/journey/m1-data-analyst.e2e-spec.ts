import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, type TestStack } from '../testing/test-stack';

interface Roadmap {
  reachable: boolean;
  coverage: number;
  totalCostPence: number;
  summary: string;
  blockers: Array<{
    kind: string;
    amountPence: number | null;
    question: string | null;
    message: string;
    opportunity: { title: string; costPence: number } | null;
  }>;
  whatIfs: Array<{ kind: string; budgetPence: number | null; question: string | null; message: string }>;
  questions: Array<{ question: string; text: string; profileField: string; answer: Record<string, unknown> }>;
  steps: Array<{
    kind: string;
    costPence: number;
    listPricePence: number | null;
    fundingRule: string | null;
    opportunity: { title: string };
  }>;
}
const ROADMAP = `reachable coverage totalCostPence summary
  blockers { kind amountPence question message opportunity { title costPence } }
  whatIfs { kind budgetPence question message }
  questions { question text profileField answer }
  steps { kind costPence listPricePence fundingRule opportunity { title } }`;

/**
 * The case, against the demo region: an unemployed resident in M1 with no budget who wants to be
 * a data analyst. Without the qualification answer the plan names the £450 maths course that blocks it and
 * asks the one question that makes it free; with the answer the goal is reachable at £0.
 */
describe('the M1 data analyst with no budget', () => {
  let stack: TestStack;
  let me: GraphQLTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
      { i: { email: 'm1@example.org', password: 'learner password 1', displayName: 'Jo' } },
    );
    me = stack.gql.as(r.register.accessToken);
  }, 60_000);

  afterAll(() => stack?.close());

  it('names the £450 course, offers the what-ifs, asks the maths question, and is free once answered', async () => {
    await me.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M1", ageBand: AGE_24_49, employmentStatus: UNEMPLOYED,
         budgetPence: 0 }) { postcode } }`,
    );
    const occ = await me.ok<{ occupations: Array<{ id: string; title: string }> }>(
      '{ occupations(search: "data analyst", first: 1) { id title } }',
    );
    expect(occ.occupations[0].title).toMatch(/data analyst/i);
    await me.ok(`mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }`, {
      id: occ.occupations[0].id,
    });

    const before = (await me.ok<{ planRoadmap: Roadmap }>(`mutation { planRoadmap { ${ROADMAP} } }`))
      .planRoadmap;
    expect(before.reachable).toBe(false);
    // The summary does not blame the catalogue: courses teach every skill; the maths course is what blocks.
    expect(before.summary).not.toMatch(/Nothing on offer/);
    // The maths course's blocker (others may come first: the order among blockers is not the point here).
    const blocker = before.blockers.find((b) => b.kind === 'BUDGET' && b.amountPence === 45_000);
    expect(blocker).toBeDefined();
    expect(blocker!.opportunity?.title).toBe('Functional Skills Maths Level 1');
    expect(blocker!.amountPence).toBe(45_000);
    expect(blocker!.message).toContain('£450 for Functional Skills Maths Level 1');
    expect(blocker!.question).toBe('HAS_MATHS_LEVEL_2');
    const budget = before.whatIfs.find((w) => w.kind === 'BUDGET');
    expect(budget?.budgetPence).toBe(45_000);
    expect(budget?.message).toMatch(/^With £450 to spend/);
    const answer = before.whatIfs.find((w) => w.kind === 'ANSWER');
    expect(answer?.question).toBe('HAS_MATHS_LEVEL_2');
    expect(answer?.message).toMatch(/^If you do not have maths at level 2 it is free/);
    // The question the web app asks, with where the answer goes.
    const question = before.questions.find((q) => q.question === 'HAS_MATHS_LEVEL_2');
    expect(question).toMatchObject({ profileField: 'hasMathsLevel2', answer: { hasMathsLevel2: false } });
    expect(question!.text).toMatch(/^Do you have maths at level 2/);

    // The resident answers: no maths at level 2. The plan is now within reach, at no cost to them.
    const profile = await me.ok<{ updateLearnerProfile: { hasMathsLevel2: boolean | null } }>(
      'mutation { updateLearnerProfile(input: { hasMathsLevel2: false }) { hasMathsLevel2 } }',
    );
    expect(profile.updateLearnerProfile.hasMathsLevel2).toBe(false);
    const after = (await me.ok<{ planRoadmap: Roadmap }>(`mutation { planRoadmap { ${ROADMAP} } }`))
      .planRoadmap;
    expect(after.reachable).toBe(true);
    expect(after.coverage).toBe(1);
    expect(after.totalCostPence).toBe(0);
    expect(after.blockers).toEqual([]);
    const maths = after.steps.find((s) => s.opportunity.title === 'Functional Skills Maths Level 1');
    expect(maths).toMatchObject({
      costPence: 0,
      listPricePence: 45_000,
      fundingRule: 'ADULT_MATHS_TO_LEVEL_2',
    });
    expect(after.questions.find((q) => q.question === 'HAS_MATHS_LEVEL_2')).toBeUndefined();
  }, 120_000);

  it('refuses a level 2 answer that is not true, false or null', async () => {
    const res = await me.request(
      'mutation { updateLearnerProfile(input: { hasMathsLevel2: "no" }) { hasMathsLevel2 } }',
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/Boolean/);
  });
});
