import { loadDemoRegion } from '@skillpath/demo-region';
import { eventually, GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`;
const ROADMAP_FIELDS = `id version reachable coverage totalHours totalCostPence reason trigger summary
  changes { added removed }
  goal { occupation { id title } }
  missingSkills { label }
  steps { id position kind status why hours costPence distanceKm plannedStart
          opportunity { id title kind } skillsGained { level skill { id label } } }`;

describe('the resident journey, end to end through GraphQL', () => {
  let stack: TestStack;
  let me: GraphQLTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ worker: true, seed: loadDemoRegion });
    const reg = await stack.gql.ok<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: 'sam@example.org', password: 'a long enough password', displayName: 'Sam' },
    });
    me = stack.gql.as(reg.register.accessToken);
  }, 60000);

  afterAll(() => stack?.close());

  it('goes from no digital skills to a roadmap, progress, re-planning, export and deletion', async () => {
    // 1. The Essential Digital Skills self-check, for someone starting from almost nothing.
    const questions = await me.ok<{ selfCheckQuestions: Array<{ id: string }> }>(
      '{ selfCheckQuestions { id area text } }',
    );
    expect(questions.selfCheckQuestions.length).toBeGreaterThanOrEqual(8);
    const answers = questions.selfCheckQuestions.map((q, i) => ({
      questionId: q.id,
      answer: i < 2 ? 'WITH_HELP' : 'NO',
    }));
    const afterCheck = await me.ok<{
      submitSelfCheck: {
        selfCheckCompleted: boolean;
        skills: Array<{ level: number; skill: { label: string } }>;
      };
    }>(
      `mutation($a: [SelfCheckAnswer!]!) { submitSelfCheck(answers: $a) { selfCheckCompleted skills { level skill { label } } } }`,
      { a: answers },
    );
    expect(afterCheck.submitSelfCheck.selfCheckCompleted).toBe(true);
    expect(afterCheck.submitSelfCheck.skills).toEqual([
      { level: 1, skill: { label: 'Digital foundation skills' } },
    ]);

    // 2. Profile: where they live, how far they travel, what they can afford.
    await me.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M4 6DE", travelRadiusKm: 15, hoursPerWeek: 10, budgetPence: 0,
         ageBand: AGE_24_49, employmentStatus: UNEMPLOYED, receivingBenefits: true, shareWithPartnerships: true }) { postcode borough } }`,
    );

    // 3. Skills with autocomplete: "customer service" is something they have done at work.
    const found = await me.ok<{ skills: Array<{ id: string; label: string }> }>(
      `{ skills(search: "customer serv", first: 3) { id label } }`,
    );
    expect(found.skills.length).toBeGreaterThan(0);
    // Roles asked for before the skill is added are not what comes back after (answers are cached per learner).
    const fitsOf = async () =>
      new Map(
        (
          await me.ok<{ reachableRoles: Array<{ occupation: { id: string }; fit: number }> }>(
            '{ reachableRoles(first: 20) { occupation { id } fit } }',
          )
        ).reachableRoles.map((r) => [r.occupation.id, r.fit]),
      );
    const fitsBefore = await fitsOf();
    await me.ok(`mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { skills { level } } }`, {
      s: [{ skillId: found.skills[0].id, level: 3 }],
    });
    const fitsAfter = await fitsOf();
    expect([...fitsAfter].some(([id, fit]) => fit > (fitsBefore.get(id) ?? 0))).toBe(true);

    // 4. Roles within reach, then a goal.
    const roles = await me.ok<{
      reachableRoles: Array<{
        occupation: { id: string; title: string };
        gapHours: number;
        localVacancies: number;
      }>;
    }>(
      '{ reachableRoles(first: 10) { occupation { id title } score fit gapHours localVacancies explanation missingSkills { label } } }',
    );
    expect(roles.reachableRoles.length).toBeGreaterThan(3);
    const itSupport =
      roles.reachableRoles.find((r) => /IT support/i.test(r.occupation.title)) ?? roles.reachableRoles[0];
    await me.ok(
      `mutation($id: ID!) { setGoal(input: { occupationId: $id }) { goal { occupation { title } } } }`,
      { id: itSupport.occupation.id },
    );

    // 5. A plan: reachable, ordered, costed, explained.
    const planned = await me.ok<{
      planRoadmap: {
        version: number;
        totalHours: number;
        reachable: boolean;
        coverage: number;
        steps: Array<{
          id: string;
          kind: string;
          why: string;
          status: string;
          costPence: number;
          opportunity: { title: string };
        }>;
      };
    }>(`mutation { planRoadmap { ${ROADMAP_FIELDS} } }`);
    const plan = planned.planRoadmap;
    expect(plan.version).toBe(1);
    // Same plan everywhere: the hours "Jobs in reach" showed for this role are the roadmap's hours.
    expect(plan.totalHours).toBeCloseTo(itSupport.gapHours, 6);
    expect(plan.reachable).toBe(true);
    expect(plan.coverage).toBe(1);
    const learn = plan.steps.filter((s) => s.kind === 'LEARN');
    expect(learn.length).toBeGreaterThan(0);
    for (const s of learn) {
      expect(s.why.length).toBeGreaterThan(10);
      expect(s.costPence).toBe(0); // budget is zero: only free-to-them steps
    }
    expect(plan.steps.some((s) => s.kind === 'APPLY')).toBe(true);

    // 6. Enrol on the first step, then complete it: skills grow, the worker re-plans, a notification arrives.
    const first = learn[0];
    const enrolled = await me.ok<{ updateRoadmapStep: { steps: Array<{ id: string; status: string }> } }>(
      `mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: ENROLLED) { steps { id status } } }`,
      { id: first.id },
    );
    expect(enrolled.updateRoadmapStep.steps.find((s) => s.id === first.id)?.status).toBe('ENROLLED');
    await me.ok(`mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: COMPLETED) { version } }`, {
      id: first.id,
    });

    const replanned = await eventually(
      async () => {
        const r = await me.ok<{
          myRoadmap: {
            version: number;
            trigger: string;
            reason: string;
            steps: Array<{ status: string; opportunity: { title: string } }>;
          };
        }>(`{ myRoadmap { ${ROADMAP_FIELDS} } }`);
        return r.myRoadmap.version >= 2 ? r.myRoadmap : undefined;
      },
      30000,
      'the re-planned roadmap',
    );
    expect(replanned.trigger).toBe('STEP_COMPLETED');
    expect(replanned.reason).toContain(first.opportunity.title);
    expect(replanned.steps.find((s) => s.opportunity.title === first.opportunity.title)?.status).toBe(
      'COMPLETED',
    );

    const notes = await eventually(async () => {
      const r = await me.ok<{ notifications: Array<{ title: string; body: string; read: boolean }> }>(
        '{ notifications { id title body read createdAt } }',
      );
      return r.notifications.length ? r.notifications : undefined;
    });
    expect(notes[0].title).toMatch(/roadmap/i);
    expect(notes[0].body).toContain(first.opportunity.title);
    expect(await me.ok('mutation { markNotificationsRead }')).toEqual({ markNotificationsRead: 1 });

    // Dropping a planned step: the worker re-plans without it, and it is not offered again.
    const current = await me.ok<{
      myRoadmap: {
        version: number;
        steps: Array<{ id: string; kind: string; status: string; opportunity: { id: string } }>;
      };
    }>(`{ myRoadmap { ${ROADMAP_FIELDS} } }`);
    const toDrop = current.myRoadmap.steps.find((s) => s.kind === 'LEARN' && s.status === 'PLANNED');
    if (toDrop) {
      await me.ok(`mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: DROPPED) { version } }`, {
        id: toDrop.id,
      });
      const after = await eventually(
        async () => {
          const r = await me.ok<{
            myRoadmap: { version: number; trigger: string; steps: Array<{ opportunity: { id: string } }> };
          }>(`{ myRoadmap { ${ROADMAP_FIELDS} } }`);
          return r.myRoadmap.version > current.myRoadmap.version ? r.myRoadmap : undefined;
        },
        30000,
        're-plan after dropping',
      );
      expect(after.trigger).toBe('STEP_DROPPED');
      expect(after.steps.map((s) => s.opportunity.id)).not.toContain(toDrop.opportunity.id);
    }

    const profile = await me.ok<{ learnerProfile: { skills: Array<{ skill: { label: string } }> } }>(
      '{ learnerProfile { skills { level skill { label } } } }',
    );
    expect(profile.learnerProfile.skills.length).toBeGreaterThan(2);

    const history = await me.ok<{ roadmapHistory: Array<{ version: number; reason: string }> }>(
      '{ roadmapHistory { version reason changes { added removed } } }',
    );
    const latest = history.roadmapHistory[0].version;
    expect(history.roadmapHistory.map((h) => h.version)).toEqual(
      Array.from({ length: latest }, (_, i) => latest - i),
    );

    // 7. Export everything, then erase the account.
    const exported = await me.ok<{
      exportMyData: { account: { email: string }; roadmaps: unknown[]; skills: unknown[] };
    }>('{ exportMyData }');
    expect(exported.exportMyData.account.email).toBe('sam@example.org');
    expect(exported.exportMyData.roadmaps.length).toBe(latest);
    expect(JSON.stringify(exported.exportMyData)).not.toContain('password');

    expect(await me.errorCode('mutation { deleteMyAccount(password: "not my password") }')).toBe(
      'UNAUTHENTICATED',
    );
    expect(await me.ok('mutation { deleteMyAccount(password: "a long enough password") }')).toEqual({
      deleteMyAccount: true,
    });
    expect(await me.errorCode('{ myRoadmap { id } }')).toBe('UNAUTHENTICATED');
    expect(
      await stack.gql.errorCode(
        `mutation { login(email: "sam@example.org", password: "a long enough password") { accessToken } }`,
      ),
    ).toBe('UNAUTHENTICATED');
  }, 120000);
});
