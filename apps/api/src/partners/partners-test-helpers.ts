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
