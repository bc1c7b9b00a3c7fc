import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditLogEntity,
  ExpressionOfInterestEntity,
  LearnerOutcomeEntity,
  type OutcomeKind,
  Sql,
  type StepKind,
  type StepStatus,
} from '@skillpath/persistence';

export interface VacancyRow {
  id: string;
  title: string;
  organisationId: string;
  organisationName: string;
}

/** A consenting learner who holds at least one relevant skill, with everything the employer may see. */
export interface CandidateRow {
  userId: string;
  borough: string | null;
  /** Every skill the learner holds, at its highest level. */
  held: Array<{ skillId: string; level: number }>;
  /** The steps of the latest roadmap, for learningProgress (the one definition of progress). */
  steps: Array<{ kind: StepKind; status: StepStatus }>;
  interestStatus: string | null;
}

/** An expression of interest as its employer or learner sees it. */
export interface InterestRow {
  id: string;
  vacancyId: string;
  learnerUserId: string;
  employerId: string;
  message: string;
  status: string;
  vacancyTitle: string | null;
  employerName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  recordedOutcomes: OutcomeKind[];
}

const INTEREST_COLUMNS = `i.id, i.vacancy_id AS "vacancyId", i.learner_user_id AS "learnerUserId",
  i.employer_id AS "employerId", i.message, i.status,
  ARRAY(SELECT lo.kind FROM learner_outcomes lo
         WHERE lo.user_id = i.learner_user_id AND lo.opportunity_id = i.vacancy_id AND lo.recorded_by = 'EMPLOYER'
         ORDER BY lo.at, lo.kind) AS "recordedOutcomes"`;

/** The SQL of candidates and expressions of interest. */
@Injectable()
export class CandidatesRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  async vacancy(id: string): Promise<VacancyRow | null> {
    const v = await this.sql.one<VacancyRow>(
      `SELECT o.id, o.title, o.organisation_id AS "organisationId", o.organisation_name AS "organisationName"
         FROM opportunities o WHERE o.id = $1 AND o.kind IN ('VACANCY', 'APPRENTICESHIP') AND o.organisation_id IS NOT NULL`,
      [id],
    );
    return v ?? null;
  }

  requiredSkills(vacancyId: string): Promise<Array<{ skill: string; level: number }>> {
    return this.sql.rows<{ skill: string; level: number }>(
      `SELECT skill_id AS skill, level::int AS level FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'REQUIRED'`,
      [vacancyId],
    );
  }

  /**
   * Every consenting learner holding one of `skillIds`, with all their skills, their latest roadmap's
   * progress and the status of any interest for this vacancy: one query, whatever the number of learners.
   */
  candidates(vacancyId: string, skillIds: string[]): Promise<CandidateRow[]> {
    return this.sql.rows<CandidateRow>(
      `WITH c AS (
         SELECT p.user_id, p.borough FROM learner_profiles p JOIN users u ON u.id = p.user_id
          WHERE p.share_with_employers AND u.role = 'LEARNER'
            AND EXISTS (SELECT 1 FROM learner_skills ls WHERE ls.user_id = p.user_id AND ls.skill_id = ANY($2::uuid[]))),
       latest AS (SELECT DISTINCT ON (r.user_id) r.user_id, r.id FROM roadmaps r JOIN c ON c.user_id = r.user_id
                   ORDER BY r.user_id, r.version DESC)
       SELECT c.user_id AS "userId", c.borough,
              coalesce((SELECT json_agg(json_build_object('skillId', h.skill_id, 'level', h.level) ORDER BY h.skill_id)
                          FROM (SELECT skill_id, max(level)::int AS level FROM learner_skills WHERE user_id = c.user_id GROUP BY skill_id) h),
                       '[]') AS held,
              coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'status', s.status)) FROM roadmap_steps s WHERE s.roadmap_id = latest.id), '[]') AS steps,
              (SELECT i.status FROM expressions_of_interest i WHERE i.vacancy_id = $1 AND i.learner_user_id = c.user_id) AS "interestStatus"
         FROM c LEFT JOIN latest ON latest.user_id = c.user_id
        ORDER BY c.user_id`,
      [vacancyId, skillIds],
    );
  }

  async isConsentingLearner(userId: string): Promise<boolean> {
    const rows = await this.sql.rows<object>(
      `SELECT 1 FROM learner_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1 AND p.share_with_employers AND u.role = 'LEARNER'`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Audit entries written together (one insert). */
  async audit(
    entries: Array<{
      actorUserId: string;
      actorRole: string;
      subjectUserId: string;
      action: string;
      reason: string;
    }>,
  ): Promise<void> {
    if (entries.length) await this.ds.getRepository(AuditLogEntity).insert(entries);
  }

  interestRepo() {
    return this.ds.getRepository(ExpressionOfInterestEntity);
  }

  /**
   * Records the employer's outcome once: the unique index `uq_learner_outcomes_employer_once` makes a
   * double submit (two requests at once) insert one row. True when this call recorded it.
   */
  async recordEmployerOutcome(userId: string, opportunityId: string, kind: OutcomeKind): Promise<boolean> {
    const res = await this.ds
      .createQueryBuilder()
      .insert()
      .into(LearnerOutcomeEntity)
      .values({ userId, kind, opportunityId, recordedBy: 'EMPLOYER' })
      .orIgnore()
      .execute();
    return (res.raw as unknown[]).length > 0;
  }

  async vacancyAndEmployerNames(
    vacancyId: string,
    employerId: string,
  ): Promise<{ title: string; name: string }> {
    const v = await this.sql.first<{ title: string; name: string }>(
      'SELECT o.title, e.name FROM opportunities o JOIN organisations e ON e.id = $2 WHERE o.id = $1',
      [vacancyId, employerId],
    );
    return v;
  }

  async interestForEmployer(where: { id: string } | { vacancyId: string }): Promise<InterestRow[]> {
    const byId = 'id' in where;
    return this.sql.rows<InterestRow>(
      `SELECT ${INTEREST_COLUMNS}, NULL AS "vacancyTitle", NULL AS "employerName",
              CASE WHEN i.status = 'ACCEPTED' THEN u.display_name END AS "contactName",
              CASE WHEN i.status = 'ACCEPTED' THEN u.email END AS "contactEmail"
         FROM expressions_of_interest i JOIN users u ON u.id = i.learner_user_id
        WHERE ${byId ? 'i.id' : 'i.vacancy_id'} = $1 ORDER BY i.created_at`,
      [byId ? where.id : where.vacancyId],
    );
  }

  interestsOfLearner(userId: string): Promise<InterestRow[]> {
    return this.sql.rows<InterestRow>(
      `SELECT ${INTEREST_COLUMNS}, o.title AS "vacancyTitle", e.name AS "employerName",
              NULL AS "contactName", NULL AS "contactEmail"
         FROM expressions_of_interest i JOIN opportunities o ON o.id = i.vacancy_id JOIN organisations e ON e.id = i.employer_id
        WHERE i.learner_user_id = $1 ORDER BY i.created_at DESC`,
      [userId],
    );
  }
}
