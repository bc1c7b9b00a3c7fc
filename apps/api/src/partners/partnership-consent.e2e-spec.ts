import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import { registerActor } from './partners-test-helpers';

const DASH = `query($id: ID!) { cohortDashboard(cohortId: $id) { learners { userId } } }`;
const SHARE = `mutation($s: Boolean!) { updateLearnerProfile(input: { shareWithPartnerships: $s }) { shareWithPartnerships } }`;
const SHARING = `{ learnerProfile { shareWithPartnerships } }`;

/**
 * A partnership sees a cohort member one by one only with both of the learner's consents: the cohort's
 * ("let the partnership see my own progress") and the profile's ("partnerships may see my progress").
 */
describe("a learner's two consents to being seen one by one by a partnership", () => {
  let stack: TestStack;
  let partner: GraphQLTestClient;
  let cohortId: string;
  let joinCode: string;

  const register = (email: string, role: string, organisationName?: string) =>
    registerActor(stack, email, role, organisationName);
  const listed = async () =>
    (
      await partner.ok<{ cohortDashboard: { learners: Array<{ userId: string }> } }>(DASH, { id: cohortId })
    ).cohortDashboard.learners.map((l) => l.userId);

  beforeAll(async () => {
    stack = await startTestStack();
    partner = (await register('partner@example.org', 'PARTNER', 'Test Partnership')).gql;
    const org = await partner.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
      '{ myOrganisations { organisation { id } } }',
    );
    const created = await partner.ok<{ createCohort: { id: string; joinCode: string } }>(
      'mutation($p: ID!) { createCohort(partnershipId: $p, name: "Spring bootcamp") { id joinCode } }',
      { p: org.myOrganisations[0].organisation.id },
    );
    ({ id: cohortId, joinCode } = created.createCohort);
  }, 90_000);

  afterAll(() => stack?.close());

  it('turns the profile consent on with the cohort consent, and hides the learner again when it is turned off', async () => {
    const sam = await register('sam@example.org', 'LEARNER');
    expect((await sam.gql.ok<{ learnerProfile: unknown }>(SHARING)).learnerProfile).toEqual({
      shareWithPartnerships: false,
    });
    await sam.gql.ok(
      `mutation($c: String!) { joinCohort(code: $c, consent: true, individualMonitoring: true) { id } }`,
      { c: joinCode },
    );
    expect((await sam.gql.ok<{ learnerProfile: unknown }>(SHARING)).learnerProfile).toEqual({
      shareWithPartnerships: true,
    });
    expect(await listed()).toEqual([sam.id]);

    // Off in the profile: gone from every cohort's list at once, though still counted in the figures.
    await sam.gql.ok(SHARE, { s: false });
    expect(await listed()).toEqual([]);
    // On again: the cohort's own consent still stands.
    await sam.gql.ok(SHARE, { s: true });
    expect(await listed()).toEqual([sam.id]);
  });

  it('never lists a learner who agreed only to be counted, whatever the profile says', async () => {
    const kim = await register('kim@example.org', 'LEARNER');
    await kim.gql.ok(SHARE, { s: true });
    await kim.gql.ok(
      `mutation($c: String!) { joinCohort(code: $c, consent: true, individualMonitoring: false) { id } }`,
      { c: joinCode },
    );
    expect(await listed()).not.toContain(kim.id);

    // Saying yes later, for this cohort, lists them (and keeps the profile's consent on).
    await kim.gql.ok(`mutation($id: ID!) { setCohortMonitoringConsent(cohortId: $id, consent: true) }`, {
      id: cohortId,
    });
    expect(await listed()).toContain(kim.id);
    await kim.gql.ok(`mutation($id: ID!) { setCohortMonitoringConsent(cohortId: $id, consent: false) }`, {
      id: cohortId,
    });
    expect(await listed()).not.toContain(kim.id);
    expect((await kim.gql.ok<{ learnerProfile: unknown }>(SHARING)).learnerProfile).toEqual({
      shareWithPartnerships: true,
    });
  });
});
