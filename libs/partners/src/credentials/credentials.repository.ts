import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CredentialEntity, Sql } from '@skillpath/persistence';

/** An accreditation that may back a credential: ACTIVE, in force, by a VERIFIED employer. */
export interface BackingAccreditationRow {
  id: string;
  employerId: string;
  employerName: string;
  skillIds: string[];
  validFrom: Date | null;
  validTo: Date | null;
  guaranteedInterview: boolean;
}

export interface CourseRow {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  organisationId: string | null;
  organisationName: string;
  providerName: string | null;
  /** Null for a course from a public feed (no Skillpath organisation). */
  providerVerification: string | null;
}

export interface CredentialSkillRow {
  id: string;
  uri: string | null;
  label: string;
  level: number | null;
}

/** What verification needs about a stored credential and what backs it. */
export interface StoredCredentialRow {
  id: string;
  jws: string;
  revokedAt: Date | null;
  revocationReason: string | null;
  accreditationStatus: string | null;
  accreditationValidTo: Date | null;
  accreditationReason: string | null;
  employerVerification: string | null;
}

const STORED = `SELECT c.id, c.jws, c.revoked_at AS "revokedAt", c.revocation_reason AS "revocationReason",
       a.status AS "accreditationStatus", a.valid_to AS "accreditationValidTo", a.reason AS "accreditationReason",
       e.verification AS "employerVerification"
  FROM credentials c LEFT JOIN accreditations a ON a.id = c.accreditation_id LEFT JOIN organisations e ON e.id = a.employer_id`;

/** The SQL of credentials: issuing, reading for verification, and the revocation status list. */
@Injectable()
export class CredentialsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** Accreditations of the course that may back a new credential for the learner (none issued yet). */
  backingAccreditations(
    m: EntityManager,
    userId: string,
    opportunityId: string,
  ): Promise<BackingAccreditationRow[]> {
    return new Sql(m).rows<BackingAccreditationRow>(
      `SELECT a.id, a.employer_id AS "employerId", e.name AS "employerName", a.skill_ids AS "skillIds",
              a.valid_from AS "validFrom", a.valid_to AS "validTo", a.guaranteed_interview AS "guaranteedInterview"
         FROM accreditations a JOIN organisations e ON e.id = a.employer_id
        WHERE a.opportunity_id = $1 AND a.status = 'ACTIVE' AND e.verification = 'VERIFIED'
          AND (a.valid_from IS NULL OR a.valid_from <= now()) AND (a.valid_to IS NULL OR a.valid_to > now())
          AND NOT EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = $2 AND c.accreditation_id = a.id)
        ORDER BY e.name, a.id`,
      [opportunityId, userId],
    );
  }

  async course(m: EntityManager, opportunityId: string): Promise<CourseRow> {
    const c = await new Sql(m).first<CourseRow>(
      `SELECT o.id, o.kind, o.title, o.description, o.organisation_id AS "organisationId",
              o.organisation_name AS "organisationName", org.name AS "providerName",
              org.verification AS "providerVerification"
         FROM opportunities o LEFT JOIN organisations org ON org.id = o.organisation_id WHERE o.id = $1`,
      [opportunityId],
    );
    return c;
  }

  async learner(m: EntityManager, userId: string): Promise<{ email: string; displayName: string }> {
    const u = await new Sql(m).first<{ email: string; displayName: string }>(
      'SELECT email, display_name AS "displayName" FROM users WHERE id = $1',
      [userId],
    );
    return u;
  }

  /** The skills of every accreditation at once, keyed by skill id (with the level the course teaches). */
  skills(m: EntityManager, skillIds: string[], opportunityId: string): Promise<CredentialSkillRow[]> {
    return new Sql(m).rows<CredentialSkillRow>(
      `SELECT s.id, s.uri, s.label, os.level FROM skills s
         LEFT JOIN opportunity_skills os ON os.skill_id = s.id AND os.opportunity_id = $2 AND os.role = 'TAUGHT'
        WHERE s.id = ANY($1::uuid[]) ORDER BY s.label`,
      [skillIds, opportunityId],
    );
  }

  /** Unused indexes among `candidates` (random picks), so a new credential's bit is its own. */
  async freeStatusIndexes(m: EntityManager, candidates: number[]): Promise<number[]> {
    const used = await new Sql(m).rows<{ i: number }>(
      'SELECT status_list_index AS i FROM credentials WHERE status_list_index = ANY($1::int[])',
      [candidates],
    );
    const taken = new Set(used.map((u) => u.i));
    return candidates.filter((c) => !taken.has(c));
  }

  async insert(m: EntityManager, row: Partial<CredentialEntity>): Promise<void> {
    await m.getRepository(CredentialEntity).insert(row);
  }

  async stored(id: string): Promise<StoredCredentialRow | null> {
    const row = await this.sql.one<StoredCredentialRow>(`${STORED} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Status-list indexes of credentials that no longer hold: revoked themselves, their accreditation
   * revoked or gone, or their employer no longer verified.
   */
  async revokedIndexes(): Promise<number[]> {
    const rows = await this.sql.rows<{ i: number }>(
      `SELECT c.status_list_index AS i FROM credentials c
         LEFT JOIN accreditations a ON a.id = c.accreditation_id LEFT JOIN organisations e ON e.id = a.employer_id
        WHERE c.status_list_index IS NOT NULL
          AND (c.revoked_at IS NOT NULL OR a.id IS NULL OR a.status = 'REVOKED' OR e.verification IS DISTINCT FROM 'VERIFIED')`,
    );
    return rows.map((r) => r.i);
  }

  ofLearner(userId: string): Promise<CredentialEntity[]> {
    return this.ds.getRepository(CredentialEntity).find({ where: { userId }, order: { issuedAt: 'DESC' } });
  }

  idsFor(userId: string, opportunityId: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    return new Sql(m)
      .rows<{ id: string }>(
        'SELECT id FROM credentials WHERE user_id = $1 AND opportunity_id = $2 ORDER BY issued_at',
        [userId, opportunityId],
      )
      .then((rows) => rows.map((r) => r.id));
  }
}
