import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource, EntityManager } from 'typeorm';

/** A row of the export: JSON as PostgreSQL gives it, shown to the learner as it is stored. */
export type ExportedRow = Record<string, unknown>;

/** Everything held about one learner, table by table, for their data export. */
export interface LearnerDataRows {
  account: ExportedRow | null;
  profile: ExportedRow | null;
  skills: ExportedRow[];
  roadmaps: ExportedRow[];
  notifications: ExportedRow[];
  courseParticipations: ExportedRow[];
  credentials: ExportedRow[];
  cohorts: ExportedRow[];
  outcomes: ExportedRow[];
  expressionsOfInterest: ExportedRow[];
  /** Providers' "you enrolled / completed" requests and the learner's answers. */
  participationRequests: ExportedRow[];
  accessLog: ExportedRow[];
}

/** The queries behind a learner's right of access (export) and erasure. */
@Injectable()
export class PrivacyRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** Everything held about the learner. Secrets (password hash, token hashes) are not data about them. */
  async learnerData(userId: string): Promise<LearnerDataRows> {
    const q = (sql: string) => this.sql.rows<ExportedRow>(sql, [userId]);
    const [account] = await q(
      'SELECT id, email, display_name, role, created_at, updated_at FROM users WHERE id = $1',
    );
    return {
      account: account ?? null,
      profile: (await q('SELECT * FROM learner_profiles WHERE user_id = $1'))[0] ?? null,
      skills: await q(
        `SELECT s.label, s.uri, ls.level, ls.source, ls.evidence_id, ls.updated_at FROM learner_skills ls
           JOIN skills s ON s.id = ls.skill_id WHERE ls.user_id = $1 ORDER BY s.label`,
      ),
      roadmaps: await q(
        `SELECT r.*, coalesce((SELECT json_agg(row_to_json(st) ORDER BY st.position)
           FROM (SELECT rs.*, o.title AS opportunity_title FROM roadmap_steps rs JOIN opportunities o ON o.id = rs.opportunity_id
                  WHERE rs.roadmap_id = r.id) st), '[]') AS steps
         FROM roadmaps r WHERE r.user_id = $1 ORDER BY r.version`,
      ),
      notifications: await q(
        'SELECT kind, title, body, data, read_at, created_at FROM notifications WHERE user_id = $1 ORDER BY created_at',
      ),
      courseParticipations: await q(
        `SELECT cp.*, o.title AS opportunity_title FROM course_participations cp
           JOIN opportunities o ON o.id = cp.opportunity_id WHERE cp.user_id = $1 ORDER BY cp.id`,
      ),
      credentials: await q('SELECT * FROM credentials WHERE user_id = $1 ORDER BY id'),
      cohorts: await q(
        `SELECT c.name AS cohort, cm.consented_at, cm.individual_monitoring, cm.joined_at FROM cohort_members cm
           JOIN cohorts c ON c.id = cm.cohort_id WHERE cm.user_id = $1 ORDER BY cm.joined_at`,
      ),
      outcomes: await q('SELECT * FROM learner_outcomes WHERE user_id = $1 ORDER BY id'),
      expressionsOfInterest: await q(
        `SELECT e.message, e.status, org.name AS employer, o.title AS vacancy FROM expressions_of_interest e
           JOIN organisations org ON org.id = e.employer_id JOIN opportunities o ON o.id = e.vacancy_id
          WHERE e.learner_user_id = $1 ORDER BY e.id`,
      ),
      participationRequests: await q(
        `SELECT r.kind, r.status, o.title AS course, org.name AS provider, r.created_at, r.responded_at
           FROM participation_requests r JOIN opportunities o ON o.id = r.opportunity_id
           LEFT JOIN organisations org ON org.id = r.provider_id WHERE r.user_id = $1 ORDER BY r.created_at`,
      ),
      accessLog: await q(
        'SELECT actor_role, action, reason, at FROM audit_log WHERE subject_user_id = $1 ORDER BY at',
      ),
    };
  }

  /** Deletes the account; everything personal goes with it by cascade. */
  async deleteUser(userId: string, m: EntityManager): Promise<void> {
    await new Sql(m).exec('DELETE FROM users WHERE id = $1', [userId]);
  }
}
