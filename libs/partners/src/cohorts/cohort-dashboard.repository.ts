import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource } from 'typeorm';
import type { StepKind, StepStatus } from '@skillpath/persistence';

/**
 * Email domains many unrelated people share, so sharing one says nothing about who made an account:
 * public mail providers, and the domains reserved for examples and tests (RFC 2606).
 */
export const SHARED_EMAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'talktalk.net',
  'gmx.com',
  'gmx.co.uk',
  'mail.com',
  'example.com',
  'example.org',
  'example.net',
];

/** One mailbox, however it is written: lower case, no "+tag", and no dots for Gmail. */
const MAILBOX = (e: string) => `(CASE WHEN split_part(lower(${e}), '@', 2) IN ('gmail.com', 'googlemail.com')
    THEN replace(split_part(split_part(lower(${e}), '@', 1), '+', 1), '.', '') || '@gmail.com'
    ELSE split_part(split_part(lower(${e}), '@', 1), '+', 1) || '@' || split_part(lower(${e}), '@', 2) END)`;

/** A cohort member as the dashboard reads them. */
export interface CohortMemberRow {
  userId: string;
  joinedAt: Date;
  monitored: boolean;
  staffLinked: boolean;
  displayName: string;
  borough: string | null;
  profileComplete: boolean;
  hasRoadmap: boolean;
  enrolled: boolean;
  completedStep: boolean;
  applied: boolean;
  interviewed: boolean;
  inWork: boolean;
  bootcampStarted: boolean;
  bootcampCompleted: boolean;
  interviewPromised: boolean;
  /** The steps of the latest roadmap, for learningProgress (the one definition of progress). */
  steps: Array<{ kind: StepKind; status: StepStatus }>;
}

