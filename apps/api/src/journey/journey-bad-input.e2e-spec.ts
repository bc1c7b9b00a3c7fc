import { JwtService } from '@nestjs/jwt';
import { loadDemoRegion } from '@skillpath/demo-region';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

describe('the journey refuses bad input, changing nothing', () => {
  let stack: TestStack;
  let me: GraphQLTestClient;
  let other: GraphQLTestClient;
  let skillId: string;

  const profile = async (c: GraphQLTestClient) =>
    (
      await c.ok<{ learnerProfile: Record<string, unknown> }>(
        '{ learnerProfile { postcode travelRadiusKm budgetPence skills { level skill { id } } goal { occupation { id } } } }',
      )
    ).learnerProfile;

  beforeAll(async () => {
    stack = await startTestStack({ seed: loadDemoRegion });
    const reg = async (email: string) =>
      stack.gql.as(
        (
          await stack.gql.ok<{ register: { accessToken: string } }>(
            `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
            {
              i: { email, password: 'learner password 1', displayName: 'L' },
            },
          )
        ).register.accessToken,
      );
    me = await reg('me@example.org');
    other = await reg('other@example.org');
    skillId = (
      await me.ok<{ skills: Array<{ id: string }> }>('{ skills(search: "python", first: 1) { id } }')
    ).skills[0].id;
    await me.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M1", travelRadiusKm: 10, budgetPence: 5000 }) { postcode } }`,
    );
    await me.ok(`mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { postcode } }`, {
      s: [{ skillId, level: 2 }],
    });
  }, 60000);

  afterAll(() => stack?.close());

  it.each([
    [
      'an unknown skill id',
      `mutation { setSkills(skills: [{ skillId: "00000000-0000-4000-8000-000000000000", level: 2 }]) { postcode } }`,
    ],
    [
      'a skill id that is not an id',
      `mutation { setSkills(skills: [{ skillId: "python", level: 2 }]) { postcode } }`,
    ],
    ['level 0', `mutation { setSkills(skills: [{ skillId: "SKILL", level: 0 }]) { postcode } }`],
    ['level 6', `mutation { setSkills(skills: [{ skillId: "SKILL", level: 6 }]) { postcode } }`],
    ['a negative budget', `mutation { updateLearnerProfile(input: { budgetPence: -1 }) { postcode } }`],
    [
      'a negative travel radius',
      `mutation { updateLearnerProfile(input: { travelRadiusKm: -3 }) { postcode } }`,
    ],
    ['an unknown postcode', `mutation { updateLearnerProfile(input: { postcode: "ZZ9 9ZZ" }) { postcode } }`],
    [
      'a malformed postcode',
      `mutation { updateLearnerProfile(input: { postcode: "not a postcode" }) { postcode } }`,
    ],
    ['a goal that is a course', `mutation { setGoal(input: { opportunityId: "COURSE" }) { postcode } }`],
    [
      'two goals at once',
      `mutation { setGoal(input: { occupationId: "00000000-0000-4000-8000-000000000000", opportunityId: "00000000-0000-4000-8000-000000000001" }) { postcode } }`,
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_, template) => {
    const [course] = (
      await stack.gql.ok<{ opportunities: { edges: Array<{ node: { id: string } }> } }>(
        '{ opportunities(filter: { kinds: [COURSE] }, first: 1) { edges { node { id } } } }',
      )
    ).opportunities.edges;
    const before = await profile(me);
    const query = template.replace('SKILL', skillId).replace('COURSE', course.node.id);
    expect(await me.errorCode(query)).toBe('BAD_USER_INPUT');
    expect(await profile(me)).toEqual(before);
  });

  it('says NOT_FOUND for a goal that does not exist and for a step of someone else', async () => {
    expect(
      await me.errorCode(
        `mutation { setGoal(input: { occupationId: "00000000-0000-4000-8000-000000000000" }) { postcode } }`,
      ),
    ).toBe('NOT_FOUND');
    expect(
      await me.errorCode(
        `mutation { updateRoadmapStep(stepId: "00000000-0000-4000-8000-000000000000", status: ENROLLED) { id } }`,
      ),
    ).toBe('NOT_FOUND');
    const occ = await other.ok<{ occupations: Array<{ id: string }> }>(
      '{ occupations(search: "data", first: 1) { id } }',
    );
    await other.ok(`mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }`, {
      id: occ.occupations[0].id,
    });
    const theirs = await other.ok<{ planRoadmap: { steps: Array<{ id: string }> } }>(
      'mutation { planRoadmap { steps { id } } }',
    );
    expect(
      await me.errorCode(`mutation($s: ID!) { updateRoadmapStep(stepId: $s, status: COMPLETED) { id } }`, {
        s: theirs.planRoadmap.steps[0].id,
      }),
    ).toBe('NOT_FOUND');
  });

  it('asks for a goal before planning', async () => {
    expect(await me.errorCode('mutation { planRoadmap { id } }')).toBe('BAD_USER_INPUT');
  });

  it('refuses an expired access token with UNAUTHENTICATED', async () => {
    const jwt = stack.api.get(JwtService);
    const expired = await jwt.signAsync({
      sub: '00000000-0000-4000-8000-000000000000',
      role: 'LEARNER',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const r = await stack.gql.as(expired).request('{ myRoadmap { id } }');
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/expired/);
  });

  it('limits login attempts per account with RATE_LIMITED', async () => {
    const tries = [];
    for (let i = 0; i < 7; i++) {
      tries.push(
        await stack.gql.request(
          `mutation { login(email: "me@example.org", password: "wrong password ${i}") { accessToken } }`,
        ),
      );
    }
    const codes = tries.map((t) => t.errors?.[0].extensions?.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
