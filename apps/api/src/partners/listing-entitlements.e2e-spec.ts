import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import { adminClient, verifyOrganisation } from './partners-test-helpers';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const PUBLISH = `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { id entitlements fundedAvailable } }`;
const UPDATE = `mutation($id: ID!, $input: ListingInput!) { updateListing(id: $id, input: $input) { id entitlements fundedAvailable } }`;
const ROADMAP = `mutation { planRoadmap { reachable totalCostPence
  steps { costPence listPricePence fundingRule fundingNote why opportunity { id } } } }`;

interface Step {
  costPence: number;
  listPricePence: number | null;
  fundingRule: string | null;
  fundingNote: string | null;
  why: string;
  opportunity: { id: string };
}
interface Plan {
  reachable: boolean;
  totalCostPence: number;
  steps: Step[];
}

/**
 * A provider declares that its course is approved for Free Courses for Jobs: a resident the rule covers
 * (an unemployed adult) is planned the course at £0 with the rule named; one it does not cover (employed,
 * qualified to level 4, not on a low wage) pays the list price; a code the planner does not know is refused.
 */
describe('funding rules a provider declares on its listing', () => {
  let stack: TestStack;
  let provider: GraphQLTestClient;
  let employer: GraphQLTestClient;
  let providerOrg: string;
  let employerOrg: string;
  let skillId: string;
  let vacancyId: string;
  let courseId: string;

  async function register(email: string, role: string, organisationName?: string) {
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(REGISTER, {
      input: {
        email,
        password: 'a long enough password',
        displayName: email.split('@')[0],
        role,
        organisationName,
      },
    });
    const gql = stack.gql.as(r.register.accessToken);
    let orgId = '';
    if (organisationName) {
      const mine = await gql.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
        '{ myOrganisations { organisation { id } } }',
      );
      orgId = mine.myOrganisations[0].organisation.id;
      await verifyOrganisation(
        gql,
        await adminClient(stack, `ops-${role.toLowerCase()}@example.org`),
        orgId,
        role as 'PROVIDER',
      );
    }
    return { gql, orgId };
  }

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    ({ gql: provider, orgId: providerOrg } = await register(
      'fcfj@example.org',
      'PROVIDER',
      'Level Three College',
    ));
    ({ gql: employer, orgId: employerOrg } = await register(
      'jobs@example.org',
      'EMPLOYER',
      'Model Makers Ltd',
    ));
    const found = await stack.gql
      .as()
      .ok<{ skills: Array<{ id: string }> }>('{ skills(search: "deep learning", first: 1) { id } }');
    skillId = found.skills[0].id;
    // A job that asks for the skill at a level only the provider's course teaches.
    const v = await employer.ok<{ postVacancy: { id: string } }>(
      `mutation($org: ID!, $input: ListingInput!) { postVacancy(organisationId: $org, input: $input) { id } }`,
      {
        org: employerOrg,
        input: {
          kind: 'VACANCY',
          title: 'Machine learning engineer',
          mode: 'ONLINE',
          skillsRequired: [{ skillId, level: 5 }],
        },
      },
    );
    vacancyId = v.postVacancy.id;
  }, 120_000);

  afterAll(() => stack?.close());

  const course = (extra: Record<string, unknown> = {}) => ({
    kind: 'COURSE',
    title: 'Level 3 Diploma in Machine Learning',
    mode: 'ONLINE',
    skillsTaught: [{ skillId, level: 5 }],
    costPence: 90_000,
    level: 3,
    hoursPerWeek: 10,
    durationWeeks: 12,
    ...extra,
  });

  async function resident(email: string, profile: string): Promise<Plan> {
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(REGISTER, {
      input: { email, password: 'learner password 1', displayName: 'Sam', role: 'LEARNER' },
    });
    const me = stack.gql.as(r.register.accessToken);
    await me.ok(`mutation { updateLearnerProfile(input: { postcode: "M4 6DE", ${profile} }) { postcode } }`);
    await me.ok(`mutation($id: ID!) { setGoal(input: { opportunityId: $id }) { postcode } }`, {
      id: vacancyId,
    });
    return (await me.ok<{ planRoadmap: Plan }>(ROADMAP)).planRoadmap;
  }

  it('stores the declaration, prices the course at £0 for an eligible resident and in full for one who is not', async () => {
    const published = await provider.ok<{
      publishCourse: { id: string; entitlements: string[]; fundedAvailable: boolean };
    }>(PUBLISH, { org: providerOrg, input: course({ entitlements: ['FREE_COURSES_FOR_JOBS_LEVEL_3'] }) });
    courseId = published.publishCourse.id;
    expect(published.publishCourse.entitlements).toEqual(['FREE_COURSES_FOR_JOBS_LEVEL_3']);
    // Free for at least some learners now, though its own price is £900 and it has no terms of its own.
    expect(published.publishCourse.fundedAvailable).toBe(true);
    const read = await stack.gql
      .as()
      .ok<{ opportunity: { entitlements: string[] } }>(
        `query($id: ID!) { opportunity(id: $id) { entitlements } }`,
        {
          id: courseId,
        },
      );
    expect(read.opportunity.entitlements).toEqual(['FREE_COURSES_FOR_JOBS_LEVEL_3']);

    const eligible = await resident(
      'unemployed@example.org',
      'ageBand: AGE_24_49, employmentStatus: UNEMPLOYED',
    );
    expect(eligible.reachable).toBe(true);
    const free = eligible.steps.find((s) => s.opportunity.id === courseId);
    expect(free).toMatchObject({
      costPence: 0,
      listPricePence: 90_000,
      fundingRule: 'FREE_COURSES_FOR_JOBS_LEVEL_3',
    });
    expect(free!.fundingNote).toMatch(/Free Courses for Jobs/);
    expect(eligible.totalCostPence).toBe(0);

    const ineligible = await resident(
      'employed@example.org',
      'ageBand: AGE_24_49, employmentStatus: EMPLOYED, highestQualificationLevel: 4, earnsUnderLowWageThreshold: false',
    );
    expect(ineligible.reachable).toBe(true);
    const paid = ineligible.steps.find((s) => s.opportunity.id === courseId);
    expect(paid).toMatchObject({ costPence: 90_000, fundingRule: null });
    expect(ineligible.totalCostPence).toBe(90_000);
  }, 120_000);

  it('keeps the declaration through an edit that leaves it out, and removes it when told', async () => {
    const kept = await provider.ok<{ updateListing: { entitlements: string[] } }>(UPDATE, {
      id: courseId,
      input: course({ title: 'Level 3 Diploma in Machine Learning (evenings)' }),
    });
    expect(kept.updateListing.entitlements).toEqual(['FREE_COURSES_FOR_JOBS_LEVEL_3']);
    const cleared = await provider.ok<{
      updateListing: { entitlements: string[]; fundedAvailable: boolean };
    }>(UPDATE, { id: courseId, input: course({ entitlements: [] }) });
    expect(cleared.updateListing).toEqual({ id: courseId, entitlements: [], fundedAvailable: false });
    // Without the rule, the unemployed resident pays the list price too.
    const now = await resident('unemployed2@example.org', 'ageBand: AGE_24_49, employmentStatus: UNEMPLOYED');
    expect(now.steps.find((s) => s.opportunity.id === courseId)).toMatchObject({
      costPence: 90_000,
      fundingRule: null,
    });
  }, 60_000);

  it('refuses a code the planner does not know, naming it, and changes nothing', async () => {
    const res = await provider.request(UPDATE, {
      id: courseId,
      input: course({ entitlements: ['FREE_COURSES_FOR_JOBS_LEVEL_3', 'FREE_FOR_EVERYONE'] }),
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(
      /entitlements must each be one of .*FREE_COURSES_FOR_JOBS_LEVEL_3/,
    );
    const publish = await provider.request(PUBLISH, {
      org: providerOrg,
      input: course({ entitlements: ['APPRENTICESHIP'] }),
    });
    // Apprenticeships are funded by their kind; a course cannot claim it.
    expect(publish.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const read = await stack.gql
      .as()
      .ok<{ opportunity: { entitlements: string[] } }>(
        `query($id: ID!) { opportunity(id: $id) { entitlements } }`,
        {
          id: courseId,
        },
      );
    expect(read.opportunity.entitlements).toEqual([]);
  }, 60_000);
});
