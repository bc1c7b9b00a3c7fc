import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import {
  Actor,
  adminClient,
  candidateIdFor,
  postVacancy,
  registerActor,
  skillIdFor,
  verifyOrganisation,
} from './partners-test-helpers';

const FUNDING = `funding { fundedCostPence minAge maxAge employmentStatuses requiresBenefits maxPriorQualificationLevel }`;
const UPDATE = `mutation($id: ID!, $input: ListingInput!) { updateListing(id: $id, input: $input) { id title costPence stepFree fundedAvailable ${FUNDING} } }`;
const OUTCOMES = `{ myOutcomes { id kind opportunityId opportunityTitle at recordedBy employerName } }`;

interface Outcome {
  id: string;
  kind: string;
  opportunityId: string | null;
  opportunityTitle: string | null;
  at: string;
  recordedBy: string;
  employerName: string | null;
}

describe('listing edits keep what they leave out; a learner reads back their own outcomes', () => {
  let stack: TestStack;
  const a: Record<string, Actor> = {};
  let skillId: string;
  let adminGql: GraphQLTestClient | undefined;
  const admin = async () => (adminGql ??= await adminClient(stack));

  async function register(key: string, role: string, organisationName?: string): Promise<Actor> {
    a[key] = await registerActor(stack, `${key}@example.org`, role, organisationName);
    if (a[key].orgId) await verifyOrganisation(a[key].gql, await admin(), a[key].orgId, role as 'EMPLOYER');
    return a[key];
  }

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    await register('provider', 'PROVIDER', 'Funding Academy');
    await register('employer', 'EMPLOYER', 'Outcome Works');
    await register('learner', 'LEARNER');
    await register('other', 'LEARNER');
    skillId = await skillIdFor(stack, 'customer service');
  }, 90_000);

  afterAll(() => stack?.close());

  const course = (extra: Record<string, unknown> = {}) => ({
    kind: 'COURSE',
    title: 'Customer service for beginners',
    mode: 'IN_PERSON',
    postcode: 'M4 6DE',
    skillsTaught: [{ skillId, level: 2 }],
    costPence: 60_000,
    ...extra,
  });

  it('keeps funding rules and step-free access through an edit that leaves them out, and changes them when set', async () => {
    const rules = {
      fundedCostPence: 0,
      minAge: 19,
      employmentStatuses: ['UNEMPLOYED', 'INACTIVE'],
      requiresBenefits: true,
    };
    const published = await a.provider.gql.ok<{
      publishCourse: { id: string; stepFree: boolean | null; funding: Record<string, unknown> | null };
    }>(
      `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { id stepFree ${FUNDING} } }`,
      { org: a.provider.orgId, input: course({ funding: rules, stepFree: true }) },
    );
    const id = published.publishCourse.id;
    const saved = {
      fundedCostPence: 0,
      minAge: 19,
      maxAge: null,
      employmentStatuses: ['UNEMPLOYED', 'INACTIVE'],
      requiresBenefits: true,
      maxPriorQualificationLevel: null,
    };
    // The public facts are readable by anyone, so an edit form can show them.
    expect(published.publishCourse).toMatchObject({ stepFree: true, funding: saved });
    const anon = await stack.gql
      .as()
      .ok<{ opportunity: { funding: unknown; stepFree: boolean | null; fundedAvailable: boolean } }>(
        `query($id: ID!) { opportunity(id: $id) { stepFree fundedAvailable ${FUNDING} } }`,
        { id },
      );
    expect(anon.opportunity).toEqual({ funding: saved, stepFree: true, fundedAvailable: true });

    // An edit that does not mention funding or step-free access keeps both.
    const kept = await a.provider.gql.ok<{ updateListing: Record<string, unknown> }>(UPDATE, {
      id,
      input: course({ title: 'Customer service for starters' }),
    });
    expect(kept.updateListing).toMatchObject({
      title: 'Customer service for starters',
      stepFree: true,
      fundedAvailable: true,
      funding: saved,
    });

    // One that sets them changes them: a funded price that is no longer free, and no step-free access.
    const changed = await a.provider.gql.ok<{ updateListing: Record<string, unknown> }>(UPDATE, {
      id,
      input: course({ funding: { fundedCostPence: 10_000, maxAge: 24 }, stepFree: false }),
    });
    expect(changed.updateListing).toMatchObject({
      stepFree: false,
      fundedAvailable: false,
      funding: {
        fundedCostPence: 10_000,
        minAge: null,
        maxAge: 24,
        employmentStatuses: null,
        requiresBenefits: null,
        maxPriorQualificationLevel: null,
      },
    });

    // A kept funded price is still checked against a new full price, and the refused edit changes nothing.
    expect(await a.provider.gql.errorCode(UPDATE, { id, input: course({ costPence: 5_000 }) })).toBe(
      'BAD_USER_INPUT',
    );
    const after = await stack.gql
      .as()
      .ok<{ opportunity: { costPence: number; funding: { fundedCostPence: number } } }>(
        `query($id: ID!) { opportunity(id: $id) { costPence ${FUNDING} } }`,
        { id },
      );
    expect(after.opportunity).toMatchObject({ costPence: 60_000, funding: { fundedCostPence: 10_000 } });

    // null removes them.
    const cleared = await a.provider.gql.ok<{ updateListing: Record<string, unknown> }>(UPDATE, {
      id,
      input: course({ funding: null, stepFree: null }),
    });
    expect(cleared.updateListing).toMatchObject({ funding: null, stepFree: null, fundedAvailable: false });
  });

  it('lists a learner’s own outcomes, theirs and an employer’s, and nobody else’s', async () => {
    const vacancyId = await postVacancy(a.employer, {
      kind: 'VACANCY',
      title: 'Customer adviser',
      mode: 'IN_PERSON',
      postcode: 'M4 6DE',
      skillsRequired: [{ skillId, level: 2 }],
    });

    await expect(a.learner.gql.ok<{ myOutcomes: Outcome[] }>(OUTCOMES)).resolves.toEqual({ myOutcomes: [] });
    await a.learner.gql.ok('mutation($o: ID) { reportOutcome(kind: APPLIED, opportunityId: $o) }', {
      o: vacancyId,
    });
    await a.learner.gql.ok('mutation { reportOutcome(kind: IN_WORK) }');
    await a.other.gql.ok('mutation { reportOutcome(kind: INTERVIEWED) }');

    // The employer records an interview once the learner has said yes to its interest.
    await a.learner.gql.ok(
      'mutation { updateLearnerProfile(input: { postcode: "M4 6DE", travelRadiusKm: 15, shareWithEmployers: true }) { postcode } }',
    );
    const sent = await a.employer.gql.ok<{ expressInterest: { id: string } }>(
      'mutation($v: ID!, $c: ID!) { expressInterest(vacancyId: $v, candidateId: $c, message: "Would you like to talk?") { id } }',
      { v: vacancyId, c: await candidateIdFor(a.employer.gql, a.learner.gql, vacancyId, skillId) },
    );
    await a.learner.gql.ok('mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }', {
      id: sent.expressInterest.id,
    });
    await a.employer.gql.ok(
      'mutation($id: ID!) { recordCandidateOutcome(interestId: $id, kind: INTERVIEWED) { id } }',
      { id: sent.expressInterest.id },
    );

    const mine = (await a.learner.gql.ok<{ myOutcomes: Outcome[] }>(OUTCOMES)).myOutcomes;
    expect(
      mine.map(({ kind, opportunityId, opportunityTitle, recordedBy, employerName }) => ({
        kind,
        opportunityId,
        opportunityTitle,
        recordedBy,
        employerName,
      })),
    ).toEqual([
      {
        kind: 'INTERVIEWED',
        opportunityId: vacancyId,
        opportunityTitle: 'Customer adviser',
        recordedBy: 'EMPLOYER',
        employerName: 'Outcome Works',
      },
      {
        kind: 'IN_WORK',
        opportunityId: null,
        opportunityTitle: null,
        recordedBy: 'LEARNER',
        employerName: null,
      },
      {
        kind: 'APPLIED',
        opportunityId: vacancyId,
        opportunityTitle: 'Customer adviser',
        recordedBy: 'LEARNER',
        employerName: null,
      },
    ]);
    const times = mine.map((o) => Date.parse(o.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    // The other learner sees only their own row: none of the first learner's ids.
    const theirs = (await a.other.gql.ok<{ myOutcomes: Outcome[] }>(OUTCOMES)).myOutcomes;
    expect(theirs).toEqual([expect.objectContaining({ kind: 'INTERVIEWED', recordedBy: 'LEARNER' })]);
    expect(theirs.filter((o) => mine.some((m) => m.id === o.id))).toEqual([]);

    // Only learners ask; anyone else is refused.
    expect(await stack.gql.as().errorCode(OUTCOMES)).toBe('UNAUTHENTICATED');
    expect(await a.employer.gql.errorCode(OUTCOMES)).toBe('FORBIDDEN');
  });
});
