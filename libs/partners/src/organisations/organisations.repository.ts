import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  OrganisationAuditEntity,
  OrganisationInvitationEntity,
  OrganisationEntity,
  OrganisationEvidenceKind,
  OrganisationKind,
  OrganisationMemberEntity,
  OrganisationRole,
  OrganisationVerification,
  Sql,
} from '@skillpath/persistence';

export interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  role: OrganisationRole;
}

export interface OrganisationAuditRow {
  organisationId: string;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  reason: string;
  at: Date;
}

/** The `organisations`, `organisation_members` and `organisation_audit_log` rows. */
@Injectable()
export class OrganisationsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  byId(id: string, m: EntityManager = this.ds.manager): Promise<OrganisationEntity | null> {
    return m.getRepository(OrganisationEntity).findOne({ where: { id } });
  }

  /** Exact name, case-insensitive (for the CLI, where an operator types it). */
  byName(name: string): Promise<OrganisationEntity[]> {
    return this.ds
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name: name.trim() })
      .orderBy('o.created_at')
      .getMany();
  }

  membership(organisationId: string, userId: string, m: EntityManager = this.ds.manager) {
    return m.getRepository(OrganisationMemberEntity).findOne({ where: { organisationId, userId } });
  }

  async createWithOwner(
    input: {
      name: string;
      kind: OrganisationKind;
      borough: string | null;
      evidenceKind: OrganisationEvidenceKind | null;
      evidenceNumber: string | null;
    },
    ownerId: string,
  ): Promise<OrganisationEntity> {
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(OrganisationEntity);
      const org = await repo.save(repo.create({ ...input, verification: 'PENDING' }));
      await m
        .getRepository(OrganisationMemberEntity)
        .insert({ organisationId: org.id, userId: ownerId, role: 'OWNER' });
      return org;
    });
  }

  async memberships(userId: string) {
    return this.ds
      .getRepository(OrganisationMemberEntity)
      .find({ where: { userId }, relations: { organisation: true }, order: { createdAt: 'ASC' } });
  }

  employersNamed(text: string, first: number): Promise<OrganisationEntity[]> {
    return this.ds
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(`o.kind = 'EMPLOYER'`)
      .andWhere(`o.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${text.replace(/[\\%_]/g, '\\$&')}%` })
      .orderBy('o.name', 'ASC')
      .limit(first)
      .getMany();
  }

  members(organisationId: string): Promise<MemberRow[]> {
    return this.sql.rows<MemberRow>(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", u.email, m.role
         FROM organisation_members m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY m.created_at`,
      [organisationId],
    );
  }

  /** Organisations waiting for an admin: PENDING ones with evidence first, oldest first. */
  toVerify(first: number): Promise<OrganisationEntity[]> {
    return this.ds
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(`o.verification = 'PENDING'`)
      .orderBy('o.evidence_number IS NULL', 'ASC')
      .addOrderBy('o.created_at', 'ASC')
      .limit(first)
      .getMany();
  }

  async setEvidence(
    id: string,
    evidence: { evidenceKind: OrganisationEvidenceKind; evidenceNumber: string },
    m: EntityManager,
  ): Promise<void> {
    await m.getRepository(OrganisationEntity).update({ id }, evidence);
  }

  /**
   * Moves the organisation to `to` only from one of `from` (a conditional update, so two admins racing
   * cannot both decide). True when it moved.
   */
  async setVerification(
    id: string,
    from: OrganisationVerification[],
    to: OrganisationVerification,
    by: string | null,
    reason: string | null,
    m: EntityManager,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(OrganisationEntity)
      .set({
        verification: to,
        verifiedAt: to === 'PENDING' ? null : new Date(),
        verifiedBy: by,
        rejectionReason: to === 'REJECTED' ? reason : null,
      })
      .where('id = :id AND verification IN (:...from)', { id, from })
      .execute();
    return !!res.affected;
  }

  async audit(entry: Omit<OrganisationAuditRow, 'at'>, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(OrganisationAuditEntity).insert(entry);
  }

  auditOf(organisationId: string): Promise<OrganisationAuditRow[]> {
    return this.ds.getRepository(OrganisationAuditEntity).find({
      where: { organisationId },
      order: { at: 'ASC' },
      select: ['organisationId', 'actorUserId', 'actorRole', 'action', 'reason', 'at'],
    });
  }

  /** Courses an employer accredits (any status): their ranking changes when the employer's verification does. */
  async accreditedCourseIds(employerId: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows = await new Sql(m).rows<{ id: string }>(
      `SELECT DISTINCT opportunity_id AS id FROM accreditations WHERE employer_id = $1 AND status = 'ACTIVE'`,
      [employerId],
    );
    return rows.map((r) => r.id);
  }

  /** Verification of the organisation behind each listing; null for listings from a source feed. */
  verificationOfListings(
    opportunityIds: readonly string[],
  ): Promise<Array<{ id: string; verification: OrganisationVerification | null }>> {
    return this.sql.rows<{ id: string; verification: OrganisationVerification | null }>(
      `SELECT o.id, org.verification FROM opportunities o LEFT JOIN organisations org ON org.id = o.organisation_id
        WHERE o.id = ANY($1::uuid[])`,
      [opportunityIds],
    );
  }

  async createInvitation(row: Partial<OrganisationInvitationEntity>): Promise<OrganisationInvitationEntity> {
    const repo = this.ds.getRepository(OrganisationInvitationEntity);
    return repo.save(repo.create(row));
  }

  /** The invitation with this token hash, locked for the accepting transaction. */
  invitationForUpdate(m: EntityManager, tokenHash: string): Promise<OrganisationInvitationEntity | null> {
    return m
      .getRepository(OrganisationInvitationEntity)
      .findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** The invitee becomes a member and the invitation is used up, together. */
  async join(
    m: EntityManager,
    invitationId: string,
    organisationId: string,
    userId: string,
    role: OrganisationRole,
  ): Promise<void> {
    await m.getRepository(OrganisationMemberEntity).insert({ organisationId, userId, role });
    await m
      .getRepository(OrganisationInvitationEntity)
      .update({ id: invitationId }, { acceptedAt: new Date() });
  }
}
