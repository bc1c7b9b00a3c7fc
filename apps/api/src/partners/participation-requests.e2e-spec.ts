import { loadDemoRegion } from '@skillpath/demo-region';
import { queryRows } from '@skillpath/testing';
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

const ENROL = `mutation($id: ID!, $e: String!) { recordEnrolment(opportunityId: $id, learnerEmail: $e) { message } }`;
const COMPLETE = `mutation($id: ID!, $e: String!) { recordCompletion(opportunityId: $id, learnerEmail: $e) { message } }`;
const REQUESTS = `{ myParticipationRequests { id kind courseTitle providerName status } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToParticipationRequest(id: $id, accept: $accept) { status respondedAt } }`;

/**
 * Issue 13, "providers are no email oracle", replayed: recordEnrolment/recordCompletion answered
 * differently when the email had the course on its roadmap, and moved the learner's step with no
 * consent or audit.
 */
describe('providers ask, learners answer: no email oracle, nothing moves before consent', () => {
  let stack: TestStack;
  let courseId: string;
  const a: Record<string, Actor> = {};
  const sql = <T>(q: string, params: unknown[] = []) => queryRows<T>(stack.db.url, q, params);

  async function register(key: string, role: string, organisationName?: string): Promise<Actor> {
    a[key] = await registerActor(stack, `${key}@example.org`, role, organisationName);
    return a[key];
  }

  /** The provider's raw HTTP response body, exactly as a client receives it. */
  async function raw(query: string, email: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${stack.gql.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.provider.token}` },
      body: JSON.stringify({ query, variables: { id: courseId, e: email } }),
    });
    return { status: res.status, body: await res.text() };
  }

  /** Everything about a learner's record that a provider's word could move. */
  const recordOf = async (userId: string) => ({
    steps: await sql(
      `SELECT s.opportunity_id, s.status FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = $1 ORDER BY s.id`,
      [userId],
    ),
    participations: await sql(
      `SELECT enrolled_at, provider_completed_at, learner_completed_at, completed_at FROM course_participations WHERE user_id = $1`,
      [userId],
    ),
    skills: await sql(
      `SELECT skill_id, level, source FROM learner_skills WHERE user_id = $1 ORDER BY skill_id, source`,
      [userId],
    ),
    credentials: await sql(`SELECT id FROM credentials WHERE user_id = $1`, [userId]),
  });

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    const admin = await adminClient(stack);
    const skillId = await skillIdFor(stack, 'deep learning');
    await register('provider', 'PROVIDER', 'Oracle Academy');
    await verifyOrganisation(a.provider.gql, admin, a.provider.orgId!, 'PROVIDER');
    await register('employer', 'EMPLOYER', 'Goal Co');
    const v = await postVacancy(a.employer, {
      kind: 'VACANCY',
      title: 'ML analyst',
      mode: 'ONLINE',
      skillsRequired: [{ skillId, level: 2 }],
    });
    courseId = await publishCourse(a.provider, {
      kind: 'COURSE',
      title: 'Deep learning basics',
      mode: 'ONLINE',
      skillsTaught: [{ skillId, level: 3 }],
      costPence: 0,
      hoursPerWeek: 4,
      durationWeeks: 4,
    });
    // planned: the course is on their roadmap; unplanned: an account without it.
    await register('planned', 'LEARNER');
    await register('unplanned', 'LEARNER');
    await a.planned.gql.ok(
      'mutation { updateLearnerProfile(input: { postcode: "M4 6DE", travelRadiusKm: 20 }) { postcode } }',
    );
    await a.planned.gql.ok(
      `mutation($id: ID!) { setGoal(input: { opportunityId: $id }) { goal { opportunity { id } } } }`,
      {
        id: v,
      },
    );
    const plan = await a.planned.gql.ok<{
      planRoadmap: { steps: Array<{ opportunity: { id: string } | null }> };
    }>('mutation { planRoadmap { steps { opportunity { id } } } }');
    expect(plan.planRoadmap.steps.map((s) => s.opportunity?.id)).toContain(courseId);
  }, 120_000);

  afterAll(() => stack?.close());

  it.each([
    ['recordEnrolment', ENROL],
    ['recordCompletion', COMPLETE],
  ])(
    '%s answers byte for byte the same for a planned learner, an unplanned one and an unknown email',
    async (_, q) => {
      const planned = await raw(q, a.planned.email);
      const unplanned = await raw(q, a.unplanned.email);
      const unknown = await raw(q, 'nobody-at-all@example.org');
      const shouted = await raw(q, `  ${a.planned.email.toUpperCase()} `);
      expect(unplanned).toEqual(planned);
      expect(unknown).toEqual(planned);
      expect(shouted).toEqual(planned);
      expect(planned.status).toBe(200);
      expect(JSON.parse(planned.body)).toEqual({
        data: { [_]: { message: expect.stringMatching(/Nothing changes on their record until they do/) } },
      });
    },
  );

  it('refuses what does not depend on the email: another provider, a malformed email', async () => {
    await register('provider2', 'PROVIDER', 'Other Academy');
    expect(await a.provider2.gql.errorCode(ENROL, { id: courseId, e: a.planned.email })).toBe('FORBIDDEN');
    expect(await a.provider.gql.errorCode(ENROL, { id: courseId, e: 'not an email' })).toBe('BAD_USER_INPUT');
  });

  it('nothing moves until the learner says yes; the request names the provider; a decline changes nothing; all audited', async () => {
    const before = await recordOf(a.planned.id);
    // The previous test asked twice of each kind: one open request per kind, not four.
    const asked = await a.planned.gql.ok<{
      myParticipationRequests: Array<{ id: string; kind: string; providerName: string; status: string }>;
    }>(REQUESTS);
    expect(asked.myParticipationRequests.map((r) => r.kind).sort()).toEqual(['COMPLETION', 'ENROLMENT']);
    expect(asked.myParticipationRequests.every((r) => r.providerName === 'Oracle Academy')).toBe(true);
    const notes = await a.planned.gql.ok<{
      notifications: Array<{ kind: string; title: string }>;
    }>('{ notifications(first: 20) { kind title } }');
    expect(
      notes.notifications
        .filter((n) => n.kind === 'PARTICIPATION_REQUEST')
        .map((n) => n.title)
        .sort(),
    ).toEqual([
      'Oracle Academy says you completed Deep learning basics',
      'Oracle Academy says you enrolled on Deep learning basics',
    ]);
    // The others were not asked anything.
    expect(await a.unplanned.gql.ok(REQUESTS)).toEqual({ myParticipationRequests: [] });
    expect(await recordOf(a.planned.id)).toEqual(before);

    const enrolment = asked.myParticipationRequests.find((r) => r.kind === 'ENROLMENT')!;
    const completion = asked.myParticipationRequests.find((r) => r.kind === 'COMPLETION')!;
    // Nobody else can answer for them.
    expect(await a.unplanned.gql.errorCode(RESPOND, { id: enrolment.id, accept: true })).toBe('NOT_FOUND');
    expect(await a.provider.gql.errorCode(RESPOND, { id: enrolment.id, accept: true })).toBe('FORBIDDEN');

    // Declining the completion changes nothing.
    await a.planned.gql.ok(RESPOND, { id: completion.id, accept: false });
    expect(await recordOf(a.planned.id)).toEqual(before);
    expect(await a.planned.gql.errorCode(RESPOND, { id: completion.id, accept: true })).toBe('CONFLICT');

    // Accepting the enrolment moves the step, and only then.
    await a.planned.gql.ok(RESPOND, { id: enrolment.id, accept: true });
    const after = await recordOf(a.planned.id);
    expect(after.steps).toContainEqual({ opportunity_id: courseId, status: 'ENROLLED' });
    expect(after.skills).toEqual(before.skills);
    expect(after.credentials).toEqual([]);

    const audit = await sql<{ actor_user_id: string; action: string }>(
      `SELECT actor_user_id, action FROM audit_log WHERE subject_user_id = $1 AND action ~ '^(ENROLMENT|COMPLETION)_' ORDER BY at, action`,
      [a.planned.id],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor_user_id: a.provider.id, action: 'ENROLMENT_REQUESTED' },
        { actor_user_id: a.provider.id, action: 'COMPLETION_REQUESTED' },
        { actor_user_id: a.planned.id, action: 'COMPLETION_DECLINED' },
        { actor_user_id: a.planned.id, action: 'ENROLMENT_ACCEPTED' },
      ]),
    );
    expect(audit).toHaveLength(4);
  });

  it('an accepted completion is both halves: the course completes and its skills are added', async () => {
    await a.provider.gql.ok(COMPLETE, { id: courseId, e: a.planned.email });
    const asked = await a.planned.gql.ok<{ myParticipationRequests: Array<{ id: string; kind: string }> }>(
      REQUESTS,
    );
    expect(asked.myParticipationRequests).toEqual([
      expect.objectContaining({ kind: 'COMPLETION', status: 'PENDING' }),
    ]);
    await a.planned.gql.ok(RESPOND, { id: asked.myParticipationRequests[0].id, accept: true });
    const after = await recordOf(a.planned.id);
    expect(after.steps).toContainEqual({ opportunity_id: courseId, status: 'COMPLETED' });
    expect(after.skills).toContainEqual(expect.objectContaining({ source: 'COURSE_COMPLETED', level: 3 }));
  });

  it('every role can export its data: the provider gets its account, organisation, requests and log, and no learner identity', async () => {
    const EXPORT = '{ exportMyOrganisationData }';
    const { exportMyOrganisationData: data } = await a.provider.gql.ok<{
      exportMyOrganisationData: {
        account: { email: string };
        organisations: Array<{
          name: string;
          verification: string;
          participationRequests: unknown[];
          verificationLog: unknown[];
        }>;
      };
    }>(EXPORT);
    expect(data.account.email).toBe(a.provider.email);
    expect(data.organisations).toHaveLength(1);
    expect(data.organisations[0]).toMatchObject({ name: 'Oracle Academy', verification: 'VERIFIED' });
    expect(data.organisations[0].participationRequests.length).toBeGreaterThanOrEqual(3);
    expect(data.organisations[0].verificationLog).toEqual([
      expect.objectContaining({ action: 'EVIDENCE_SUBMITTED' }),
      expect.objectContaining({ action: 'ORGANISATION_VERIFIED' }),
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain(a.planned.email);
    expect(text).not.toContain(a.planned.id);
    expect(text).not.toMatch(/password|token_?hash/i);
    // Learners export theirs with exportMyData; this one is for staff accounts.
    expect(await a.planned.gql.errorCode(EXPORT)).toBe('FORBIDDEN');
    expect(await stack.gql.as().errorCode(EXPORT)).toBe('UNAUTHENTICATED');
    const learner = await a.planned.gql.ok<{
      exportMyData: {
        account: { email: string };
        participationRequests: Array<{ provider: string; status: string }>;
      };
    }>('{ exportMyData }');
    expect(learner.exportMyData.account.email).toBe(a.planned.email);
    // The learner's export includes the providers' requests and their answers.
    expect(learner.exportMyData.participationRequests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider: 'Oracle Academy', status: 'DECLINED' }),
        expect.objectContaining({ provider: 'Oracle Academy', status: 'ACCEPTED' }),
      ]),
    );
  });
});
