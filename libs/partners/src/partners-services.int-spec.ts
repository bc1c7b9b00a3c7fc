import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@skillpath/auth';
import { AppError } from '@skillpath/common';
import { AppConfig, AppConfigModule } from '@skillpath/config';
import { MatchingIndexService } from '@skillpath/journey';
import { dataSourceOptions, Sql } from '@skillpath/persistence';
import { ListingChangesModule, redisConnectionOptions } from '@skillpath/queues';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  testConfig,
  type TestDatabase,
} from '@skillpath/testing';
import { CandidatesService } from './candidates/candidates.service';
import { CourseCompletionsService, PARTICIPATION_RECEIPT } from './completions/course-completions.service';
import { CredentialsService } from './credentials/credentials.service';
import { PartnersApiModule } from './partners.module';

/** The partners module wired as the API wires it (config, TypeORM, BullMQ, the listing-change publisher). */
@Module({})
class PartnersServicesTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PartnersServicesTestModule,
      imports: [
        AppConfigModule.forRoot(config),
        ListingChangesModule,
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: config.database.url,
            poolSize: 4,
            applicationName: 'skillpath-partners-test',
          }),
        ),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url),
          prefix: config.redis.prefix,
        }),
        PartnersApiModule,
      ],
    };
  }
}

/**
 * Candidates, course completions and credentials: the partners' services over real PostgreSQL,
 * without the API around them. Fixtures are written here, one world per file.
 */
