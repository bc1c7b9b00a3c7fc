import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient, queryRows } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import {
  Actor,
  adminClient,
  postVacancy,
  publishCourse,
  registerActor,
  skillIdFor,
  verifyOrganisation,
} from './partners-test-helpers';

/**
 * Issue 13, "organisations are verified before they vouch", replayed: anyone could register an employer
 * called "NHS England", approve the accreditation of a self-published free course, and have it rank as
 * accredited and produce a Skillpath-signed credential naming NHS England.
 */
describe('organisations are verified before they vouch', () => {
  let stack: TestStack;
  let admin: GraphQLTestClient;
  let anon: GraphQLTestClient;
  let skillId: string;
  let courseId: string;
  let accreditationId: string;
  let vacancyId: string;
  const a: Record<string, Actor> = {};
  const sql = <T>(q: string, params: unknown[] = []) => queryRows<T>(stack.db.url, q, params);

  async function register(key: string, role: string, organisationName?: string): Promise<Actor> {
    a[key] = await registerActor(stack, `${key}@example.org`, role, organisationName);
    return a[key];
  }

  const matchOf = async (who: Actor) => {
    const r = await who.gql.ok<{
      matches: Array<{ score: number; opportunity: { id: string; accredited: boolean } }>;
    }>('{ matches(kinds: [COURSE], first: 100) { score opportunity { id accredited } } }');
    const m = r.matches.find((x) => x.opportunity.id === courseId);
    return m && { score: m.score, accredited: m.opportunity.accredited };
  };

  /** The provider says the learner completed the course; the learner accepts. */
  async function complete(learner: Actor): Promise<void> {
    await a.provider.gql.ok(
      `mutation($id: ID!, $e: String!) { recordCompletion(opportunityId: $id, learnerEmail: $e) { message } }`,
      { id: courseId, e: learner.email },
    );
    const r = await learner.gql.ok<{ myParticipationRequests: Array<{ id: string }> }>(
      '{ myParticipationRequests { id } }',
    );
    await learner.gql.ok(
      `mutation($id: ID!) { respondToParticipationRequest(id: $id, accept: true) { id } }`,
      {
        id: r.myParticipationRequests[0].id,
      },
    );
  }

  async function plan(learner: Actor): Promise<void> {
    await learner.gql.ok(
      'mutation { updateLearnerProfile(input: { postcode: "M4 6DE", travelRadiusKm: 20 }) { postcode } }',
    );
    await learner.gql.ok(
      `mutation($id: ID!) { setGoal(input: { opportunityId: $id }) { goal { opportunity { id } } } }`,
      {
        id: vacancyId,
      },
    );
    await learner.gql.ok('mutation { planRoadmap { steps { id } } }');
  }

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    anon = stack.gql.as();
    admin = await adminClient(stack);
    skillId = await skillIdFor(stack, 'deep learning');
    await register('provider', 'PROVIDER', 'Self Published Academy');
    // The provider is real and verified: the attack is on the employer's word.
    await verifyOrganisation(a.provider.gql, admin, a.provider.orgId!, 'PROVIDER');
    await register('impostor', 'EMPLOYER', 'NHS England');
    await register('employer', 'EMPLOYER', 'Hiring Co');
    await verifyOrganisation(a.employer.gql, admin, a.employer.orgId!, 'EMPLOYER');
    vacancyId = await postVacancy(a.employer, {
      kind: 'VACANCY',
      title: 'ML analyst',
      mode: 'ONLINE',
      skillsRequired: [{ skillId, level: 2 }],
    });
    courseId = await publishCourse(a.provider, {
      kind: 'COURSE',
      title: 'Free deep learning course',
      mode: 'ONLINE',
      skillsTaught: [{ skillId, level: 3 }],
      costPence: 0,
      hoursPerWeek: 4,
      durationWeeks: 4,
    });
    await register('learner', 'LEARNER');
    await register('second', 'LEARNER');
    await register('third', 'LEARNER');
    await plan(a.learner);
    await plan(a.second);
    await plan(a.third);
  }, 120_000);

  afterAll(() => stack?.close());

  it('a new organisation is PENDING, says so, and its evidence is format-checked with clear errors', async () => {
    const ORG = `{ myOrganisations { organisation { id name verification verificationNote evidenceKind } } }`;
    const mine = await a.impostor.gql.ok<{
      myOrganisations: Array<{ organisation: Record<string, unknown> }>;
    }>(ORG);
    expect(mine.myOrganisations[0].organisation).toMatchObject({
      name: 'NHS England',
      verification: 'PENDING',
      verificationNote: 'organisation not yet verified',
      evidenceKind: null,
    });
    // Nothing to check yet: an admin cannot verify it.
    expect(
      await admin.errorCode(`mutation($id: ID!) { verifyOrganisation(id: $id) { id } }`, {
        id: a.impostor.orgId,
      }),
    ).toBe('BAD_USER_INPUT');
    const SUBMIT = `mutation($input: OrganisationEvidenceInput!) { submitOrganisationEvidence(input: $input) { verification evidenceNumber } }`;
    const bad = await a.impostor.gql.request(SUBMIT, {
      input: { organisationId: a.impostor.orgId, evidenceKind: 'COMPANY_NUMBER', evidenceNumber: '123' },
    });
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not a Companies House number: it is 8 characters/),
      extensions: { code: 'BAD_USER_INPUT', field: 'evidenceNumber' },
    });
    expect(
      await a.impostor.gql.errorCode(SUBMIT, {
        input: { organisationId: a.impostor.orgId, evidenceKind: 'UKPRN', evidenceNumber: '10012345' },
      }),
    ).toBe('BAD_USER_INPUT');
    // Another organisation's owner cannot give evidence for it.
    expect(
      await a.employer.gql.errorCode(SUBMIT, {
        input: {
          organisationId: a.impostor.orgId,
          evidenceKind: 'COMPANY_NUMBER',
          evidenceNumber: '01234567',
        },
      }),
    ).toBe('FORBIDDEN');
  });

  it('replays the attack: an unverified "NHS England" accredits a free course — no ranking boost, no credential, no candidates', async () => {
    const before = await matchOf(a.learner);
    expect(before).toMatchObject({ accredited: false });
    const req = await a.provider.gql.ok<{ requestAccreditation: { id: string } }>(
      `mutation($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }`,
      { input: { opportunityId: courseId, employerId: a.impostor.orgId, skillIds: [skillId] } },
    );
    accreditationId = req.requestAccreditation.id;
    const approved = await a.impostor.gql.ok<{ approveAccreditation: { status: string } }>(
      `mutation($id: ID!, $input: ApproveAccreditationInput!) { approveAccreditation(id: $id, input: $input) { status } }`,
      {
        id: accreditationId,
        input: { validTo: new Date(Date.now() + 300 * 86400_000).toISOString(), guaranteedInterview: true },
      },
    );
    expect(approved.approveAccreditation.status).toBe('ACTIVE');

    // Ranking treats the course as unaccredited, and its listing says nothing of NHS England.
    expect(await matchOf(a.learner)).toEqual(before);
    const listing = await anon.ok<{
      opportunity: { accredited: boolean; accreditations: unknown[]; guaranteedInterview: boolean };
    }>(
      `query($id: ID!) { opportunity(id: $id) { accredited accreditations { employerName } guaranteedInterview } }`,
      { id: courseId },
    );
    expect(listing.opportunity).toEqual({
      accredited: false,
      accreditations: [],
      guaranteedInterview: false,
    });

    // The learner completes it: no credential names NHS England.
    await complete(a.learner);
    const creds = await a.learner.gql.ok<{ myCredentials: unknown[] }>('{ myCredentials { id } }');
    expect(creds.myCredentials).toEqual([]);
    expect(await sql(`SELECT 1 FROM credentials`)).toEqual([]);

    // And it sees no candidate.
    const vacancy = await a.impostor.gql.ok<{ postVacancy: { id: string; verificationNote: string | null } }>(
      `mutation($org: ID!, $input: ListingInput!) { postVacancy(organisationId: $org, input: $input) { id verificationNote organisationVerification } }`,
      {
        org: a.impostor.orgId,
        input: { kind: 'VACANCY', title: 'Nurse', mode: 'ONLINE', skillsRequired: [{ skillId, level: 1 }] },
      },
    );
    expect(vacancy.postVacancy).toMatchObject({
      verificationNote: 'organisation not yet verified',
      organisationVerification: 'PENDING',
    });
    const refused = await a.impostor.gql.request(
      `query($id: ID!) { vacancyCandidates(vacancyId: $id, minFit: 0.01) { candidateId } }`,
      { id: vacancy.postVacancy.id },
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/NHS England is not yet verified/),
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('after an admin checks its evidence and verifies it, the accreditation counts and credentials name it; audited', async () => {
    const before = await matchOf(a.second);
    await a.impostor.gql.ok(
      `mutation($input: OrganisationEvidenceInput!) { submitOrganisationEvidence(input: $input) { id } }`,
      {
        input: {
          organisationId: a.impostor.orgId,
          evidenceKind: 'COMPANY_NUMBER',
          evidenceNumber: 'ni 123456',
        },
      },
    );
    const queue = await admin.ok<{ organisationsToVerify: Array<{ id: string; evidenceNumber: string }> }>(
      '{ organisationsToVerify { id evidenceNumber } }',
    );
    expect(queue.organisationsToVerify[0]).toEqual({ id: a.impostor.orgId, evidenceNumber: 'NI123456' });
    const verified = await admin.ok<{
      verifyOrganisation: { verification: string; verificationNote: string | null };
    }>(`mutation($id: ID!) { verifyOrganisation(id: $id) { verification verificationNote } }`, {
      id: a.impostor.orgId,
    });
    expect(verified.verifyOrganisation).toEqual({ verification: 'VERIFIED', verificationNote: null });
    expect(
      await admin.errorCode(`mutation($id: ID!) { verifyOrganisation(id: $id) { id } }`, {
        id: a.impostor.orgId,
      }),
    ).toBe('CONFLICT');

    const after = await matchOf(a.second);
    expect(after!.accredited).toBe(true);
    expect((await matchOf(a.third))!.accredited).toBe(true);
    expect(after!.score).toBeGreaterThan(before!.score);
    await complete(a.second);
    const creds = await a.second.gql.ok<{ myCredentials: Array<{ jws: string }> }>(
      '{ myCredentials { jws } }',
    );
    expect(creds.myCredentials).toHaveLength(1);
    const payload = JSON.parse(
      Buffer.from(creds.myCredentials[0].jws.split('.')[1], 'base64url').toString(),
    ) as {
      vc: { credentialSubject: { achievement: { endorsement: Array<{ issuer: { name: string } }> } } };
    };
    expect(payload.vc.credentialSubject.achievement.endorsement[0].issuer.name).toBe('NHS England');

    const audit = await admin.ok<{
      organisationAudit: Array<{ action: string; reason: string; actorRole: string }>;
    }>(`query($id: ID!) { organisationAudit(id: $id) { action reason actorRole } }`, {
      id: a.impostor.orgId,
    });
    expect(audit.organisationAudit.map((e) => e.action)).toEqual([
      'EVIDENCE_SUBMITTED',
      'ORGANISATION_VERIFIED',
    ]);
    expect(audit.organisationAudit[1].actorRole).toBe('ADMIN');
  });

  it('rejecting it (with a reason) withdraws all of that at once: ranking, and the credential it backs', async () => {
    expect(
      await admin.errorCode(`mutation($id: ID!) { rejectOrganisation(id: $id, reason: "") { id } }`, {
        id: a.impostor.orgId,
      }),
    ).toBe('BAD_USER_INPUT');
    const rejected = await admin.ok<{
      rejectOrganisation: { verification: string; rejectionReason: string };
    }>(
      `mutation($id: ID!) { rejectOrganisation(id: $id, reason: "Company NI123456 is not NHS England") { verification rejectionReason verificationNote } }`,
      { id: a.impostor.orgId },
    );
    expect(rejected.rejectOrganisation).toMatchObject({
      verification: 'REJECTED',
      rejectionReason: 'Company NI123456 is not NHS England',
    });
    expect((await matchOf(a.third))!.accredited).toBe(false);
    expect(
      (
        await anon.ok<{ opportunity: { accredited: boolean } }>(
          `query($id: ID!) { opportunity(id: $id) { accredited } }`,
          { id: courseId },
        )
      ).opportunity.accredited,
    ).toBe(false);
    const creds = await a.second.gql.ok<{ myCredentials: Array<{ id: string }> }>('{ myCredentials { id } }');
    const check = await anon.ok<{ verifyCredential: { valid: boolean; revoked: boolean; reason: string } }>(
      `query($id: ID) { verifyCredential(id: $id) { valid revoked reason } }`,
      { id: creds.myCredentials[0].id },
    );
    expect(check.verifyCredential).toMatchObject({ valid: false, revoked: true });
    expect(check.verifyCredential.reason).toMatch(/not a verified organisation/);
    const rows = await sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM organisation_audit_log WHERE organisation_id = $1 ORDER BY at`,
      [a.impostor.orgId],
    );
    expect(rows.at(-1)).toEqual({
      action: 'ORGANISATION_REJECTED',
      reason: 'Company NI123456 is not NHS England',
    });
  });
});
