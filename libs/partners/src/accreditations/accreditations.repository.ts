import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccreditationEntity, AccreditationStatus, CredentialEntity, Sql } from '@skillpath/persistence';

/** An accreditation as its employer and the course's provider see it. */
export interface AccreditationRow {
  id: string;
  opportunityId: string;
  courseTitle: string;
  providerId: string | null;
  employerId: string;
  employerName: string;
  status: AccreditationStatus;
  skillIds: string[];
  validFrom: Date | null;
  validTo: Date | null;
  guaranteedInterview: boolean;
  reason: string | null;
  providerName: string;
  courseMode: string;
  courseBorough: string | null;
  coursePostcode: string | null;
  courseStart: Date | null;
  requestedAt: Date;
}

const ACCREDITATION_SQL = `SELECT a.id, a.opportunity_id AS "opportunityId", o.title AS "courseTitle",
       o.organisation_id AS "providerId", a.employer_id AS "employerId", e.name AS "employerName", a.status,
       a.skill_ids AS "skillIds", a.valid_from AS "validFrom", a.valid_to AS "validTo",
       a.guaranteed_interview AS "guaranteedInterview", a.reason,
       o.organisation_name AS "providerName", o.mode AS "courseMode", o.borough AS "courseBorough",
       o.postcode AS "coursePostcode", o.start_date AS "courseStart", a.created_at AS "requestedAt"
  FROM accreditations a JOIN opportunities o ON o.id = a.opportunity_id JOIN organisations e ON e.id = a.employer_id`;

/** The SQL of accreditations. */
@Injectable()
export class AccreditationsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  async read(id: string): Promise<AccreditationRow | null> {
    const row = await this.sql.one<AccreditationRow>(`${ACCREDITATION_SQL} WHERE a.id = $1`, [id]);
    return row ?? null;
  }

  /** Given by an employer (`by: 'EMPLOYER'`) or asked for a provider's courses (`'PROVIDER'`), newest first. */
  list(organisationId: string, by: 'EMPLOYER' | 'PROVIDER'): Promise<AccreditationRow[]> {
    const column = by === 'EMPLOYER' ? 'a.employer_id' : 'o.organisation_id';
    return this.sql.rows<AccreditationRow>(
      `${ACCREDITATION_SQL} WHERE ${column} = $1 ORDER BY a.created_at DESC`,
      [organisationId],
    );
  }

  async organisationKind(id: string): Promise<string | null> {
    const row = await this.sql.one<{ kind: string }>('SELECT kind FROM organisations WHERE id = $1', [id]);
    return row?.kind ?? null;
  }

  async hasOpen(opportunityId: string, employerId: string): Promise<boolean> {
    const rows = await this.sql.rows<object>(
      `SELECT 1 FROM accreditations WHERE opportunity_id = $1 AND employer_id = $2 AND status IN ('REQUESTED', 'ACTIVE')`,
      [opportunityId, employerId],
    );
    return rows.length > 0;
  }

  async create(row: { opportunityId: string; employerId: string; skillIds: string[] }): Promise<string> {
    const repo = this.ds.getRepository(AccreditationEntity);
    return (await repo.save(repo.create({ ...row, status: 'REQUESTED' }))).id;
  }

  /** Conditional update: two clicks racing cannot both succeed. True when it moved. */
  async transition(
    id: string,
    from: AccreditationStatus[],
    patch: Partial<AccreditationEntity>,
    m: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(AccreditationEntity)
      .set(patch)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return !!res.affected;
  }

  async revokeCredentials(m: EntityManager, accreditationId: string, reason: string): Promise<void> {
    await m
      .getRepository(CredentialEntity)
      .update({ accreditationId }, { revokedAt: new Date(), revocationReason: reason });
  }
}