/** The SQL of the cohort dashboard. */
@Injectable()
export class CohortDashboardRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /**
   * Every member with their stage flags. STAFF-LINKED — a member the partnership's own people made or
   * run, excluded from every figure of its cohorts — is any member who:
   *  (a) is a member of the partnership organisation, or was invited to join it (by email);
   *  (b) uses the same mailbox as one of its members, written differently ("jo+2@x.org", "j.o@gmail.com");
   *  (c) uses an email at the same domain as one of its members, unless that domain is shared by
   *      unrelated people (SHARED_EMAIL_DOMAINS: public mail providers, example domains).
   * Accounts a partnership makes with unrelated addresses cannot be told apart from residents; the
   * intake counting and rounding in cohort-figures.ts are the defence there (see SECURITY.md).
   */
  members(cohortId: string, partnershipId: string): Promise<CohortMemberRow[]> {
    return this.sql.rows<CohortMemberRow>(
      `WITH m AS (SELECT cm.user_id, cm.joined_at,
                         (cm.individual_monitoring AND coalesce(lp.share_with_partnerships, false)) AS monitored
                    FROM cohort_members cm LEFT JOIN learner_profiles lp ON lp.user_id = cm.user_id WHERE cm.cohort_id = $1),
            staff AS (SELECT ${MAILBOX('u.email')} AS mailbox, split_part(lower(u.email), '@', 2) AS domain
                        FROM organisation_members om JOIN users u ON u.id = om.user_id WHERE om.organisation_id = $2),
            latest AS (SELECT DISTINCT ON (r.user_id) r.user_id, r.id FROM roadmaps r JOIN m ON m.user_id = r.user_id ORDER BY r.user_id, r.version DESC)
       SELECT m.user_id AS "userId", m.joined_at AS "joinedAt", m.monitored, u.display_name AS "displayName", p.borough,
              (EXISTS (SELECT 1 FROM organisation_members om WHERE om.organisation_id = $2 AND om.user_id = m.user_id)
                OR EXISTS (SELECT 1 FROM organisation_invitations i WHERE i.organisation_id = $2 AND lower(i.email) = lower(u.email))
                OR EXISTS (SELECT 1 FROM staff WHERE staff.mailbox = ${MAILBOX('u.email')})
                OR EXISTS (SELECT 1 FROM staff WHERE staff.domain = split_part(lower(u.email), '@', 2) AND staff.domain <> ALL($3::text[]))
              ) AS "staffLinked",
              (p.postcode IS NOT NULL AND EXISTS (SELECT 1 FROM learner_skills ls WHERE ls.user_id = m.user_id)) AS "profileComplete",
              latest.id IS NOT NULL AS "hasRoadmap",
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = m.user_id AND s.kind = 'LEARN' AND s.status IN ('ENROLLED', 'COMPLETED')) AS enrolled,
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = m.user_id AND s.kind = 'LEARN' AND s.status = 'COMPLETED') AS "completedStep",
              (EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = m.user_id AND s.kind = 'APPLY' AND s.status IN ('ENROLLED', 'COMPLETED'))
                OR EXISTS (SELECT 1 FROM learner_outcomes o WHERE o.user_id = m.user_id AND o.kind = 'APPLIED')) AS applied,
              EXISTS (SELECT 1 FROM learner_outcomes o WHERE o.user_id = m.user_id AND o.kind = 'INTERVIEWED') AS interviewed,
              EXISTS (SELECT 1 FROM learner_outcomes o WHERE o.user_id = m.user_id AND o.kind = 'IN_WORK') AS "inWork",
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id JOIN opportunities o ON o.id = s.opportunity_id
                       WHERE r.user_id = m.user_id AND o.kind = 'BOOTCAMP' AND s.status IN ('ENROLLED', 'COMPLETED')) AS "bootcampStarted",
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id JOIN opportunities o ON o.id = s.opportunity_id
                       WHERE r.user_id = m.user_id AND o.kind = 'BOOTCAMP' AND s.status = 'COMPLETED') AS "bootcampCompleted",
              EXISTS (SELECT 1 FROM credentials c JOIN accreditations a ON a.id = c.accreditation_id WHERE c.user_id = m.user_id AND a.guaranteed_interview) AS "interviewPromised",
              coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'status', s.status)) FROM roadmap_steps s WHERE s.roadmap_id = latest.id), '[]') AS steps
         FROM m JOIN users u ON u.id = m.user_id LEFT JOIN learner_profiles p ON p.user_id = m.user_id LEFT JOIN latest ON latest.user_id = m.user_id
        ORDER BY u.display_name, m.user_id`,
      [cohortId, partnershipId, SHARED_EMAIL_DOMAINS],
    );
  }

  async partnershipBorough(partnershipId: string): Promise<string | null> {
    const p = await this.sql.one<{ borough: string | null }>(
      'SELECT borough FROM organisations WHERE id = $1',
      [partnershipId],
    );
    return p?.borough ?? null;
  }

  /** Skills active vacancies in the area ask for, most asked first (vacancies, not people). */
  demand(area: string[], limit: number): Promise<Array<{ skillId: string; vacancies: number }>> {
    // A vacancy is where its own postcode places it; one with no location at all (online) is where its
    // employer is, if the employer has a borough. Outside the region it has no borough and counts nowhere.
    return this.sql.rows<{ skillId: string; vacancies: number }>(
      `SELECT os.skill_id AS "skillId", count(DISTINCT o.id)::int AS vacancies FROM opportunities o
         JOIN opportunity_skills os ON os.opportunity_id = o.id AND os.role = 'REQUIRED'
         LEFT JOIN organisations org ON org.id = o.organisation_id
        WHERE o.kind IN ('VACANCY', 'APPRENTICESHIP') AND o.status = 'ACTIVE'
          AND lower(COALESCE(o.borough, CASE WHEN o.postcode IS NULL AND o.latitude IS NULL THEN org.borough END)) = ANY($1::text[])
        GROUP BY os.skill_id ORDER BY vacancies DESC, os.skill_id LIMIT $2`,
      [area, limit],
    );
  }

  held(userIds: string[], skillIds: string[]): Promise<Array<{ userId: string; skillId: string }>> {
    return this.sql.rows<{ userId: string; skillId: string }>(
      'SELECT DISTINCT user_id AS "userId", skill_id AS "skillId" FROM learner_skills WHERE user_id = ANY($1::uuid[]) AND skill_id = ANY($2::uuid[])',
      [userIds, skillIds],
    );
  }

  learning(userIds: string[], skillIds: string[]): Promise<Array<{ userId: string; skillId: string }>> {
    return this.sql.rows<{ userId: string; skillId: string }>(
      `SELECT DISTINCT r.user_id AS "userId", os.skill_id AS "skillId" FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id
         JOIN opportunity_skills os ON os.opportunity_id = s.opportunity_id AND os.role = 'TAUGHT'
        WHERE r.user_id = ANY($1::uuid[]) AND os.skill_id = ANY($2::uuid[]) AND s.kind = 'LEARN' AND s.status IN ('PLANNED', 'ENROLLED')
          AND r.version = (SELECT max(version) FROM roadmaps WHERE user_id = r.user_id)`,
      [userIds, skillIds],
    );
  }
}
