import type { GraphQLTestClient } from '@skillpath/testing';

export interface SeededResident {
  email: string;
  password: string;
  client: GraphQLTestClient;
}

/**
 * A resident with a finished self-check, skills, profile, goal and planned roadmap, made through the
 * API the way the app does it (for screenshots and for tests about other roles).
 */
export async function seedResidentWithRoadmap(
  gql: GraphQLTestClient,
  opts: { email: string; displayName: string; postcode?: string; enrolFirstStep?: boolean },
): Promise<SeededResident> {
  const password = 'a long enough password';
  const reg = await gql.ok<{ register: { accessToken: string } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    { input: { email: opts.email, password, displayName: opts.displayName } },
  );
  const me = gql.as(reg.register.accessToken);
  const q = await me.ok<{ selfCheckQuestions: Array<{ id: string }> }>('{ selfCheckQuestions { id } }');
  await me.ok('mutation($a: [SelfCheckAnswer!]!) { submitSelfCheck(answers: $a) { selfCheckCompleted } }', {
    a: q.selfCheckQuestions.map((x, i) => ({ questionId: x.id, answer: i < 2 ? 'WITH_HELP' : 'NO' })),
  });
  await me.ok(
    `mutation($p: String!) { updateLearnerProfile(input: { postcode: $p, travelRadiusKm: 15, hoursPerWeek: 10, budgetPence: 0,
       ageBand: AGE_24_49, employmentStatus: UNEMPLOYED, receivingBenefits: true, shareWithPartnerships: true, shareWithEmployers: true }) { postcode } }`,
    { p: opts.postcode ?? 'M4 6DE' },
  );
  const found = await me.ok<{ skills: Array<{ id: string }> }>(
    '{ skills(search: "customer serv", first: 1) { id } }',
  );
  await me.ok('mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { postcode } }', {
    s: found.skills.map((s) => ({ skillId: s.id, level: 3 })),
  });
  const roles = await me.ok<{ reachableRoles: Array<{ occupation: { id: string; title: string } }> }>(
    '{ reachableRoles(first: 10) { occupation { id title } } }',
  );
  const goal =
    roles.reachableRoles.find((r) => /IT support/i.test(r.occupation.title)) ?? roles.reachableRoles[0];
  await me.ok('mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }', {
    id: goal.occupation.id,
  });
  const plan = await me.ok<{ planRoadmap: { steps: Array<{ id: string; kind: string }> } }>(
    'mutation { planRoadmap { steps { id kind } } }',
  );
  const first = plan.planRoadmap.steps.find((s) => s.kind === 'LEARN');
  if (opts.enrolFirstStep && first) {
    await me.ok('mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: ENROLLED) { id } }', {
      id: first.id,
    });
  }
  return { email: opts.email, password, client: me };
}
