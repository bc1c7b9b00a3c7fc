import type { DataSource } from 'typeorm';
import { AppError } from '@skillpath/common';
import { createDataSource } from '@skillpath/persistence';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CompletionsRepository } from './completions/completions.repository';
import { OrganisationAccess } from './organisations/organisation-access.service';
import { verifyOrganisationFromCli } from './organisations/organisation-verification.cli';
import { OrganisationsRepository } from './organisations/organisations.repository';
import { OrganisationsService } from './organisations/organisations.service';

/** Partners' repositories and services against a real PostgreSQL: atomic "record once", races, the CLI. */
describe('partners data access (integration)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let learnerId: string;
  let opportunityId: string;
  let providerId: string;

  const one = async <T>(q: string, p: unknown[] = []) => ((await ds.query(q, p)) as T[])[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 12 });
    await ds.initialize();
    learnerId = (
      await one<{ id: string }>(
        `INSERT INTO users (email, password_hash, display_name, role) VALUES ('l@example.org', 'x', 'L', 'LEARNER') RETURNING id`,
      )
    ).id;
    providerId = (
      await one<{ id: string }>(
        `INSERT INTO organisations (name, kind, evidence_kind, evidence_number) VALUES ('Race Academy', 'PROVIDER', 'UKPRN', '10000001') RETURNING id`,
      )
    ).id;
    opportunityId = (
      await one<{ id: string }>(
        `INSERT INTO opportunities (kind, title, organisation_name, organisation_id, mode) VALUES ('VACANCY', 'Job', 'Race Academy', $1, 'ONLINE') RETURNING id`,
        [providerId],
      )
    ).id;
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('an employer outcome submitted ten times at once is recorded once (unique index), and only one call says it recorded it', async () => {
    const repo = new CandidatesRepository(ds);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => repo.recordEmployerOutcome(learnerId, opportunityId, 'INTERVIEWED')),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(
      await ds.query(`SELECT kind FROM learner_outcomes WHERE user_id = $1 AND recorded_by = 'EMPLOYER'`, [
        learnerId,
      ]),
    ).toEqual([{ kind: 'INTERVIEWED' }]);
    // A different outcome is its own record.
    expect(await repo.recordEmployerOutcome(learnerId, opportunityId, 'IN_WORK')).toBe(true);
  });

  it('a provider asking ten times at once opens one request for the learner to answer', async () => {
    const repo = new CompletionsRepository(ds);
    const ids = await Promise.all(
      Array.from({ length: 10 }, () =>
        repo.transaction((m) =>
          repo.openRequest(m, {
            kind: 'ENROLMENT',
            userId: learnerId,
            opportunityId,
            providerId,
            requestedBy: null,
          }),
        ),
      ),
    );
    expect(ids.filter((x) => x !== null)).toHaveLength(1);
    const [id] = ids.filter((x): x is string => x !== null);
    // Answered once, however many answers race.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => repo.transaction((m) => repo.answer(m, id, 'ACCEPTED'))),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
    // Once answered, a new request can be opened.
    expect(
      await repo.transaction((m) =>
        repo.openRequest(m, {
          kind: 'ENROLMENT',
          userId: learnerId,
          opportunityId,
          providerId,
          requestedBy: null,
        }),
      ),
    ).toEqual(expect.any(String));
  });

  it('two admins verifying at once: one decides, the other is told it is already verified; one audit entry', async () => {
    const repo = new OrganisationsRepository(ds);
    const service = new OrganisationsService(new OrganisationAccess(repo), repo);
    const admin = { id: null, role: 'ADMIN' };
    const outcomes = await Promise.allSettled([
      service.verify(admin, providerId),
      service.verify(admin, providerId),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe('CONFLICT');
    expect((await repo.auditOf(providerId)).map((e) => e.action)).toEqual(['ORGANISATION_VERIFIED']);
    // Only an admin decides.
    await expect(service.verify({ id: learnerId, role: 'PROVIDER' }, providerId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('org:verify from the command line: by name, rejects with a reason, refuses ambiguity, announces the re-ranking', async () => {
    const employer = (
      await one<{ id: string }>(
        `INSERT INTO organisations (name, kind, evidence_kind, evidence_number) VALUES ('Cli Employer', 'EMPLOYER', 'COMPANY_NUMBER', '01234567') RETURNING id`,
      )
    ).id;
    await ds.query(
      `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status) VALUES ($1, $2, '{}', 'ACTIVE')`,
      [opportunityId, employer],
    );
    const announced: string[][] = [];
    const announce = async (ids: string[]) => void announced.push(ids);
    await expect(verifyOrganisationFromCli(ds, {}, announce)).rejects.toThrow(/--id <uuid> or --name/);
    await expect(
      verifyOrganisationFromCli(ds, { name: 'cli employer', reject: true }, announce),
    ).rejects.toThrow(/--reject needs --reason/);
    await expect(verifyOrganisationFromCli(ds, { name: 'Nobody Ltd' }, announce)).rejects.toThrow(
      /no organisation is named/,
    );
    const org = await verifyOrganisationFromCli(ds, { name: 'cli employer' }, announce);
    expect(org).toMatchObject({ id: employer, verification: 'VERIFIED' });
    expect(announced).toEqual([[opportunityId]]);
    const rejected = await verifyOrganisationFromCli(
      ds,
      { id: employer, reject: true, reason: 'Company number belongs to someone else' },
      announce,
    );
    expect(rejected).toMatchObject({
      verification: 'REJECTED',
      rejectionReason: 'Company number belongs to someone else',
    });
    const audit = await ds.query(
      `SELECT action, actor_role, actor_user_id FROM organisation_audit_log WHERE organisation_id = $1 ORDER BY at`,
      [employer],
    );
    expect(audit).toEqual([
      { action: 'ORGANISATION_VERIFIED', actor_role: 'ADMIN', actor_user_id: null },
      { action: 'ORGANISATION_REJECTED', actor_role: 'ADMIN', actor_user_id: null },
    ]);
    await ds.query(`INSERT INTO organisations (name, kind) VALUES ('Cli Employer', 'EMPLOYER')`);
    await expect(verifyOrganisationFromCli(ds, { name: 'Cli Employer' }, announce)).rejects.toThrow(
      /2 organisations are named/,
    );
  });
});
