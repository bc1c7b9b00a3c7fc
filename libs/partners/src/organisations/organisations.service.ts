import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, forbidden, notFound } from '@skillpath/common';
import {
  OrganisationEntity,
  OrganisationInvitationEntity,
  OrganisationKind,
  OrganisationMemberEntity,
  OrganisationRole,
  Role,
} from '@skillpath/persistence';
import { OrganisationAccess } from './organisation-access.service';

const INVITATION_DAYS = 14;
/** Which accounts may belong to which kind of organisation. */
export const ROLE_FOR_KIND: Record<OrganisationKind, Role> = {
  EMPLOYER: 'EMPLOYER',
  PROVIDER: 'PROVIDER',
  PARTNERSHIP: 'PARTNER',
};
const ROLE_KIND_HINT: Partial<Record<Role, OrganisationKind>> = {
  EMPLOYER: 'EMPLOYER',
  PROVIDER: 'PROVIDER',
  PARTNER: 'PARTNERSHIP',
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: OrganisationAccess,
  ) {}

  async create(
    user: AuthUser,
    input: { name: string; kind: OrganisationKind; borough?: string },
  ): Promise<OrganisationEntity> {
    if (user.role !== 'ADMIN' && ROLE_FOR_KIND[input.kind] !== user.role) {
      throw badInput(
        `A ${user.role.toLowerCase()} account cannot create a ${input.kind.toLowerCase()} organisation: choose kind ${ROLE_KIND_HINT[user.role] ?? 'matching your account'}.`,
      );
    }
    return this.ds.transaction(async (m) => {
      const org = await m
        .getRepository(OrganisationEntity)
        .save(
          m
            .getRepository(OrganisationEntity)
            .create({ name: input.name.trim(), kind: input.kind, borough: input.borough?.trim() || null }),
        );
      await m
        .getRepository(OrganisationMemberEntity)
        .insert({ organisationId: org.id, userId: user.id, role: 'OWNER' });
      return org;
    });
  }

  async mine(userId: string): Promise<Array<{ organisation: OrganisationEntity; role: OrganisationRole }>> {
    const rows = await this.ds
      .getRepository(OrganisationMemberEntity)
      .find({ where: { userId }, relations: { organisation: true }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ organisation: r.organisation!, role: r.role }));
  }

  /** Employers whose name contains the text, so a provider can choose whom to ask for accreditation. */
  async employers(search: string, first: number): Promise<OrganisationEntity[]> {
    const text = search.trim();
    if (text.length < 2)
      throw badInput('Type at least 2 letters of the employer’s name.', { field: 'search' });
    if (text.length > 120)
      throw badInput('An employer’s name is at most 120 letters: shorten the search.', { field: 'search' });
    return this.ds
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(`o.kind = 'EMPLOYER'`)
      .andWhere(`o.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${text.replace(/[\\%_]/g, '\\$&')}%` })
      .orderBy('o.name', 'ASC')
      .limit(first)
      .getMany();
  }

  async members(user: AuthUser, organisationId: string) {
    await this.access.requireMember(user, organisationId);
    const rows: Array<{ user_id: string; display_name: string; email: string; role: OrganisationRole }> =
      await this.ds.query(
        `SELECT m.user_id, u.display_name, u.email, m.role FROM organisation_members m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY m.created_at`,
        [organisationId],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
    }));
  }

  async invite(user: AuthUser, input: { organisationId: string; email: string; role: OrganisationRole }) {
    await this.access.requireMember(user, input.organisationId, { owner: true });
    const token = randomBytes(24).toString('base64url');
    const repo = this.ds.getRepository(OrganisationInvitationEntity);
    const inv = await repo.save(
      repo.create({
        organisationId: input.organisationId,
        email: input.email.trim().toLowerCase(),
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: user.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
      }),
    );
    return { id: inv.id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt, token };
  }

  /** The invitee, logged in with the invited email address, joins. */
  async accept(user: AuthUser, token: string): Promise<OrganisationEntity> {
    return this.ds.transaction(async (m) => {
      const inv = await m
        .getRepository(OrganisationInvitationEntity)
        .findOne({ where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!inv || inv.expiresAt < new Date())
        throw notFound('That invitation does not exist or has expired. Ask for a new one.');
      if (inv.email !== user.email.toLowerCase())
        throw forbidden('That invitation was sent to a different email address.');
      if (inv.acceptedAt) throw conflict('That invitation has already been used.');
      const org = await m
        .getRepository(OrganisationEntity)
        .findOneOrFail({ where: { id: inv.organisationId } });
      if (ROLE_FOR_KIND[org.kind] !== user.role) {
        throw badInput(`Only ${ROLE_FOR_KIND[org.kind].toLowerCase()} accounts can join ${org.name}.`);
      }
      const existing = await m
        .getRepository(OrganisationMemberEntity)
        .findOne({ where: { organisationId: org.id, userId: user.id } });
      if (existing) throw conflict(`You are already a member of ${org.name}.`);
      await m
        .getRepository(OrganisationMemberEntity)
        .insert({ organisationId: org.id, userId: user.id, role: inv.role });
      await m.getRepository(OrganisationInvitationEntity).update({ id: inv.id }, { acceptedAt: new Date() });
      return org;
    });
  }
}
