import crypto from 'crypto';
import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient, queryRows } from '@skillpath/testing';
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

const JOIN = `mutation($code: String!, $mon: Boolean!) { joinCohort(code: $code, consent: true, individualMonitoring: $mon) { id } }`;
const DASH = `query($id: ID!) { cohortDashboard(cohortId: $id) {
  funnel { stage count { value suppressed } }
  journey { links { target count { value suppressed } } }
  learners { userId stage } } }`;

interface Count {
  value: number | null;
  suppressed: boolean;
}

/** Holes found by the authorisation and privacy audit, each shown closed. */
describe('privacy audit', () => {
  let stack: TestStack;
  let skillId: string;
  let n = 0;

  let adminGql: GraphQLTestClient | undefined;
  const admin = async () => (adminGql ??= await adminClient(stack));
  const sql = <T>(q: string, params: unknown[] = []) => queryRows<T>(stack.db.url, q, params);

  async function register(role: string, organisationName?: string): Promise<Actor> {
    const key = `${role.toLowerCase()}${n++}`;
    const actor = await registerActor(stack, `${key}@example.org`, role, organisationName);
    if (actor.orgId) await verifyOrganisation(actor.gql, await admin(), actor.orgId, role as 'EMPLOYER');
    return actor;
  }

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    skillId = await skillIdFor(stack, 'customer service');
  }, 90_000);

  afterAll(() => stack?.close());

  it('cohort funnel: the learners shown one by one cannot be subtracted to count the others', async () => {
    const partner = await register('PARTNER', 'Differencing Partnership');
    const created = await partner.gql.ok<{ createCohort: { id: string; joinCode: string } }>(
      `mutation($p: ID!) { createCohort(partnershipId: $p, name: "Autumn") { id joinCode } }`,
      { p: partner.orgId },
    );
    const { id: cohortId, joinCode } = created.createCohort;
    const inWork = `mutation { reportOutcome(kind: IN_WORK) }`;
    // Five who agreed to be shown one by one, all in work; one more in work who did not agree; five who only joined.
    for (let i = 0; i < 5; i++) {
      const l = await register('LEARNER');
      await l.gql.ok(JOIN, { code: joinCode, mon: true });
      await l.gql.ok(inWork);
    }
    const alone = await register('LEARNER');
    await alone.gql.ok(JOIN, { code: joinCode, mon: false });
    await alone.gql.ok(inWork);
    for (let i = 0; i < 5; i++)
      await (await register('LEARNER')).gql.ok(JOIN, { code: joinCode, mon: false });

    const d = (
      await partner.gql.ok<{
        cohortDashboard: {
          funnel: Array<{ stage: string; count: Count }>;
          journey: { links: Array<{ target: string; count: Count }> };
          learners: Array<{ stage: string }>;
        };
      }>(DASH, { id: cohortId })
    ).cohortDashboard;
    expect(d.learners.map((l) => l.stage)).toEqual(Array(5).fill('In work'));
    const stages = d.funnel.map((f) => f.stage);
    const shownFrom = (i: number) => d.learners.filter((l) => stages.indexOf(l.stage) >= i).length;
    // What each published stage says about the learners who were NOT shown one by one.
    const others = d.funnel.map((f, i) => (f.count.suppressed ? null : f.count.value! - shownFrom(i)));
    for (const o of others) expect(o === null || o === 0 || o >= 5).toBe(true);
    // Before: "In work" was published as 6, and 6 − 5 shown = exactly one other learner in work.
    expect(d.funnel.at(-1)!.count.suppressed).toBe(true);
    // Nor by differencing a stage and the drop-out after it.
    const stoppedAtJoined = d.journey.links.find((l) => l.target === 'Stopped after: Joined')!.count;
    if (!d.funnel[0].count.suppressed && !stoppedAtJoined.suppressed) {
      const wentOn = d.funnel[0].count.value! - stoppedAtJoined.value! - 5;
      expect(wentOn === 0 || wentOn >= 5).toBe(true);
    }
  });

  it('createCohort takes a name of 1 to 120 characters', async () => {
    const partner = await register('PARTNER', 'Naming Partnership');
    const CREATE = `mutation($p: ID!, $n: String!) { createCohort(partnershipId: $p, name: $n) { name } }`;
    for (const n of ['   ', 'x'.repeat(121)]) {
      expect(await partner.gql.errorCode(CREATE, { p: partner.orgId, n })).toBe('BAD_USER_INPUT');
    }
    expect(await sql('SELECT 1 FROM cohorts WHERE partnership_id = $1', [partner.orgId])).toEqual([]);
    expect(await partner.gql.ok(CREATE, { p: partner.orgId, n: ' Winter ' })).toEqual({
      createCohort: { name: 'Winter' },
    });
  });

  it('funding rules take only the employment statuses eligibility knows', async () => {
    const provider = await register('PROVIDER', 'Statuses Academy');
    const PUBLISH = `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { id } }`;
    const course = (employmentStatuses: unknown) => ({
      kind: 'COURSE',
      title: 'Funded customer service',
      mode: 'ONLINE',
      skillsTaught: [{ skillId, level: 2 }],
      costPence: 50_000,
      funding: { fundedCostPence: 0, employmentStatuses },
    });
    for (const bad of [['unemployed'], ['UNEMPLOYED', 'JOBSEEKER'], Array(5).fill('EMPLOYED')]) {
      expect(await provider.gql.errorCode(PUBLISH, { org: provider.orgId, input: course(bad) })).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(await sql(`SELECT 1 FROM opportunities WHERE organisation_id = $1`, [provider.orgId])).toEqual([]);
    await provider.gql.ok(PUBLISH, { org: provider.orgId, input: course(['UNEMPLOYED', 'INACTIVE']) });
  });

  it('employers(search) refuses a search longer than any employer name', async () => {
    const provider = await register('PROVIDER', 'Searching Academy');
    await register('EMPLOYER', 'Searchable Employer Ltd');
    const SEARCH = `query($s: String!) { employers(search: $s) { name } }`;
    expect(await provider.gql.errorCode(SEARCH, { s: 'Searchable'.repeat(13) })).toBe('BAD_USER_INPUT');
    expect((await provider.gql.ok<{ employers: unknown[] }>(SEARCH, { s: 'Searchable' })).employers).toEqual([
      { name: 'Searchable Employer Ltd' },
    ]);
  });

  it('occupations(search), open to anyone, refuses a search longer than 100 characters as skills(search) does', async () => {
    const SEARCH = `query($s: String) { occupations(search: $s, first: 1) { title } }`;
    expect(await stack.gql.as().errorCode(SEARCH, { s: 'data '.repeat(21) })).toBe('BAD_USER_INPUT');
    expect(
      (await stack.gql.as().ok<{ occupations: unknown[] }>(SEARCH, { s: 'data' })).occupations,
    ).toHaveLength(1);
  });

  it('expressInterest takes a message of 10 to 1,000 letters, as the web form says; marking none of its notifications read marks none', async () => {
    const employer = await register('EMPLOYER', 'Messaging Employer Ltd');
    const learner = await register('LEARNER');
    await learner.gql.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M4 6DE", shareWithEmployers: true }) { shareWithEmployers } }`,
    );
    const v = await postVacancy(employer, {
      kind: 'VACANCY',
      title: 'Customer adviser',
      mode: 'ONLINE',
      skillsRequired: [{ skillId, level: 2 }],
    });
    const EXPRESS = `mutation($v: ID!, $c: ID!, $m: String!) { expressInterest(vacancyId: $v, candidateId: $c, message: $m) { id } }`;
    const c = await candidateIdFor(employer.gql, learner.gql, v, skillId);
    for (const m of ['', '   hi    ', 'x'.repeat(1001)]) {
      expect(await employer.gql.errorCode(EXPRESS, { v, c, m })).toBe('BAD_USER_INPUT');
    }
    expect(await sql('SELECT 1 FROM expressions_of_interest WHERE vacancy_id = $1', [v])).toEqual([]);
    await employer.gql.ok(EXPRESS, { v, c, m: 'Would you like to talk about this job?' });

    // The learner now has one unread notification. An empty list of ids marks none (it marked all);
    // more ids than a page holds are refused.
    const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
    const unread = async () =>
      (
        await learner.gql.ok<{ notifications: unknown[] }>(
          '{ notifications(unreadOnly: true, first: 10) { id } }',
        )
      ).notifications.length;
    expect(await unread()).toBe(1);
    expect(await learner.gql.ok(MARK, { ids: [] })).toEqual({ markNotificationsRead: 0 });
    expect(await unread()).toBe(1);
    const many = Array.from({ length: 101 }, () => crypto.randomUUID());
    expect(await learner.gql.errorCode(MARK, { ids: many })).toBe('BAD_USER_INPUT');
    expect(await learner.gql.ok(MARK, {})).toEqual({ markNotificationsRead: 1 });
    expect(await unread()).toBe(0);
  });

  it('joinCohort and verifyCredential refuse input far longer than any real code or credential', async () => {
    const learner = await register('LEARNER');
    const JOIN = `mutation($c: String!) { joinCohort(code: $c, consent: true) { id } }`;
    expect(await learner.gql.errorCode(JOIN, { c: 'K'.repeat(17) })).toBe('BAD_USER_INPUT');
    expect(await learner.gql.errorCode(JOIN, { c: '  NOSUCH12  ' })).toBe('NOT_FOUND');
    const VERIFY = `query($j: String!) { verifyCredential(jws: $j) { valid } }`;
    expect(await stack.gql.as().errorCode(VERIFY, { j: 'a.b.c'.repeat(13_000) })).toBe('BAD_USER_INPUT');
    expect(
      (await stack.gql.as().ok<{ verifyCredential: { valid: boolean } }>(VERIFY, { j: 'a.b.c' }))
        .verifyCredential,
    ).toEqual({ valid: false });
  });
});
