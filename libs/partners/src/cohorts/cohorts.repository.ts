import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface OutcomeRow {
  id: string;
  kind: string;
  opportunityId: string | null;
  recordedBy: string;
  at: Date;
  title: string | null;
  organisationName: string | null;
}

/** The raw SQL of cohorts and learners' outcomes (simple reads and writes use TypeORM repositories). */
@Injectable()
export class CohortsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async opportunityExists(id: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>('SELECT 1 FROM opportunities WHERE id = $1', [id]);
    return rows.length > 0;
  }

  outcomesOf(userId: string): Promise<OutcomeRow[]> {
    return this.ds.query<OutcomeRow[]>(
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
    await m.query(
      `INSERT INTO learner_profiles (user_id, share_with_partnerships) VALUES ($1, true)
       ON CONFLICT (user_id) DO UPDATE SET share_with_partnerships = true, updated_at = now()`,
      [userId],
    );
  }
}
