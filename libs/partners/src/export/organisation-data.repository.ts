import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource } from 'typeorm';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: Date;
}

export interface MembershipRow {
  organisationId: string;
  name: string;
  kind: string;
  borough: string | null;
  verification: string;
  evidenceKind: string | null;
  evidenceNumber: string | null;
  rejectionReason: string | null;
  role: string;
  joinedAt: Date;
}

type JsonRow = Record<string, unknown>;

/**
 * What an employer's, provider's or partnership's staff account holds, for their export: their account,
 * their organisations and what those organisations published, asked and decided. Never a learner's
 * identity beyond what the organisation was given (contact details only where a learner accepted),
 * and no secrets (password or token hashes).
 */
@Injectable()
export class OrganisationDataRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  async account(userId: string): Promise<AccountRow | null> {
    const a = await this.sql.one<AccountRow>(
      `SELECT id, email, display_name AS "displayName", role, created_at AS "createdAt" FROM users WHERE id = $1`,
      [userId],
    );
    return a ?? null;
  }

  memberships(userId: string): Promise<MembershipRow[]> {
    return this.sql.rows<MembershipRow>(
      `SELECT o.id AS "organisationId", o.name, o.kind, o.borough, o.verification, o.evidence_kind AS "evidenceKind",
              o.evidence_number AS "evidenceNumber", o.rejection_reason AS "rejectionReason", m.role, m.created_at AS "joinedAt"
         FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY m.created_at`,
      [userId],
    );
  }

  /** Everything one organisation published, asked and decided (one query per kind of record). */
  async organisation(orgId: string): Promise<Record<string, JsonRow[]>> {
    const q = (text: string) => this.sql.rows<JsonRow>(text, [orgId]);
    return {
      members: await q(
        `SELECT u.display_name AS "displayName", u.email, m.role, m.created_at AS "joinedAt"
           FROM organisation_members m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 ORDER BY m.created_at`,
      ),
      invitations: await q(
        `SELECT email, role, expires_at AS "expiresAt", accepted_at AS "acceptedAt", created_at AS "createdAt"
           FROM organisation_invitations WHERE organisation_id = $1 ORDER BY created_at`,
      ),
      listings: await q(
        `SELECT id, kind, title, description, status, mode, postcode, cost_pence AS "costPence", created_at AS "createdAt"
           FROM opportunities WHERE organisation_id = $1 ORDER BY created_at, id`,
      ),
      accreditations: await q(
        `SELECT a.id, o.title AS course, e.name AS employer, a.status, a.valid_from AS "validFrom", a.valid_to AS "validTo",
                a.guaranteed_interview AS "guaranteedInterview", a.reason, a.created_at AS "createdAt"
           FROM accreditations a JOIN opportunities o ON o.id = a.opportunity_id JOIN organisations e ON e.id = a.employer_id
          WHERE a.employer_id = $1 OR o.organisation_id = $1 ORDER BY a.created_at`,
      ),
      expressionsOfInterest: await q(
        `SELECT o.title AS vacancy, i.message, i.status, i.created_at AS "createdAt", i.responded_at AS "respondedAt",
                CASE WHEN i.status = 'ACCEPTED' THEN u.display_name END AS "contactName",
                CASE WHEN i.status = 'ACCEPTED' THEN u.email END AS "contactEmail"
           FROM expressions_of_interest i JOIN opportunities o ON o.id = i.vacancy_id JOIN users u ON u.id = i.learner_user_id
          WHERE i.employer_id = $1 ORDER BY i.created_at`,
      ),
      participationRequests: await q(
        `SELECT r.kind, o.title AS course, r.status, r.created_at AS "createdAt", r.responded_at AS "respondedAt"
           FROM participation_requests r JOIN opportunities o ON o.id = r.opportunity_id WHERE r.provider_id = $1 ORDER BY r.created_at`,
      ),
      cohorts: await q(
        `SELECT name, join_code AS "joinCode", created_at AS "createdAt" FROM cohorts WHERE partnership_id = $1 ORDER BY created_at`,
      ),
      verificationLog: await q(
        `SELECT action, reason, actor_role AS "actorRole", at FROM organisation_audit_log WHERE organisation_id = $1 ORDER BY at`,
      ),
    };
  }

  /** What this account did to learners' data (the access log, as the actor), without naming the learners. */
  actions(userId: string): Promise<JsonRow[]> {
    return this.sql.rows<JsonRow>(
      `SELECT action, reason, at FROM audit_log WHERE actor_user_id = $1 ORDER BY at`,
      [userId],
    );
  }
}
