import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient, queryRows } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import {
  Actor,
  adminClient,
  PASSWORD,
  REGISTER,
  registerActor,
  skillIdFor,
  verifyOrganisation,
} from './partners-test-helpers';

const LISTING = `id kind title status accredited`;

describe('employers, providers and partnerships, end to end through GraphQL', () => {
  let stack: TestStack;
  let anon: GraphQLTestClient;
  let admin: GraphQLTestClient;
  const a: Record<string, Actor> = {};
  let deepLearning: string;
  let otherSkill: string;
  let vacancyId: string;
  let interestId: string;
  let courseId: string;
  let accreditationId: string;
  let jws: string;
  let credentialId: string;
  let cohortId: string;
  let joinCode: string;

  async function register(key: string, role: string, organisationName?: string): Promise<void> {
    a[key] = await registerActor(stack, `${key}@example.org`, role, organisationName);
    const gql = a[key].gql;
    if (organisationName) {
      const mine = await gql.ok<{
        myOrganisations: Array<{ role: string; organisation: { id: string; name: string } }>;
      }>('{ myOrganisations { role organisation { id name kind } } }');
      expect(mine.myOrganisations).toEqual([
        { role: 'OWNER', organisation: expect.objectContaining({ name: organisationName }) },
      ]);
      expect(a[key].orgId).toBe(mine.myOrganisations[0].organisation.id);
      // Organisations start PENDING; these stand for checked ones (the attack on that is in organisation-verification).
      await verifyOrganisation(gql, admin, a[key].orgId!, role as 'EMPLOYER');
    }
  }

  const matchScore = async (
    who: Actor,
    id: string,
  ): Promise<{ score: number; accredited: boolean } | undefined> => {
    const r = await who.gql.ok<{
      matches: Array<{ score: number; opportunity: { id: string; accredited: boolean } }>;
    }>('{ matches(kinds: [COURSE], first: 50) { score opportunity { id accredited } } }');
    const m = r.matches.find((x) => x.opportunity.id === id);
    return m && { score: m.score, accredited: m.opportunity.accredited };
  };

  const sql = <T>(q: string, params: unknown[] = []) => queryRows<T>(stack.db.url, q, params);

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    anon = stack.gql.as();
    admin = await adminClient(stack);
    await register('provider', 'PROVIDER', 'Test Academy');
    await register('provider2', 'PROVIDER', 'Other Academy');
    await register('employer', 'EMPLOYER', 'Acme Data Ltd');
    await register('employer2', 'EMPLOYER', 'Other Co');
    await register('partner', 'PARTNER', 'Test Partnership');
    await register('partner2', 'PARTNER', 'Other Partnership');
    await register('learner', 'LEARNER');
    await register('private', 'LEARNER');
    const found = await anon.ok<{ skills: Array<{ id: string; label: string }> }>(
      '{ skills(search: "deep learning", first: 1) { id label } }',
    );
    deepLearning = found.skills[0].id;
    otherSkill = await skillIdFor(stack, 'customer service');
  }, 180_000);

  afterAll(() => stack?.close());

  it('refuses to register an organisation for a learner account', async () => {
    const code = await stack.gql.errorCode(REGISTER, {
      input: {
        email: 'x@example.org',
        password: PASSWORD,
        displayName: 'x',
        role: 'LEARNER',
        organisationName: 'Nope',
      },
    });
    expect(code).toBe('BAD_USER_INPUT');
  });

  it('lets an employer post a vacancy and a provider publish a course that teaches what it needs', async () => {
    const v = await a.employer.gql.ok<{ postVacancy: { id: string; kind: string } }>(
      `mutation($org: ID!, $input: ListingInput!) { postVacancy(organisationId: $org, input: $input) { ${LISTING} } }`,
      {
        org: a.employer.orgId,
        input: {
          kind: 'VACANCY',
          title: 'Junior machine learning analyst',
          mode: 'HYBRID',
          postcode: 'M1 1AE',
          skillsRequired: [{ skillId: deepLearning, level: 2 }],
          wagePencePerYear: 2800000,
        },
      },
    );
    vacancyId = v.postVacancy.id;
    const c = await a.provider.gql.ok<{ publishCourse: { id: string; accredited: boolean } }>(
      `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { ${LISTING} } }`,
      {
        org: a.provider.orgId,
        input: {
          kind: 'COURSE',
          title: 'Deep learning in practice',
          mode: 'ONLINE',
          skillsTaught: [{ skillId: deepLearning, level: 3 }],
          costPence: 0,
          hoursPerWeek: 6,
          durationWeeks: 4,
        },
      },
    );
    courseId = c.publishCourse.id;
    expect(c.publishCourse.accredited).toBe(false);

    // A provider cannot post a vacancy, nor publish for another organisation.
    expect(
      await a.provider.gql.errorCode(
        `mutation($org: ID!, $input: ListingInput!) { postVacancy(organisationId: $org, input: $input) { id } }`,
        {
          org: a.provider.orgId,
          input: {
            kind: 'VACANCY',
            title: 'x job',
            mode: 'ONLINE',
            skillsRequired: [{ skillId: deepLearning, level: 2 }],
          },
        },
      ),
    ).toBe('FORBIDDEN');
    expect(
      await a.provider2.gql.errorCode(`mutation($id: ID!) { withdrawListing(id: $id) { id } }`, {
        id: courseId,
      }),
    ).toBe('FORBIDDEN');

    for (const who of [a.learner, a.private]) {
      await who.gql.ok(
        `mutation { updateLearnerProfile(input: { postcode: "M4 6DE", travelRadiusKm: 20, shareWithEmployers: ${who === a.learner} }) { postcode } }`,
      );
      await who.gql.ok(
        `mutation($id: ID!) { setGoal(input: { opportunityId: $id }) { goal { opportunity { id } } } }`,
        { id: vacancyId },
      );
      const plan = await who.gql.ok<{ planRoadmap: { steps: Array<{ opportunity: { id: string } }> } }>(
        'mutation { planRoadmap { steps { opportunity { id } } } }',
      );
      expect(plan.planRoadmap.steps.map((s) => s.opportunity.id)).toContain(courseId);
    }
  });

  it('lets a provider find an employer by name to ask for accreditation, and only employers', async () => {
    const found = await a.provider.gql.ok<{ employers: Array<{ id: string; name: string; kind: string }> }>(
      '{ employers(search: "  acme DATA ") { id name kind } }',
    );
    expect(found.employers).toEqual([{ id: a.employer.orgId, name: 'Acme Data Ltd', kind: 'EMPLOYER' }]);
    // A provider or partnership whose name matches is not offered; LIKE wildcards are taken literally.
    const academy = await a.provider.gql.ok<{ employers: unknown[] }>(
      '{ employers(search: "Academy") { id } }',
    );
    expect(academy.employers).toEqual([]);
    const wildcard = await a.provider.gql.ok<{ employers: unknown[] }>('{ employers(search: "%%") { id } }');
    expect(wildcard.employers).toEqual([]);
    expect(await a.provider.gql.errorCode('{ employers(search: "a") { id } }')).toBe('BAD_USER_INPUT');
    expect(await a.provider.gql.errorCode('{ employers(search: "acme", first: 0) { id } }')).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('rejects bad accreditation requests and approvals, changing nothing', async () => {
    const REQUEST = `mutation($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id status } }`;
    expect(
      await a.provider.gql.errorCode(REQUEST, {
        input: { opportunityId: vacancyId, employerId: a.employer.orgId, skillIds: [deepLearning] },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await a.provider.gql.errorCode(REQUEST, {
        input: { opportunityId: courseId, employerId: a.employer.orgId, skillIds: [otherSkill] },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await a.provider.gql.errorCode(REQUEST, {
        input: { opportunityId: courseId, employerId: a.provider2.orgId, skillIds: [deepLearning] },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await a.provider2.gql.errorCode(REQUEST, {
        input: { opportunityId: courseId, employerId: a.employer.orgId, skillIds: [deepLearning] },
      }),
    ).toBe('FORBIDDEN');
    expect(await sql('SELECT id FROM accreditations WHERE opportunity_id = $1', [courseId])).toEqual([]);

    const req = await a.provider.gql.ok<{ requestAccreditation: { id: string; status: string } }>(REQUEST, {
      input: { opportunityId: courseId, employerId: a.employer.orgId, skillIds: [deepLearning] },
    });
    accreditationId = req.requestAccreditation.id;
    expect(req.requestAccreditation.status).toBe('REQUESTED');
    expect(
      await a.provider.gql.errorCode(REQUEST, {
        input: { opportunityId: courseId, employerId: a.employer.orgId, skillIds: [deepLearning] },
      }),
    ).toBe('CONFLICT');

    const APPROVE = `mutation($id: ID!, $input: ApproveAccreditationInput!) { approveAccreditation(id: $id, input: $input) { status validTo guaranteedInterview } }`;
    const soon = new Date(Date.now() + 86400_000).toISOString();
    const later = new Date(Date.now() + 200 * 86400_000).toISOString();
    expect(
      await a.employer.gql.errorCode(APPROVE, {
        id: accreditationId,
        input: { validFrom: later, validTo: soon },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await a.employer2.gql.errorCode(APPROVE, { id: accreditationId, input: { validTo: later } })).toBe(
      'FORBIDDEN',
    );
    expect(await a.provider.gql.errorCode(APPROVE, { id: accreditationId, input: { validTo: later } })).toBe(
      'FORBIDDEN',
    );
    expect(
      await a.employer.gql.errorCode(APPROVE, {
        id: '00000000-0000-4000-8000-000000000000',
        input: { validTo: later },
      }),
    ).toBe('NOT_FOUND');
    expect(await sql('SELECT status FROM accreditations WHERE opportunity_id = $1', [courseId])).toEqual([
      { status: 'REQUESTED' },
    ]);
  });

  it('accreditation → ranking → confirmed completion → credential → public verification → revocation', async () => {
    const before = await matchScore(a.private, courseId);
    expect(before).toEqual({ score: expect.any(Number), accredited: false });

    const approved = await a.employer.gql.ok<{ approveAccreditation: { status: string } }>(
      `mutation($id: ID!, $input: ApproveAccreditationInput!) { approveAccreditation(id: $id, input: $input) { status } }`,
      {
        id: accreditationId,
        input: { validTo: new Date(Date.now() + 200 * 86400_000).toISOString(), guaranteedInterview: true },
      },
    );
    expect(approved.approveAccreditation.status).toBe('ACTIVE');
    const during = await matchScore(a.private, courseId);
    expect(during!.accredited).toBe(true);
    expect(during!.score).toBeGreaterThan(before!.score);

    // The learner says they finished; nothing is granted until the provider agrees.
    const half = await a.learner.gql.ok<{
      confirmCourseCompletion: { learnerConfirmed: boolean; completed: boolean };
    }>(
      `mutation($id: ID!) { confirmCourseCompletion(opportunityId: $id) { learnerConfirmed providerConfirmed completed } }`,
      { id: courseId },
    );
    expect(half.confirmCourseCompletion).toMatchObject({ learnerConfirmed: true, completed: false });
    expect(await sql(`SELECT 1 FROM learner_skills WHERE source = 'COURSE_COMPLETED'`)).toEqual([]);
    const RECORD_COMPLETION = `mutation($id: ID!, $e: String!) { recordCompletion(opportunityId: $id, learnerEmail: $e) { message } }`;
    expect(await a.provider2.gql.errorCode(RECORD_COMPLETION, { id: courseId, e: a.learner.email })).toBe(
      'FORBIDDEN',
    );
    // The provider's word is a request the learner answers; the reply says nothing about the email.
    const unknown = await a.provider.gql.ok(RECORD_COMPLETION, { id: courseId, e: 'nobody@example.org' });
    const asked = await a.provider.gql.ok(RECORD_COMPLETION, { id: courseId, e: a.learner.email });
    expect(asked).toEqual(unknown);
    expect(await sql(`SELECT 1 FROM learner_skills WHERE source = 'COURSE_COMPLETED'`)).toEqual([]);
    const requests = await a.learner.gql.ok<{
      myParticipationRequests: Array<{ id: string; kind: string; providerName: string; courseTitle: string }>;
    }>('{ myParticipationRequests { id kind providerName courseTitle status } }');
    expect(requests.myParticipationRequests).toEqual([
      expect.objectContaining({ kind: 'COMPLETION', providerName: 'Test Academy', status: 'PENDING' }),
    ]);
    await a.learner.gql.ok(
      `mutation($id: ID!) { respondToParticipationRequest(id: $id, accept: true) { status } }`,
      { id: requests.myParticipationRequests[0].id },
    );
    const done = await a.learner.gql.ok<{
      confirmCourseCompletion: { completed: boolean; credentialIds: string[] };
    }>(`mutation($id: ID!) { confirmCourseCompletion(opportunityId: $id) { completed credentialIds } }`, {
      id: courseId,
    });
    expect(done.confirmCourseCompletion.completed).toBe(true);
    expect(done.confirmCourseCompletion.credentialIds).toHaveLength(1);
    expect(
      await sql(`SELECT user_id, skill_id, level FROM learner_skills WHERE source = 'COURSE_COMPLETED'`),
    ).toEqual([{ user_id: a.learner.id, skill_id: deepLearning, level: 3 }]);

    const creds = await a.learner.gql.ok<{
      myCredentials: Array<{ id: string; jws: string; verifyUrl: string }>;
    }>('{ myCredentials { id jws verifyUrl achievementName } }');
    [{ id: credentialId, jws }] = creds.myCredentials;
    const payload = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString()) as {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test walks a JSON document
      vc: Record<string, any>;
    };
    expect(payload.vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const achievement = payload.vc.credentialSubject.achievement;
    expect(achievement.alignment[0]).toMatchObject({
      targetName: expect.stringMatching(/deep learning/i),
      targetFramework: 'ESCO',
    });
    expect(achievement.alignment[0].targetUrl).toMatch(/^http/);
    expect(achievement.endorsement[0].issuer.name).toBe('Acme Data Ltd');
    expect(JSON.stringify(payload)).not.toContain(a.learner.email);

    const VERIFY = `query($jws: String, $id: ID) { verifyCredential(jws: $jws, id: $id) { valid signatureValid revoked expired reason } }`;
    expect((await anon.ok<{ verifyCredential: unknown }>(VERIFY, { jws })).verifyCredential).toMatchObject({
      valid: true,
      signatureValid: true,
      revoked: false,
      expired: false,
    });
    const rest = await fetch(`${stack.gql.baseUrl}/credentials/${credentialId}/verify`).then((r) => r.json());
    expect(rest).toMatchObject({ valid: true, credentialId });
    const [h, p, s] = jws.split('.');
    const forged = `${h}.${Buffer.from(Buffer.from(p, 'base64url').toString().replace('Deep learning', 'Brain surgery')).toString('base64url')}.${s}`;
    expect(
      (await anon.ok<{ verifyCredential: unknown }>(VERIFY, { jws: forged })).verifyCredential,
    ).toMatchObject({ valid: false, signatureValid: false });

    // Revoked: ranking and verification reflect it at once.
    const revoked = await a.employer.gql.ok<{ revokeAccreditation: { status: string; reason: string } }>(
      `mutation($id: ID!) { revokeAccreditation(id: $id, input: { reason: "The course dropped its practical projects" }) { status reason } }`,
      { id: accreditationId },
    );
    expect(revoked.revokeAccreditation.status).toBe('REVOKED');
    const after = await matchScore(a.private, courseId);
    expect(after).toEqual({ score: before!.score, accredited: false });
    const check = await anon.ok<{ verifyCredential: { valid: boolean; revoked: boolean; reason: string } }>(
      VERIFY,
      { id: credentialId },
    );
    expect(check.verifyCredential).toMatchObject({ valid: false, signatureValid: true, revoked: true });
    expect(check.verifyCredential.reason).toContain('practical projects');
    expect(
      await a.employer.gql.errorCode(
        `mutation($id: ID!) { revokeAccreditation(id: $id, input: { reason: "again" }) { status } }`,
        { id: accreditationId },
      ),
    ).toBe('CONFLICT');
  });

  it('shows an employer only consenting candidates for its own vacancies, audits it, and shares contact only on acceptance', async () => {
    await a.private.gql.ok(
      `mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { skills { level } } }`,
      { s: [{ skillId: deepLearning, level: 4 }] },
    );
    const CANDIDATES = `query($id: ID!) { vacancyCandidates(vacancyId: $id) { candidateId fit borough stepsCompleted stepsTotal skills { level skill { id } } } }`;
    const list = await a.employer.gql.ok<{ vacancyCandidates: Array<Record<string, unknown>> }>(CANDIDATES, {
      id: vacancyId,
    });
    // A pseudonym for this employer, never the learner's id.
    expect(list.vacancyCandidates).toHaveLength(1);
    const candidate = list.vacancyCandidates[0].candidateId as string;
    expect(candidate).not.toBe(a.learner.id);
    expect(list.vacancyCandidates[0]).toMatchObject({ fit: 1, borough: expect.any(String) });
    expect(JSON.stringify(list)).not.toMatch(/example\.org|"learner"/);
    expect(await a.employer2.gql.errorCode(CANDIDATES, { id: vacancyId })).toBe('FORBIDDEN');
    expect(await a.partner.gql.errorCode(CANDIDATES, { id: vacancyId })).toBe('FORBIDDEN');
    expect(
      await sql(`SELECT subject_user_id, action FROM audit_log WHERE action = 'CANDIDATE_VIEWED'`),
    ).toEqual([{ subject_user_id: a.learner.id, action: 'CANDIDATE_VIEWED' }]);

    const EXPRESS = `mutation($v: ID!, $c: ID!) { expressInterest(vacancyId: $v, candidateId: $c, message: "We'd like to talk") { id status } }`;
    expect(await a.employer.gql.errorCode(EXPRESS, { v: vacancyId, c: a.private.id })).toBe('NOT_FOUND');
    // The real id no longer works either: only the pseudonym the employer was shown.
    expect(await a.employer.gql.errorCode(EXPRESS, { v: vacancyId, c: a.learner.id })).toBe('NOT_FOUND');
    expect(await a.employer2.gql.errorCode(EXPRESS, { v: vacancyId, c: candidate })).toBe('FORBIDDEN');
    const sent = await a.employer.gql.ok<{ expressInterest: { id: string; status: string } }>(EXPRESS, {
      v: vacancyId,
      c: candidate,
    });
    expect(await a.employer.gql.errorCode(EXPRESS, { v: vacancyId, c: candidate })).toBe('CONFLICT');
    const INTERESTS = `query($v: ID!) { vacancyInterests(vacancyId: $v) { status contactName contactEmail } }`;
    expect(
      (await a.employer.gql.ok<{ vacancyInterests: unknown[] }>(INTERESTS, { v: vacancyId }))
        .vacancyInterests,
    ).toEqual([{ status: 'PENDING', contactName: null, contactEmail: null }]);
    expect(
      await a.private.gql.errorCode(
        `mutation($id: ID!) { respondToInterest(id: $id, accept: true) { status } }`,
        { id: sent.expressInterest.id },
      ),
    ).toBe('NOT_FOUND');
    const RECORD = `mutation($id: ID!, $k: OutcomeKind!) { recordCandidateOutcome(interestId: $id, kind: $k) { status recordedOutcomes } }`;
    // Not before the learner accepts: until then the employer does not even know who they are.
    expect(await a.employer.gql.errorCode(RECORD, { id: sent.expressInterest.id, k: 'INTERVIEWED' })).toBe(
      'CONFLICT',
    );
    await a.learner.gql.ok(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { status } }`, {
      id: sent.expressInterest.id,
    });
    expect(
      (await a.employer.gql.ok<{ vacancyInterests: unknown[] }>(INTERESTS, { v: vacancyId }))
        .vacancyInterests,
    ).toEqual([{ status: 'ACCEPTED', contactName: 'learner', contactEmail: a.learner.email }]);

    // The employer records the interview: the second party to what the learner reports.
    const id = sent.expressInterest.id;
    interestId = id;
    expect(await a.employer2.gql.errorCode(RECORD, { id, k: 'INTERVIEWED' })).toBe('FORBIDDEN');
    expect(await a.learner.gql.errorCode(RECORD, { id, k: 'INTERVIEWED' })).toBe('FORBIDDEN');
    expect(await a.employer.gql.errorCode(RECORD, { id, k: 'APPLIED' })).toBe('BAD_USER_INPUT');
    expect(await a.employer.gql.errorCode(RECORD, { id: 'not-a-uuid', k: 'INTERVIEWED' })).toBe('NOT_FOUND');
    expect(await sql(`SELECT 1 FROM learner_outcomes WHERE recorded_by = 'EMPLOYER'`)).toEqual([]);
    for (let i = 0; i < 2; i++)
      expect(
        (await a.employer.gql.ok<{ recordCandidateOutcome: unknown }>(RECORD, { id, k: 'INTERVIEWED' }))
          .recordCandidateOutcome,
      ).toEqual({ status: 'ACCEPTED', recordedOutcomes: ['INTERVIEWED'] });
    expect(
      await sql(`SELECT user_id, kind, opportunity_id FROM learner_outcomes WHERE recorded_by = 'EMPLOYER'`),
    ).toEqual([{ user_id: a.learner.id, kind: 'INTERVIEWED', opportunity_id: vacancyId }]);
    expect(await sql(`SELECT subject_user_id FROM audit_log WHERE action = 'OUTCOME_RECORDED'`)).toEqual([
      { subject_user_id: a.learner.id },
    ]);
    const told = await a.learner.gql.ok<{ notifications: Array<{ kind: string; title: string }> }>(
      '{ notifications(first: 10) { kind title } }',
    );
    expect(told.notifications).toContainEqual({
      kind: 'EMPLOYER_OUTCOME',
      title: 'Acme Data Ltd recorded your interview',
    });
    expect(
      (
        await a.learner.gql.ok<{ myExpressionsOfInterest: Array<{ recordedOutcomes: string[] }> }>(
          '{ myExpressionsOfInterest { recordedOutcomes } }',
        )
      ).myExpressionsOfInterest,
    ).toEqual([{ recordedOutcomes: ['INTERVIEWED'] }]);
  });

  it('runs a cohort: join by code with consent, individual progress only with its consent, small numbers suppressed', async () => {
    const created = await a.partner.gql.ok<{ createCohort: { id: string; joinCode: string } }>(
      `mutation($p: ID!) { createCohort(partnershipId: $p, name: "Spring 2027") { id joinCode } }`,
      { p: a.partner.orgId },
    );
    ({ id: cohortId, joinCode } = created.createCohort);
    const JOIN = `mutation($code: String!, $consent: Boolean!, $mon: Boolean!) { joinCohort(code: $code, consent: $consent, individualMonitoring: $mon) { id individualMonitoring } }`;
    expect(await a.learner.gql.errorCode(JOIN, { code: 'WRONGCODE', consent: true, mon: true })).toBe(
      'NOT_FOUND',
    );
    expect(await a.learner.gql.errorCode(JOIN, { code: joinCode, consent: false, mon: true })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await sql('SELECT 1 FROM cohort_members')).toEqual([]);
    await a.learner.gql.ok(JOIN, { code: joinCode, consent: true, mon: true });
    await a.private.gql.ok(JOIN, { code: joinCode.toLowerCase(), consent: true, mon: false });
    expect(await a.private.gql.errorCode(JOIN, { code: joinCode, consent: true, mon: false })).toBe(
      'CONFLICT',
    );

    // Five more learners who only joined: seven in all, one shown one by one.
    for (let i = 0; i < 5; i++) {
      await register(`extra${i}`, 'LEARNER');
      await a[`extra${i}`].gql.ok(JOIN, { code: joinCode, consent: true, mon: false });
    }

    const DASH = `query($id: ID!) { cohortDashboard(cohortId: $id) {
      funnel { stage count { value suppressed label } } bootcamp { stage count { value suppressed } }
      journey { nodes links { source target count { value suppressed } } }
      skills { demand skill { id } heldTotal { value suppressed } held { borough count { value suppressed } } learningTotal { value suppressed } }
      interviews { promised { value suppressed } recorded { value suppressed } }
      learners { userId displayName stage stepsCompleted stepsTotal } } }`;
    // Counted in intakes of five: the first five, of whom only four are not shown one by one. Any
    // figure would narrow down what those four did, so none is published.
    const small = (await a.partner.gql.ok<{ cohortDashboard: any }>(DASH, { id: cohortId })).cohortDashboard; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep GraphQL result
    expect(small.funnel.map((f: { count: unknown }) => f.count)).toEqual(
      Array(8).fill({ value: null, suppressed: true, label: 'hidden to protect privacy' }),
    );
    for (let i = 5; i < 8; i++) {
      await register(`extra${i}`, 'LEARNER');
      await a[`extra${i}`].gql.ok(JOIN, { code: joinCode, consent: true, mon: false });
    }
    const d = (await a.partner.gql.ok<{ cohortDashboard: any }>(DASH, { id: cohortId })).cohortDashboard; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep GraphQL result
    // 10 joined, 8 stopped there, 2 went on: "Joined" and "stopped after Joined" cannot both be shown.
    const stoppedAtJoined = d.journey.links.find(
      (l: { target: string }) => l.target === 'Stopped after: Joined',
    ).count;
    expect(d.funnel[0].count.suppressed || stoppedAtJoined.suppressed).toBe(true);
    expect([10, null]).toContain(d.funnel[0].count.value);
    const published = [
      ...d.funnel.map((f: { count: { value: number | null } }) => f.count),
      ...d.journey.links.map((l: { count: unknown }) => l.count),
      ...d.bootcamp.map((f: { count: unknown }) => f.count),
      d.interviews.promised,
      d.interviews.recorded,
      ...d.skills.flatMap(
        (s: { heldTotal: unknown; held: Array<{ count: unknown }>; learningTotal: unknown }) => [
          s.heldTotal,
          s.learningTotal,
          ...s.held.map((h) => h.count),
        ],
      ),
    ] as Array<{ value: number | null; suppressed: boolean }>;
    for (const c of published)
      expect(c.suppressed ? c.value === null : c.value! % 5 === 0 && (c.value === 0 || c.value! >= 5)).toBe(
        true,
      );
    // Two learners went beyond joining, so "Profile complete" (2) must not be derivable.
    expect(d.funnel[1].count.suppressed).toBe(true);
    expect(d.interviews.promised.suppressed).toBe(true);
    expect(d.learners.map((l: { userId: string }) => l.userId)).toEqual([a.learner.id]);
    expect(
      await sql(`SELECT subject_user_id FROM audit_log WHERE action = 'COHORT_PROGRESS_VIEWED'`),
    ).toEqual([{ subject_user_id: a.learner.id }, { subject_user_id: a.learner.id }]); // one per reading

    const csv = await a.partner.gql.ok<{ cohortDashboardCsv: Array<{ name: string; content: string }> }>(
      `query($id: ID!) { cohortDashboardCsv(cohortId: $id) { name content } }`,
      { id: cohortId },
    );
    expect(csv.cohortDashboardCsv.map((f) => f.name)).toEqual([
      'funnel.csv',
      'bootcamp-milestones.csv',
      'journey-flows.csv',
      'skills-demand-supply.csv',
      'guaranteed-interviews.csv',
    ]);
    const numbers = csv.cohortDashboardCsv
      .filter((f) => f.name !== 'skills-demand-supply.csv')
      .flatMap((f) =>
        f.content
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',').at(-1)!),
      );
    for (const n of numbers)
      expect(n === '[c]' || n === '0' || (Number(n) >= 5 && Number(n) % 5 === 0)).toBe(true);
    expect(csv.cohortDashboardCsv[0].content).toMatch(/^Joined,(10|\[c\])$/m);

    expect(await a.partner2.gql.errorCode(DASH, { id: cohortId })).toBe('FORBIDDEN');
    expect(await a.employer.gql.errorCode(DASH, { id: cohortId })).toBe('FORBIDDEN');

    // Leaving removes a learner from future figures; withdrawing monitoring consent hides them at once.
    await a.extra0.gql.ok(`mutation($id: ID!) { leaveCohort(cohortId: $id) }`, { id: cohortId });
    await a.learner.gql.ok(
      `mutation($id: ID!) { setCohortMonitoringConsent(cohortId: $id, consent: false) }`,
      { id: cohortId },
    );
    const d2 = (await a.partner.gql.ok<{ cohortDashboard: any }>(DASH, { id: cohortId })).cohortDashboard; // eslint-disable-line @typescript-eslint/no-explicit-any -- a deep GraphQL result
    // Nine left to count: the first intake of five, none shown one by one now.
    expect(d2.funnel[0].count).toEqual({ value: 5, suppressed: false, label: '5' });
    expect(d2.learners).toEqual([]);
  });

  it('authorisation matrix: every new operation refuses anonymous callers, wrong roles and non-members', async () => {
    const later = new Date(Date.now() + 100 * 86400_000).toISOString();
    const course = {
      kind: 'COURSE',
      title: 'Matrix course',
      mode: 'ONLINE',
      skillsTaught: [{ skillId: deepLearning, level: 2 }],
    };
    const vacancy = {
      kind: 'VACANCY',
      title: 'Matrix job',
      mode: 'ONLINE',
      skillsRequired: [{ skillId: deepLearning, level: 2 }],
    };
    // `allowed`: callers who get through (CONFLICT counts: the state, not the caller, stopped it); everyone else gets FORBIDDEN.
    const ops: Array<{ name: string; q: string; v: Record<string, unknown>; allowed: string[] }> = [
      {
        name: 'myOrganisations',
        q: '{ myOrganisations { role } }',
        v: {},
        allowed: ['employer', 'employer2', 'provider', 'provider2', 'partner', 'partner2'],
      },
      {
        name: 'employers',
        q: '{ employers(search: "acme") { id } }',
        v: {},
        allowed: ['provider', 'provider2'],
      },
      {
        name: 'organisationMembers',
        q: 'query($o: ID!) { organisationMembers(organisationId: $o) { email } }',
        v: { o: a.employer.orgId },
        allowed: ['employer'],
      },
      {
        name: 'inviteToOrganisation',
        q: 'mutation($o: ID!) { inviteToOrganisation(input: { organisationId: $o, email: "new@example.org" }) { token } }',
        v: { o: a.provider.orgId },
        allowed: ['provider'],
      },
      {
        name: 'publishCourse',
        q: 'mutation($o: ID!, $i: ListingInput!) { publishCourse(organisationId: $o, input: $i) { id } }',
        v: { o: a.provider.orgId, i: course },
        allowed: ['provider'],
      },
      {
        name: 'postVacancy',
        q: 'mutation($o: ID!, $i: ListingInput!) { postVacancy(organisationId: $o, input: $i) { id } }',
        v: { o: a.employer.orgId, i: vacancy },
        allowed: ['employer'],
      },
      {
        name: 'updateListing',
        q: 'mutation($id: ID!, $i: ListingInput!) { updateListing(id: $id, input: $i) { id } }',
        v: { id: courseId, i: { ...course, title: 'Deep learning in practice' } },
        allowed: ['provider'],
      },
      {
        name: 'organisationListings',
        q: 'query($o: ID!) { organisationListings(organisationId: $o) { id } }',
        v: { o: a.provider.orgId },
        allowed: ['provider'],
      },
      {
        name: 'organisationAccreditations',
        q: 'query($o: ID!) { organisationAccreditations(organisationId: $o) { id } }',
        v: { o: a.employer.orgId },
        allowed: ['employer'],
      },
      {
        name: 'declineAccreditation',
        q: 'mutation($id: ID!) { declineAccreditation(id: $id, input: { reason: "no thanks" }) { id } }',
        v: { id: accreditationId },
        allowed: ['employer'],
      },
      {
        name: 'recordEnrolment',
        q: 'mutation($id: ID!, $e: String!) { recordEnrolment(opportunityId: $id, learnerEmail: $e) { message } }',
        v: { id: courseId, e: a.private.email },
        allowed: ['provider'],
      },
      {
        name: 'confirmCourseCompletion',
        q: 'mutation($id: ID!) { confirmCourseCompletion(opportunityId: $id) { completed } }',
        v: { id: courseId },
        allowed: ['learner', 'private'],
      },
      { name: 'myCredentials', q: '{ myCredentials { id } }', v: {}, allowed: ['learner', 'private'] },
      {
        name: 'myParticipationRequests',
        q: '{ myParticipationRequests { id } }',
        v: {},
        allowed: ['learner', 'private'],
      },
      {
        name: 'submitOrganisationEvidence',
        q: 'mutation($o: ID!) { submitOrganisationEvidence(input: { organisationId: $o, evidenceKind: UKPRN, evidenceNumber: "10099999" }) { id } }',
        v: { o: a.provider2.orgId },
        allowed: ['provider2'],
      },
      { name: 'organisationsToVerify', q: '{ organisationsToVerify { id } }', v: {}, allowed: [] },
      {
        name: 'verifyOrganisation',
        q: 'mutation($o: ID!) { verifyOrganisation(id: $o) { id } }',
        v: { o: a.provider2.orgId },
        allowed: [],
      },
      {
        name: 'rejectOrganisation',
        q: 'mutation($o: ID!) { rejectOrganisation(id: $o, reason: "not real") { id } }',
        v: { o: a.provider2.orgId },
        allowed: [],
      },
      {
        name: 'organisationAudit',
        q: 'query($o: ID!) { organisationAudit(id: $o) { action } }',
        v: { o: a.provider2.orgId },
        allowed: [],
      },
      {
        name: 'vacancyCandidates',
        q: 'query($id: ID!) { vacancyCandidates(vacancyId: $id) { candidateId } }',
        v: { id: vacancyId },
        allowed: ['employer'],
      },
      {
        name: 'vacancyInterests',
        q: 'query($id: ID!) { vacancyInterests(vacancyId: $id) { status } }',
        v: { id: vacancyId },
        allowed: ['employer'],
      },
      {
        name: 'recordCandidateOutcome',
        q: 'mutation($id: ID!) { recordCandidateOutcome(interestId: $id, kind: INTERVIEWED) { status } }',
        v: { id: interestId },
        allowed: ['employer'],
      },
      {
        name: 'myExpressionsOfInterest',
        q: '{ myExpressionsOfInterest { id } }',
        v: {},
        allowed: ['learner', 'private'],
      },
      {
        name: 'partnershipCohorts',
        q: 'query($p: ID!) { partnershipCohorts(partnershipId: $p) { id } }',
        v: { p: a.partner.orgId },
        allowed: ['partner'],
      },
      {
        name: 'cohortDashboard',
        q: 'query($id: ID!) { cohortDashboard(cohortId: $id) { cohortId } }',
        v: { id: cohortId },
        allowed: ['partner'],
      },
      {
        name: 'cohortDashboardCsv',
        q: 'query($id: ID!) { cohortDashboardCsv(cohortId: $id) { name } }',
        v: { id: cohortId },
        allowed: ['partner'],
      },
      { name: 'myCohorts', q: '{ myCohorts { id } }', v: {}, allowed: ['learner', 'private'] },
      {
        name: 'createCohort',
        q: 'mutation($p: ID!) { createCohort(partnershipId: $p, name: "m") { id } }',
        v: { p: a.partner.orgId },
        allowed: ['partner'],
      },
      {
        name: 'approveAccreditation',
        q: `mutation($id: ID!) { approveAccreditation(id: $id, input: { validTo: "${later}" }) { id } }`,
        v: { id: accreditationId },
        allowed: ['employer'],
      },
    ];
    const actors = [
      'learner',
      'private',
      'employer',
      'employer2',
      'provider',
      'provider2',
      'partner',
      'partner2',
    ];
    const failures: string[] = [];
    for (const op of ops) {
      const anonCode = (await anon.request(op.q, op.v)).errors?.[0]?.extensions?.code;
      if (anonCode !== 'UNAUTHENTICATED') failures.push(`${op.name} as anonymous: ${anonCode ?? 'allowed'}`);
      for (const who of actors) {
        const r = await a[who].gql.request(op.q, op.v);
        const code = r.errors?.[0]?.extensions?.code;
        if (op.allowed.includes(who)) {
          if (code && code !== 'CONFLICT')
            failures.push(`${op.name} as ${who}: expected allowed, got ${code} (${r.errors?.[0]?.message})`);
        } else if (code !== 'FORBIDDEN')
          failures.push(`${op.name} as ${who}: expected FORBIDDEN, got ${code ?? 'allowed'}`);
      }
    }
    expect(failures).toEqual([]);
    // verifyCredential is public by design.
    expect(
      (
        await anon.ok<{ verifyCredential: { signatureValid: boolean } }>(
          'query($id: ID) { verifyCredential(id: $id) { signatureValid } }',
          { id: credentialId },
        )
      ).verifyCredential.signatureValid,
    ).toBe(true);
  });
});
