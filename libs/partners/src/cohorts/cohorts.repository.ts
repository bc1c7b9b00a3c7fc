import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CohortEntity,
  CohortMemberEntity,
  LearnerOutcomeEntity,
  OutcomeKind,
  Sql,
} from '@skillpath/persistence';

export interface OutcomeRow {
  id: string;
  kind: string;
  opportunityId: string | null;
  recordedBy: string;
  at: Date;
  title: string | null;
  organisationName: string | null;
}

/** Cohorts, their members and learners' own outcomes. */
@Injectable()
export class CohortsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /** Saves a cohort; a join code already taken raises PostgreSQL's unique violation (23505). */
  createCohort(row: {
    partnershipId: string;
    name: string;
    joinCode: string;
    createdBy: string;
  }): Promise<CohortEntity> {
    const repo = this.ds.getRepository(CohortEntity);
    return repo.save(repo.create(row));
  }

  cohortsOf(partnershipId: string): Promise<CohortEntity[]> {
    return this.ds
      .getRepository(CohortEntity)
      .find({ where: { partnershipId }, order: { createdAt: 'ASC' } });
  }

  cohort(where: { id: string } | { joinCode: string }): Promise<CohortEntity | null> {
    return this.ds.getRepository(CohortEntity).findOne({ where });
  }

  /** Adds the member once (primary key): false when they were already in. */
  async addMember(
    m: EntityManager,
    cohortId: string,
    userId: string,
    individualMonitoring: boolean,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(CohortMemberEntity)
      .values({ cohortId, userId, consentedAt: new Date(), individualMonitoring })
      .orIgnore()
      .execute();
    return (res.raw as unknown[]).length > 0;
  }

  async removeMember(cohortId: string, userId: string): Promise<boolean> {
    const res = await this.ds.getRepository(CohortMemberEntity).delete({ cohortId, userId });
    return !!res.affected;
  }

  async setMonitoring(
    m: EntityManager,
    cohortId: string,
    userId: string,
    consent: boolean,
  ): Promise<boolean> {
    const res = await m
      .getRepository(CohortMemberEntity)
      .update({ cohortId, userId }, { individualMonitoring: consent });
    return !!res.affected;
  }

  membershipsOf(userId: string): Promise<CohortMemberEntity[]> {
    return this.ds
      .getRepository(CohortMemberEntity)
      .find({ where: { userId }, relations: { cohort: { partnership: true } } });
  }

  async reportOutcome(userId: string, kind: OutcomeKind, opportunityId: string | null): Promise<void> {
    await this.ds
      .getRepository(LearnerOutcomeEntity)
      .insert({ userId, kind, opportunityId, recordedBy: 'LEARNER' });
  }

  async opportunityExists(id: string): Promise<boolean> {
    const rows = await this.sql.rows<object>('SELECT 1 FROM opportunities WHERE id = $1', [id]);
    return rows.length > 0;
  }

  outcomesOf(userId: string): Promise<OutcomeRow[]> {
    return this.sql.rows<OutcomeRow>(
      `SELECT lo.id, lo.kind, lo.opportunity_id AS "opportunityId", lo.recorded_by AS "recordedBy", lo.at,
              o.title, o.organisation_name AS "organisationName"
         FROM learner_outcomes lo LEFT JOIN opportunities o ON o.id = lo.opportunity_id
        WHERE lo.user_id = $1 ORDER BY lo.at DESC, lo.id`,
      [userId],
    );
  }

  /**
   * A partnership sees a member one by one only while both consents hold: the cohort's and the profile's
   * "partnerships may see my progress" (turning that off hides the learner from every cohort's list at
   * once). Saying yes for a cohort is saying yes to partnerships seeing progress, so it turns the
   * profile's on (creating the profile if need be).
   */
  async allowPartnershipsToSeeProgress(m: EntityManager, userId: string): Promise<void> {
    await new Sql(m).exec(
      `INSERT INTO learner_profiles (user_id, share_with_partnerships) VALUES ($1, true)
       ON CONFLICT (user_id) DO UPDATE SET share_with_partnerships = true, updated_at = now()`,
      [userId],
    );
  }
}
