import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService, TokenService } from '@skillpath/auth';
import { unauthenticated } from '@skillpath/common';
import { AuditService } from './audit.service';

type Row = Record<string, unknown>;

/** A learner's right to their data: a full export, and erasure. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /** Everything held about the learner, as JSON. Secrets (password hash, token hashes) are not data about them. */
  async export(userId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => this.ds.query(sql, [userId]) as Promise<Row[]>;
    const [account] = await q(
      'SELECT id, email, display_name, role, created_at, updated_at FROM users WHERE id = $1',
    );
    const data = {
      exportedAt: new Date().toISOString(),
      account,
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
      accessLog: await q(
        'SELECT actor_role, action, reason, at FROM audit_log WHERE subject_user_id = $1 ORDER BY at',
      ),
    };
    await this.audit.record({
      actorUserId: userId,
      actorRole: 'LEARNER',
      subjectUserId: userId,
      action: 'EXPORT',
      reason: 'learner exported their data',
    });
    return data;
  }

  /**
   * Erases the account and everything personal (profile, skills, roadmaps, notifications, tokens) by
   * cascade. The access log stays, pointing at an id that no longer exists; cohort figures already
   * published stay as anonymous counts.
   */
  async erase(userId: string, password: string): Promise<void> {
    if (!(await this.auth.verifyPassword(userId, password))) {
      throw unauthenticated('That password is not right, so nothing was deleted.');
    }
    await this.ds.transaction(async (m) => {
      await this.audit.record(
        {
          actorUserId: null,
          actorRole: 'LEARNER',
          subjectUserId: userId,
          action: 'ERASE',
          reason: 'learner deleted their account',
        },
        m,
      );
      await m.query('DELETE FROM users WHERE id = $1', [userId]);
    });
    await this.tokens.revokeAllForUser(userId);
  }
}
