import { PasswordService } from '@skillpath/auth';
import { GraphQLTestClient, queryRows } from '@skillpath/testing';
import type { TestStack } from '../testing/test-stack';

/** An ADMIN account (only the CLI or the database can make one) and its GraphQL client. */
export async function adminClient(stack: TestStack, email = 'ops@example.org'): Promise<GraphQLTestClient> {
  const password = 'admin password 1';
  const hash = await new PasswordService().hash(password);
  await queryRows(
    stack.db.url,
    `INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, $2, 'Ops', 'ADMIN')`,
    [email, hash],
  );
  const login = await stack.gql.ok<{ login: { accessToken: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    { e: email, p: password },
  );
  return stack.gql.as(login.login.accessToken);
}

/** The password every test account registers with. */
export const PASSWORD = 'a long enough password';

/** The register mutation (an account, and with `organisationName` its organisation). */
export const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;

/** A registered account as a test drives it; `orgId` when it registered an organisation. */
export interface Actor {
  gql: GraphQLTestClient;
  token: string;
  id: string;
  email: string;
  orgId?: string;
}

/**
 * Registers an account through the API as the web app does: with `organisationName`, also its
 * organisation (the account its OWNER), which starts PENDING and sees nothing until verified.
 */
export async function registerActor(
  stack: TestStack,
  email: string,
  role: 'LEARNER' | 'EMPLOYER' | 'PROVIDER' | 'PARTNER' | string,
  organisationName?: string,
): Promise<Actor> {
  const r = await stack.gql.ok<{ register: { accessToken: string; user: { id: string } } }>(REGISTER, {
    input: { email, password: PASSWORD, displayName: email.split('@')[0], role, organisationName },
  });
  const token = r.register.accessToken;
  const actor: Actor = { gql: stack.gql.as(token), token, id: r.register.user.id, email };
  if (organisationName) {
    const mine = await actor.gql.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
      '{ myOrganisations { organisation { id } } }',
    );
    actor.orgId = mine.myOrganisations[0].organisation.id;
  }
  return actor;
}

let nextNumber = 1;
/** Register numbers in the right format for each kind of organisation (distinct per call). */
export function evidenceFor(kind: 'EMPLOYER' | 'PROVIDER' | 'PARTNER' | 'PARTNERSHIP'): {
  evidenceKind: string;
  evidenceNumber: string;
} {
  const n = String(nextNumber++).padStart(6, '0');
  if (kind === 'PROVIDER') return { evidenceKind: 'UKPRN', evidenceNumber: `10${n}` };
  if (kind === 'EMPLOYER') return { evidenceKind: 'COMPANY_NUMBER', evidenceNumber: `SC${n}` };
  return { evidenceKind: 'CHARITY_NUMBER', evidenceNumber: `11${n}` };
}

/** The owner submits evidence and the admin verifies: what a real organisation goes through. */
export async function verifyOrganisation(
  owner: GraphQLTestClient,
  admin: GraphQLTestClient,
  organisationId: string,
  kind: 'EMPLOYER' | 'PROVIDER' | 'PARTNER' | 'PARTNERSHIP',
): Promise<void> {
  await owner.ok(
    `mutation($input: OrganisationEvidenceInput!) { submitOrganisationEvidence(input: $input) { id } }`,
    { input: { organisationId, ...evidenceFor(kind) } },
  );
  await admin.ok(`mutation($id: ID!) { verifyOrganisation(id: $id) { verification } }`, {
    id: organisationId,
  });
}

/**
 * The pseudonym an employer sees for the one consenting learner who holds `skillId` (gives them the
 * skill first): candidate ids are per-employer pseudonyms, so a test gets one the way an employer does.
 */
export async function candidateIdFor(
  employer: GraphQLTestClient,
  learner: GraphQLTestClient,
  vacancyId: string,
  skillId: string,
): Promise<string> {
  await learner.ok(`mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { skills { level } } }`, {
    s: [{ skillId, level: 3 }],
  });
  const list = await employer.ok<{ vacancyCandidates: Array<{ candidateId: string }> }>(
    `query($v: ID!) { vacancyCandidates(vacancyId: $v, minFit: 0.01) { candidateId } }`,
    { v: vacancyId },
  );
  if (list.vacancyCandidates.length !== 1)
    throw new Error(`expected one candidate, got ${list.vacancyCandidates.length}`);
  return list.vacancyCandidates[0].candidateId;
}

/** The id of the first skill a search finds (the demo region's taxonomy). */
export async function skillIdFor(stack: TestStack, search: string): Promise<string> {
  const found = await stack.gql
    .as()
    .ok<{ skills: Array<{ id: string }> }>('query($s: String!) { skills(search: $s, first: 1) { id } }', {
      s: search,
    });
  return found.skills[0].id;
}

/** An employer's vacancy, posted through the API; its id. */
export async function postVacancy(employer: Actor, input: Record<string, unknown>): Promise<string> {
  const r = await employer.gql.ok<{ postVacancy: { id: string } }>(
    `mutation($org: ID!, $input: ListingInput!) { postVacancy(organisationId: $org, input: $input) { id } }`,
    { org: employer.orgId, input },
  );
  return r.postVacancy.id;
}

/** A provider's course, published through the API; its id. */
export async function publishCourse(provider: Actor, input: Record<string, unknown>): Promise<string> {
  const r = await provider.gql.ok<{ publishCourse: { id: string } }>(
    `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { id } }`,
    { org: provider.orgId, input },
  );
  return r.publishCourse.id;
}
