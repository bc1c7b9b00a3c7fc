import { GraphQLTestClient, queryRows } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const PASSWORD = 'a long enough password';
const INVITE = `mutation($o: ID!, $e: String!, $r: OrganisationRole!) {
  inviteToOrganisation(input: { organisationId: $o, email: $e, role: $r }) { id email role expiresAt token } }`;
const ACCEPT = `mutation($t: String!) { acceptOrganisationInvitation(token: $t) { id name } }`;
const MEMBERS = `query($o: ID!) { organisationMembers(organisationId: $o) { email role } }`;

/** An organisation's owner invites a colleague by email; the colleague joins with the token, once. */
describe('organisation invitations, end to end through GraphQL', () => {
  let stack: TestStack;
  let owner: GraphQLTestClient;
  let orgId: string;

  const register = async (email: string, role: string, organisationName?: string) =>
    stack.gql.as(
      (
        await stack.gql.ok<{ register: { accessToken: string } }>(REGISTER, {
          input: { email, password: PASSWORD, displayName: email.split('@')[0], role, organisationName },
        })
      ).register.accessToken,
    );

  const invite = async (email: string, role = 'MEMBER') =>
    (
      await owner.ok<{ inviteToOrganisation: { token: string; email: string; role: string } }>(INVITE, {
        o: orgId,
        e: email,
        r: role,
      })
    ).inviteToOrganisation;

  const sql = <T>(q: string, params: unknown[] = []) => queryRows<T>(stack.db.url, q, params);

  beforeAll(async () => {
    stack = await startTestStack();
    owner = await register('owner@example.org', 'EMPLOYER', 'Acme Data Ltd');
    orgId = (
      await owner.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
        '{ myOrganisations { organisation { id } } }',
      )
    ).myOrganisations[0].organisation.id;
  }, 90_000);

  afterAll(() => stack?.close());

  it('lets the invited person join once, as the role they were invited to, and keeps only a hash', async () => {
    const inv = await invite('New.Colleague@Example.org');
    expect(inv).toMatchObject({ email: 'new.colleague@example.org', role: 'MEMBER' });
    expect(inv.token.length).toBeGreaterThanOrEqual(32);
    const stored = await sql<{ token_hash: string }>('SELECT token_hash FROM organisation_invitations');
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(inv.token);

    const colleague = await register('new.colleague@example.org', 'EMPLOYER');
    expect(await colleague.errorCode(MEMBERS, { o: orgId })).toBe('FORBIDDEN');
    expect(
      (await colleague.ok<{ acceptOrganisationInvitation: { id: string } }>(ACCEPT, { t: inv.token }))
        .acceptOrganisationInvitation.id,
    ).toBe(orgId);
    expect(
      (await owner.ok<{ organisationMembers: unknown[] }>(MEMBERS, { o: orgId })).organisationMembers,
    ).toEqual([
      { email: 'owner@example.org', role: 'OWNER' },
      { email: 'new.colleague@example.org', role: 'MEMBER' },
    ]);
    // A member works for the organisation (sees its listings) but cannot invite others.
    await colleague.ok('query($o: ID!) { organisationListings(organisationId: $o) { id } }', { o: orgId });
    expect(await colleague.errorCode(INVITE, { o: orgId, e: 'someone@example.org', r: 'MEMBER' })).toBe(
      'FORBIDDEN',
    );
    // The token works once.
    expect(await colleague.errorCode(ACCEPT, { t: inv.token })).toBe('CONFLICT');
  });

  it('refuses a token for someone else, the wrong kind of account, an unknown or an expired one, changing nothing', async () => {
    const members = async () =>
      (
        await sql<{ n: number }>(
          'SELECT count(*)::int AS n FROM organisation_members WHERE organisation_id = $1',
          [orgId],
        )
      )[0].n;
    const before = await members();

    const forSam = await invite('sam@example.org');
    const intruder = await register('intruder@example.org', 'EMPLOYER');
    expect(await intruder.errorCode(ACCEPT, { t: forSam.token })).toBe('FORBIDDEN');

    const forLee = await invite('lee@example.org');
    const learner = await register('lee@example.org', 'LEARNER');
    expect(await learner.errorCode(ACCEPT, { t: forLee.token })).toBe('FORBIDDEN');
    const provider = await register('sam@example.org', 'PROVIDER', 'Sam Training');
    expect(await provider.errorCode(ACCEPT, { t: forSam.token })).toBe('BAD_USER_INPUT');

    expect(await intruder.errorCode(ACCEPT, { t: 'not-a-real-token' })).toBe('NOT_FOUND');
    const forAlex = await invite('alex@example.org');
    await sql(
      `UPDATE organisation_invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`,
      ['alex@example.org'],
    );
    const alex = await register('alex@example.org', 'EMPLOYER');
    expect(await alex.errorCode(ACCEPT, { t: forAlex.token })).toBe('NOT_FOUND');

    expect(await members()).toBe(before);
    expect(await sql('SELECT 1 FROM organisation_invitations WHERE accepted_at IS NOT NULL')).toHaveLength(1);
  });
});