describe('partners services against PostgreSQL', () => {
  let db: TestDatabase;
  let prefix: string;
  let app: INestApplicationContext;
  let sql: Sql;
  let candidates: CandidatesService;
  let completions: CourseCompletionsService;
  let credentials: CredentialsService;

  // The world: a verified employer with a vacancy, an unverified one with its own, a verified
  // provider with an accredited course, and learners who do or do not share with employers.
  let skillA: string;
  let skillB: string;
  let employer: AuthUser;
  let employerOrg: string;
  let vacancy: string;
  let pendingEmployer: AuthUser;
  let pendingVacancy: string;
  let outsider: AuthUser;
  let provider: AuthUser;
  let providerOrg: string;
  let course: string;

  const errorCode = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
    } catch (e) {
      return e instanceof AppError ? e.code : String(e);
    }
    return 'no error';
  };
  const id = async (text: string, params: unknown[] = []): Promise<string> =>
    (await sql.first<{ id: string }>(text, params)).id;

  let n = 0;
  const newUser = async (role: AuthUser['role'], name = `${role} ${++n}`): Promise<AuthUser> => {
    const email = `${role.toLowerCase()}${++n}@example.org`;
    const userId = await id(
      `INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, 'x', $2, $3) RETURNING id`,
      [email, name, role],
    );
    return { id: userId, email, role, displayName: name };
  };
  const newOrganisation = async (
    name: string,
    kind: 'EMPLOYER' | 'PROVIDER',
    verification: 'VERIFIED' | 'PENDING',
    owner: AuthUser,
  ): Promise<string> => {
    const orgId = await id(
      `INSERT INTO organisations (name, kind, verification, verified_at) VALUES ($1, $2, $3,
         CASE WHEN $3 = 'VERIFIED' THEN now() END) RETURNING id`,
      [name, kind, verification],
    );
    await sql.exec(
      `INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, 'OWNER')`,
      [orgId, owner.id],
    );
    return orgId;
  };
  const newListing = async (
    kind: 'VACANCY' | 'COURSE',
    title: string,
    orgId: string,
    orgName: string,
    skills: Array<{ skill: string; role: 'REQUIRED' | 'TAUGHT'; level: number }>,
  ): Promise<string> => {
    const listingId = await id(
      `INSERT INTO opportunities (kind, title, organisation_name, organisation_id, mode, cost_pence)
       VALUES ($1, $2, $3, $4, 'ONLINE', 0) RETURNING id`,
      [kind, title, orgName, orgId],
    );
    for (const s of skills)
      await sql.exec(
        `INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level) VALUES ($1, $2, $3, $4)`,
        [listingId, s.skill, s.role, s.level],
      );
    return listingId;
  };
  /** A learner with a profile (sharing with employers or not) and skills. */
  const newLearner = async (share: boolean, skills: Array<[string, number]>): Promise<AuthUser> => {
    const learner = await newUser('LEARNER');
    await sql.exec(
      `INSERT INTO learner_profiles (user_id, share_with_employers, borough) VALUES ($1, $2, 'Salford')`,
      [learner.id, share],
    );
    for (const [skill, level] of skills)
      await sql.exec(
        `INSERT INTO learner_skills (user_id, skill_id, source, level) VALUES ($1, $2, 'SELF_ASSESSED', $3)`,
        [learner.id, skill, level],
      );
    return learner;
  };
  /** A roadmap whose one step is the course (what a provider's request and a learner's confirmation need). */
  const planCourse = async (learner: AuthUser, opportunityId: string): Promise<void> => {
    const roadmap = await id(
      `INSERT INTO roadmaps (user_id, version, reachable, coverage, total_hours, total_cost_pence, trigger, reason, summary)
       VALUES ($1, 1, true, 1, 10, 0, 'REQUESTED', 'test', 'test') RETURNING id`,
      [learner.id],
    );
    await sql.exec(
      `INSERT INTO roadmap_steps (roadmap_id, position, opportunity_id, kind, why, cost_pence) VALUES ($1, 0, $2, 'LEARN', 'test', 0)`,
      [roadmap, opportunityId],
    );
  };
  /** The provider says the learner completed the course and the learner accepts; the completion's state. */
  const completeCourse = async (by: AuthUser, learner: AuthUser, opportunityId: string) => {
    await completions.recordCompletion(by, opportunityId, learner.email);
    const [request] = await completions.myRequests(learner.id, true);
    await completions.respond(learner, request.id, true);
    return completions.state(learner.id, opportunityId);
  };
  const stepStatus = async (learner: AuthUser, opportunityId: string): Promise<string> =>
    (
      await sql.first<{ status: string }>(
        `SELECT s.status FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = $1 AND s.opportunity_id = $2`,
        [learner.id, opportunityId],
      )
    ).status;
  const notificationKinds = async (userId: string): Promise<string[]> =>
    (
      await sql.rows<{ kind: string }>(
        'SELECT kind FROM notifications WHERE user_id = $1 ORDER BY created_at, kind',
        [userId],
      )
    ).map((r) => r.kind);
  const auditActions = async (subjectUserId: string): Promise<string[]> =>
    (
      await sql.rows<{ action: string }>(
        'SELECT action FROM audit_log WHERE subject_user_id = $1 ORDER BY at, action',
        [subjectUserId],
      )
    ).map((r) => r.action);

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = randomRedisPrefix();
    app = await NestFactory.createApplicationContext(
      PartnersServicesTestModule.forRoot(testConfig(db.url, prefix)),
      {
        logger: false,
      },
    );
    sql = new Sql(app.get(DataSource));
    candidates = app.get(CandidatesService);
    completions = app.get(CourseCompletionsService);
    credentials = app.get(CredentialsService);

    skillA = await id(
      `INSERT INTO skills (code, label, type) VALUES ('sp-a', 'Spreadsheet formulas', 'skill') RETURNING id`,
    );
    skillB = await id(
      `INSERT INTO skills (code, label, type) VALUES ('sp-b', 'Data cleaning', 'skill') RETURNING id`,
    );

    employer = await newUser('EMPLOYER');
    employerOrg = await newOrganisation('Verified Analytics Ltd', 'EMPLOYER', 'VERIFIED', employer);
    vacancy = await newListing('VACANCY', 'Junior data analyst', employerOrg, 'Verified Analytics Ltd', [
      { skill: skillA, role: 'REQUIRED', level: 3 },
      { skill: skillB, role: 'REQUIRED', level: 3 },
    ]);
    pendingEmployer = await newUser('EMPLOYER');
    const pendingOrg = await newOrganisation('Unchecked Ltd', 'EMPLOYER', 'PENDING', pendingEmployer);
    pendingVacancy = await newListing('VACANCY', 'Analyst', pendingOrg, 'Unchecked Ltd', [
      { skill: skillA, role: 'REQUIRED', level: 3 },
    ]);
    outsider = await newUser('EMPLOYER');
    await newOrganisation('Someone Else Ltd', 'EMPLOYER', 'VERIFIED', outsider);

    provider = await newUser('PROVIDER');
    providerOrg = await newOrganisation('Verified College', 'PROVIDER', 'VERIFIED', provider);
    course = await newListing('COURSE', 'Spreadsheets for work', providerOrg, 'Verified College', [
      { skill: skillA, role: 'TAUGHT', level: 3 },
    ]);
    await sql.exec(
      `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status, valid_from, guaranteed_interview)
       VALUES ($1, $2, $3, 'ACTIVE', now() - interval '1 day', true)`,
      [course, employerOrg, [skillA]],
    );
  }, 120_000);

  afterAll(async () => {
    app?.get(MatchingIndexService).onModuleDestroy();
    await app?.close();
    await flushRedisPrefix(prefix);
    await db?.drop();
  });

  describe('CandidatesService', () => {
    it('shows an employer only the consenting learners who fit, under a pseudonym, and audits each view', async () => {
      const sharing = await newLearner(true, [
        [skillA, 3],
        [skillB, 3],
      ]);
      const partFit = await newLearner(true, [[skillA, 3]]);
      const private_ = await newLearner(false, [
        [skillA, 3],
        [skillB, 3],
      ]);

      const list = await candidates.forVacancy(employer, vacancy, 0.01);
      expect(list.map((c) => c.fit)).toEqual([1, 0.5]);
      expect(list[0]).toMatchObject({
        metSkillIds: [skillA, skillB].sort(),
        missingSkillIds: [],
        borough: 'Salford',
      });
      expect(list[1].missingSkillIds).toEqual([skillB]);
      // Never the learner's id: a pseudonym for this employer.
      const ids = list.map((c) => c.candidateId);
      for (const learner of [sharing, partFit, private_]) expect(ids).not.toContain(learner.id);
      expect(await auditActions(sharing.id)).toEqual(['CANDIDATE_VIEWED']);
      expect(await auditActions(private_.id)).toEqual([]);
      // minFit filters: only the full fit is left.
      expect((await candidates.forVacancy(employer, vacancy, 0.75)).map((c) => c.candidateId)).toEqual([
        ids[0],
      ]);
      expect(await errorCode(candidates.forVacancy(employer, vacancy, 0))).toBe('BAD_USER_INPUT');
      await sql.exec('DELETE FROM learner_profiles WHERE user_id = ANY($1::uuid[])', [
        [sharing.id, partFit.id],
      ]);
    });

    it('refuses anyone but the verified employer that owns the vacancy', async () => {
      await newLearner(true, [[skillA, 3]]);
      // Not a member of the vacancy's employer.
      expect(await errorCode(candidates.forVacancy(outsider, vacancy, 0.01))).toBe('FORBIDDEN');
      // A new, unverified organisation sees nothing until an admin verifies it.
      expect(await errorCode(candidates.forVacancy(pendingEmployer, pendingVacancy, 0.01))).toBe('FORBIDDEN');
      expect(
        await errorCode(
          candidates.expressInterest(pendingEmployer, pendingVacancy, 'anything', 'We would like to talk.'),
        ),
      ).toBe('FORBIDDEN');
      expect(await errorCode(candidates.forVacancy(employer, 'not-a-uuid', 0.01))).toBe('NOT_FOUND');
      // A course is not a vacancy: there are no candidates for it.
      expect(await errorCode(candidates.forVacancy(employer, course, 0.01))).toBe('NOT_FOUND');
    });

    it('interest: once per candidate, only to one who shares, contact only after they accept, outcomes recorded once', async () => {
      const learner = await newLearner(true, [
        [skillA, 4],
        [skillB, 4],
      ]);
      const [candidate] = (await candidates.forVacancy(employer, vacancy, 0.01)).filter((c) => c.fit === 1);
      expect(
        await errorCode(candidates.expressInterest(employer, vacancy, candidate.candidateId, 'too short')),
      ).toBe('BAD_USER_INPUT');
      // Another employer's pseudonym (or a made-up one) is "not available", never "wrong employer".
      expect(
        await errorCode(
          candidates.expressInterest(employer, vacancy, 'made-up-candidate', 'We would like to talk.'),
        ),
      ).toBe('NOT_FOUND');

      const interest = await candidates.expressInterest(
        employer,
        vacancy,
        candidate.candidateId,
        'We would like to talk about the analyst role.',
      );
      expect(interest).toMatchObject({
        status: 'PENDING',
        learnerUserId: learner.id,
        employerId: employerOrg,
      });
      expect(
        await errorCode(
          candidates.expressInterest(employer, vacancy, candidate.candidateId, 'Again, please talk to us.'),
        ),
      ).toBe('CONFLICT');
      expect(await notificationKinds(learner.id)).toEqual(['EMPLOYER_INTEREST']);
      expect((await candidates.forVacancy(employer, vacancy, 0.99))[0].interestStatus).toBe('PENDING');

      // Before the learner accepts: no name, no email, and nothing to record.
      const [pending] = await candidates.sent(employer, vacancy);
      expect(pending).toMatchObject({ status: 'PENDING' });
      expect(JSON.stringify(pending)).not.toContain(learner.email);
      expect(await errorCode(candidates.recordOutcome(employer, interest.id, 'INTERVIEWED'))).toBe(
        'CONFLICT',
      );

      // Only the learner it was sent to can answer, and only once.
      expect(await errorCode(candidates.respond(await newUser('LEARNER'), interest.id, true))).toBe(
        'NOT_FOUND',
      );
      expect(await candidates.respond(learner, interest.id, true)).toMatchObject({ status: 'ACCEPTED' });
      expect(await errorCode(candidates.respond(learner, interest.id, false))).toBe('CONFLICT');
      const [accepted] = await candidates.sent(employer, vacancy);
      expect(JSON.stringify(accepted)).toContain(learner.email);
      expect(await auditActions(learner.id)).toContain('CONTACT_VIEWED');

      // Outcomes: not APPLIED (the learner's word), not by another employer, and once however often.
      expect(await errorCode(candidates.recordOutcome(employer, interest.id, 'APPLIED'))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await errorCode(candidates.recordOutcome(outsider, interest.id, 'INTERVIEWED'))).toBe(
        'FORBIDDEN',
      );
      await Promise.all([1, 2, 3].map(() => candidates.recordOutcome(employer, interest.id, 'INTERVIEWED')));
      const outcomes = await sql.rows<{ kind: string }>(
        `SELECT kind FROM learner_outcomes WHERE user_id = $1 AND recorded_by = 'EMPLOYER'`,
        [learner.id],
      );
      expect(outcomes).toEqual([{ kind: 'INTERVIEWED' }]);
      expect((await notificationKinds(learner.id)).filter((k) => k === 'EMPLOYER_OUTCOME')).toHaveLength(1);
      expect((await auditActions(learner.id)).filter((a) => a === 'OUTCOME_RECORDED')).toHaveLength(1);
      expect(await candidates.mine(learner.id)).toHaveLength(1);
      await sql.exec('DELETE FROM learner_profiles WHERE user_id = $1', [learner.id]);
    });

    it('a learner who withdraws consent disappears from the list and can no longer be contacted', async () => {
      const learner = await newLearner(true, [
        [skillA, 5],
        [skillB, 5],
      ]);
      const before = await candidates.forVacancy(employer, vacancy, 0.99);
      expect(before).toHaveLength(1);
      await sql.exec('UPDATE learner_profiles SET share_with_employers = false WHERE user_id = $1', [
        learner.id,
      ]);
      expect(await candidates.forVacancy(employer, vacancy, 0.01)).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ candidateId: before[0].candidateId })]),
      );
      expect(
        await errorCode(
          candidates.expressInterest(
            employer,
            vacancy,
            before[0].candidateId,
            'We would like to talk to you.',
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await notificationKinds(learner.id)).toEqual([]);
    });
  });

  describe('CourseCompletionsService and CredentialsService', () => {
    it('a provider asks; nothing moves until the learner accepts; completion grants skills and one credential', async () => {
      const learner = await newLearner(false, []);
      await planCourse(learner, course);
      const stranger = await newLearner(false, []);

      // The same receipt whatever the email: a learner with the course, one without, no account at all.
      for (const email of [learner.email, stranger.email, 'nobody@example.org'])
        expect(await completions.recordEnrolment(provider, course, email)).toEqual({
          message: PARTICIPATION_RECEIPT,
        });
      expect(await completions.myRequests(stranger.id, true)).toEqual([]);
      // Asked twice before answering: still one request to answer.
      await completions.recordEnrolment(provider, course, learner.email.toUpperCase());
      const [enrolment] = await completions.myRequests(learner.id, true);
      expect(await completions.myRequests(learner.id, true)).toHaveLength(1);
      expect(await stepStatus(learner, course)).toBe('PLANNED');

      expect(await completions.respond(learner, enrolment.id, true)).toMatchObject({ status: 'ACCEPTED' });
      expect(await stepStatus(learner, course)).toBe('ENROLLED');
      expect(await errorCode(completions.respond(learner, enrolment.id, false))).toBe('CONFLICT');

      // The learner's word alone does not complete it; with the provider's it does.
      expect(await completions.confirmByLearner(learner, course)).toMatchObject({
        enrolled: true,
        learnerConfirmed: true,
        providerConfirmed: false,
        completed: false,
        credentialIds: [],
      });
      const state = await completeCourse(provider, learner, course);
      expect(state).toMatchObject({ completed: true, providerConfirmed: true, learnerConfirmed: true });
      expect(state.credentialIds).toHaveLength(1);
      expect(await stepStatus(learner, course)).toBe('COMPLETED');
      expect(
        await sql.rows(
          'SELECT level FROM learner_skills WHERE user_id = $1 AND skill_id = $2 AND source = $3',
          [learner.id, skillA, 'COURSE_COMPLETED'],
        ),
      ).toEqual([{ level: 3 }]);
      expect((await notificationKinds(learner.id)).filter((k) => k === 'COURSE_COMPLETED')).toHaveLength(1);

      // Record once: confirming again changes nothing and issues no second credential.
      expect((await completions.confirmByLearner(learner, course)).credentialIds).toEqual(
        state.credentialIds,
      );
      expect((await credentials.ofLearner(learner.id)).map((c) => c.id)).toEqual(state.credentialIds);

      // The credential checks out, names the employer's endorsement, and is refused once altered.
      const check = await credentials.verify({ id: state.credentialIds[0] });
      expect(check).toMatchObject({ valid: true, revoked: false, expired: false });
      expect(JSON.stringify(check.credential)).toContain(
        'Verified Analytics Ltd accredits Spreadsheets for work',
      );
      expect(JSON.stringify(check.credential)).not.toContain(learner.email);
      const jws = await credentials.jwsOf(state.credentialIds[0]);
      const [h, p, s] = jws.split('.');
      const forged = `${h}.${p.slice(0, -2)}${p.slice(-2) === 'AA' ? 'AB' : 'AA'}.${s}`;
      expect(await credentials.verify({ jws: forged })).toMatchObject({
        valid: false,
        signatureValid: false,
      });
      expect(await credentials.verify({ id: '00000000-0000-0000-0000-000000000000' })).toMatchObject({
        valid: false,
        reason: 'No credential has that id.',
      });
    });

    it('refuses other providers and non-courses; a declined request changes nothing; only the learner answers', async () => {
      const learner = await newLearner(false, []);
      await planCourse(learner, course);
      expect(await errorCode(completions.recordEnrolment(employer, course, learner.email))).toBe('FORBIDDEN');
      expect(await errorCode(completions.recordEnrolment(employer, vacancy, learner.email))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await errorCode(completions.recordEnrolment(provider, course, 'not an email'))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await errorCode(completions.confirmByLearner(learner, vacancy))).toBe('NOT_FOUND');

      await completions.recordCompletion(provider, course, learner.email);
      const [request] = await completions.myRequests(learner.id, true);
      expect(await errorCode(completions.respond(await newUser('LEARNER'), request.id, true))).toBe(
        'NOT_FOUND',
      );
      expect(await completions.respond(learner, request.id, false)).toMatchObject({ status: 'DECLINED' });
      expect(await completions.state(learner.id, course)).toMatchObject({
        completed: false,
        credentialIds: [],
      });
      expect(await stepStatus(learner, course)).toBe('PLANNED');
      expect(await auditActions(learner.id)).toEqual(['COMPLETION_REQUESTED', 'COMPLETION_DECLINED']);
    });

    it('a credential stops holding when its accreditation is revoked or its employer loses verification', async () => {
      const learner = await newLearner(false, []);
      await planCourse(learner, course);
      const [credentialId] = (await completeCourse(provider, learner, course)).credentialIds;
      expect((await credentials.verify({ id: credentialId })).valid).toBe(true);

      await sql.exec(`UPDATE organisations SET verification = 'PENDING' WHERE id = $1`, [employerOrg]);
      expect(await credentials.verify({ id: credentialId })).toMatchObject({
        valid: false,
        revoked: true,
        reason: 'Revoked: the employer that accredits it is not a verified organisation.',
      });
      await sql.exec(`UPDATE organisations SET verification = 'VERIFIED' WHERE id = $1`, [employerOrg]);
      await sql.exec(
        `UPDATE accreditations SET status = 'REVOKED', reason = 'skills no longer taught' WHERE opportunity_id = $1`,
        [course],
      );
      expect(await credentials.verify({ id: credentialId })).toMatchObject({
        valid: false,
        revoked: true,
        reason: 'Revoked: skills no longer taught.',
      });
      await sql.exec(`UPDATE accreditations SET status = 'ACTIVE', reason = NULL WHERE opportunity_id = $1`, [
        course,
      ]);
    });

    it('no credential names an unverified provider or employer, though the completion still counts', async () => {
      const pendingProvider = await newUser('PROVIDER');
      const pendingCollege = await newOrganisation(
        'Unchecked College',
        'PROVIDER',
        'PENDING',
        pendingProvider,
      );
      const unverifiedCourse = await newListing(
        'COURSE',
        'Cleaning data',
        pendingCollege,
        'Unchecked College',
        [{ skill: skillB, role: 'TAUGHT', level: 2 }],
      );
      await sql.exec(
        `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status) VALUES ($1, $2, $3, 'ACTIVE')`,
        [unverifiedCourse, employerOrg, [skillB]],
      );
      const learner = await newLearner(false, []);
      await planCourse(learner, unverifiedCourse);
      expect(await completeCourse(pendingProvider, learner, unverifiedCourse)).toMatchObject({
        completed: true,
        credentialIds: [],
      });

      // A verified course accredited only by an unverified employer: no credential either.
      const otherLearner = await newLearner(false, []);
      const unverifiedEmployerCourse = await newListing(
        'COURSE',
        'Pivot tables',
        providerOrg,
        'Verified College',
        [{ skill: skillB, role: 'TAUGHT', level: 2 }],
      );
      await sql.exec(
        `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status)
         SELECT $1, organisation_id, $2, 'ACTIVE' FROM organisation_members WHERE user_id = $3`,
        [unverifiedEmployerCourse, [skillB], pendingEmployer.id],
      );
      await planCourse(otherLearner, unverifiedEmployerCourse);
      expect(await completeCourse(provider, otherLearner, unverifiedEmployerCourse)).toMatchObject({
        completed: true,
        credentialIds: [],
      });
    });
  });
});
