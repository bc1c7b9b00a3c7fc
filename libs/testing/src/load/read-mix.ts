/**
 * The read mix a busy day brings (from the load review): a resident opens their roadmap, the jobs in
 * reach, their matches, and what is on offer nearby. Used by `npm run bench:load` and by the
 * rolling-restart test, so both measure the same thing.
 */
export interface MixEntry {
  name: string;
  /** Share of requests, 0..1; the shares add up to 1. */
  share: number;
  query: string;
}

export const READ_MIX: readonly MixEntry[] = [
  {
    name: 'myRoadmap',
    share: 0.35,
    query:
      '{ myRoadmap { id version reachable coverage totalHours totalCostPence summary steps { id kind status why costPence opportunity { id title } } } }',
  },
  {
    name: 'reachableRoles',
    share: 0.25,
    query: '{ reachableRoles(first: 10) { occupation { id title } gapHours localVacancies explanation } }',
  },
  {
    name: 'matches',
    share: 0.2,
    query: '{ matches(first: 20) { score explanation costToYouPence distanceKm opportunity { id title } } }',
  },
  {
    name: 'opportunities(near)',
    share: 0.2,
    query:
      '{ opportunities(first: 10, filter: { near: { postcode: "M15", radiusKm: 10 } }) { totalCount edges { node { id title distanceKm costPence } } } }',
  },
];

/** The mix entry for request number i: a fixed interleaving, so every run sends the same sequence. */
export function mixEntryAt(i: number, mix: readonly MixEntry[] = READ_MIX): MixEntry {
  // 20 slots: 7 / 5 / 4 / 4 for the shares above.
  const slots: MixEntry[] = [];
  for (const e of mix) for (let k = 0; k < Math.round(e.share * 20); k++) slots.push(e);
  const order = slots.map((_, k) => slots[(k * 7) % slots.length]);
  return order[i % order.length];
}

export interface SeededLoadResident {
  email: string;
  token: string;
}

async function gqlPost<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
  return body.data as T;
}

const POSTCODES = ['M15', 'M4 6DE', 'OL1', 'BL1', 'SK1', 'WN1', 'M1', 'M14', 'OL6', 'M30'];
const SKILL_SEARCHES = ['customer serv', 'spreadsheet', 'teamwork', 'email', 'cash'];

/**
 * A resident made through the API as the web app makes one: profile, a skill or two, a goal among the
 * roles in reach, and a planned roadmap.
 */
export async function seedLoadResident(
  graphqlUrl: string,
  n: number,
  runId: string,
): Promise<SeededLoadResident> {
  const email = `load-${runId}-${n}@example.org`;
  const reg = await gqlPost<{ register: { accessToken: string } }>(
    graphqlUrl,
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    { input: { email, password: 'a long enough password', displayName: `Load resident ${n}` } },
  );
  const token = reg.register.accessToken;
  await gqlPost(
    graphqlUrl,
    `mutation($p: String!) { updateLearnerProfile(input: { postcode: $p, travelRadiusKm: 15, hoursPerWeek: 10,
       budgetPence: 50000, ageBand: AGE_24_49, employmentStatus: UNEMPLOYED }) { postcode } }`,
    { p: POSTCODES[n % POSTCODES.length] },
    token,
  );
  const found = await gqlPost<{ skills: Array<{ id: string }> }>(
    graphqlUrl,
    '{ skills(search: $s, first: 2) { id } }'.replace(
      '$s',
      JSON.stringify(SKILL_SEARCHES[n % SKILL_SEARCHES.length]),
    ),
    {},
    token,
  );
  await gqlPost(
    graphqlUrl,
    'mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { postcode } }',
    { s: found.skills.map((s) => ({ skillId: s.id, level: 3 })) },
    token,
  );
  const roles = await gqlPost<{ reachableRoles: Array<{ occupation: { id: string } }> }>(
    graphqlUrl,
    '{ reachableRoles(first: 10) { occupation { id } } }',
    {},
    token,
  );
  if (roles.reachableRoles.length) {
    const goal = roles.reachableRoles[n % roles.reachableRoles.length];
    await gqlPost(
      graphqlUrl,
      'mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }',
      { id: goal.occupation.id },
      token,
    );
    await gqlPost(graphqlUrl, 'mutation { planRoadmap { id } }', {}, token);
  }
  return { email, token };
}
