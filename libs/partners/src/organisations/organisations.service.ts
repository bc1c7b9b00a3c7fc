import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, forbidden, isUuid, notFound } from '@skillpath/common';
import {
  OrganisationEntity,
  OrganisationEvidenceKind,
  OrganisationKind,
  OrganisationRole,
  OrganisationVerification,
  Role,
} from '@skillpath/persistence';
import { ListingChangeNotifier } from '../listings/listing-changes.service';
import { OrganisationAccess } from './organisation-access.service';
import { checkEvidence } from './organisation-evidence';
import { OrganisationsRepository } from './organisations.repository';

/** Who decides: an admin in the API, or the operator's CLI (no account: id null, role ADMIN). */
export interface ActorRef {
  id: string | null;
  role: string;
}

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
    private readonly access: OrganisationAccess,
    private readonly repo: OrganisationsRepository,
    @Optional()
    @Inject(ListingChangeNotifier)
    private readonly changes?: Pick<ListingChangeNotifier, 'changed'>,
  ) {}

  async create(
    user: AuthUser,
    input: {
      name: string;
      kind: OrganisationKind;
      borough?: string;
      evidenceKind?: OrganisationEvidenceKind;
      evidenceNumber?: string;
    },
  ): Promise<OrganisationEntity> {
    if (user.role !== 'ADMIN' && ROLE_FOR_KIND[input.kind] !== user.role) {
      throw badInput(
        `A ${user.role.toLowerCase()} account cannot create a ${input.kind.toLowerCase()} organisation: choose kind ${ROLE_KIND_HINT[user.role] ?? 'matching your account'}.`,
      );
    }
    const evidence = this.evidence(input.kind, input.evidenceKind, input.evidenceNumber);
    const org = await this.repo.createWithOwner(
      {
        name: input.name.trim(),
        kind: input.kind,
        borough: input.borough?.trim() || null,
        evidenceKind: evidence?.evidenceKind ?? null,
        evidenceNumber: evidence?.evidenceNumber ?? null,
      },
      user.id,
    );
    await this.repo.audit({
      organisationId: org.id,
      actorUserId: user.id,
      actorRole: user.role,
      action: 'ORGANISATION_CREATED',
      reason: evidence
        ? `evidence ${evidence.evidenceKind} ${evidence.evidenceNumber}`
        : 'no evidence given yet',
    });
    return org;
  }

  mine(userId: string): Promise<Array<{ organisation: OrganisationEntity; role: OrganisationRole }>> {
    return this.repo
      .memberships(userId)
      .then((rows) => rows.map((r) => ({ organisation: r.organisation!, role: r.role })));
  }

  /** Employers whose name contains the text, so a provider can choose whom to ask for accreditation. */
  async employers(search: string, first: number): Promise<OrganisationEntity[]> {
    const text = search.trim();
    if (text.length < 2)
      throw badInput('Type at least 2 letters of the employer’s name.', { field: 'search' });
    if (text.length > 120)
      throw badInput('An employer’s name is at most 120 letters: shorten the search.', { field: 'search' });
    return this.repo.employersNamed(text, first);
  }

  /** An owner gives (or corrects) the register number an admin checks; the organisation is PENDING again. */
  async submitEvidence(
    user: AuthUser,
    organisationId: string,
    kind: OrganisationEvidenceKind,
    number: string,
  ): Promise<OrganisationEntity> {
    const org = await this.access.requireMember(user, organisationId, { owner: true });
    const evidence = this.evidence(org.kind, kind, number)!;
    return this.repo.transaction(async (m) => {
      await this.repo.setEvidence(org.id, evidence, m);
      // New evidence needs a new check: a verified organisation cannot swap in another's number unseen.
      await this.repo.setVerification(org.id, ['VERIFIED', 'REJECTED'], 'PENDING', null, null, m);
      await this.repo.audit(
        {
          organisationId: org.id,
          actorUserId: user.id,
          actorRole: user.role,
          action: 'EVIDENCE_SUBMITTED',
          reason: `${evidence.evidenceKind} ${evidence.evidenceNumber}`,
        },
        m,
      );
      return (await this.repo.byId(org.id, m))!;
    });
  }

  /** Organisations an admin has still to decide on. */
  toVerify(first: number): Promise<OrganisationEntity[]> {
    return this.repo.toVerify(first);
  }

  /** An ADMIN checked the evidence against the register: the organisation's word now counts. */
  verify(admin: ActorRef, organisationId: string, note?: string): Promise<OrganisationEntity> {
    return this.decide(admin, organisationId, 'VERIFIED', note ?? 'evidence checked against the register');
  }

  /** An ADMIN found the evidence wrong or missing: nothing the organisation says counts. */
  reject(admin: ActorRef, organisationId: string, reason: string): Promise<OrganisationEntity> {
    const why = reason.trim();
    if (why.length < 3 || why.length > 500)
      throw badInput('Give a reason of 3 to 500 characters: the organisation is told it.', {
        field: 'reason',
      });
    return this.decide(admin, organisationId, 'REJECTED', why);
  }

  auditOf(organisationId: string) {
    if (!isUuid(organisationId)) throw notFound('That organisation does not exist.');
    return this.repo.auditOf(organisationId);
  }

  private async decide(
    admin: ActorRef,
    organisationId: string,
    to: 'VERIFIED' | 'REJECTED',
    reason: string,
  ): Promise<OrganisationEntity> {
    if (admin.role !== 'ADMIN') throw forbidden('Only an administrator verifies organisations.');
    if (!isUuid(organisationId)) throw notFound('That organisation does not exist.');
    const { org, courses } = await this.repo.transaction(async (m) => {
      const before = await this.repo.byId(organisationId, m);
      if (!before) throw notFound('That organisation does not exist.');
      if (to === 'VERIFIED' && !before.evidenceNumber)
        throw badInput(
          `${before.name} has given no evidence (UKPRN, Companies House or charity number) to check: ask its owner to add it first.`,
        );
      const from: OrganisationVerification[] =
        to === 'VERIFIED' ? ['PENDING', 'REJECTED'] : ['PENDING', 'VERIFIED'];
      if (!(await this.repo.setVerification(organisationId, from, to, admin.id, reason, m)))
        throw conflict(`${before.name} is already ${before.verification.toLowerCase()}.`);
      await this.repo.audit(
        {
          organisationId,
          actorUserId: admin.id,
          actorRole: admin.role,
          action: to === 'VERIFIED' ? 'ORGANISATION_VERIFIED' : 'ORGANISATION_REJECTED',
          reason,
        },
        m,
      );
      return {
        org: (await this.repo.byId(organisationId, m))!,
        courses: before.kind === 'EMPLOYER' ? await this.repo.accreditedCourseIds(organisationId, m) : [],
      };
    });
    // The courses it accredits rank (or stop ranking) as accredited at once.
    if (courses.length && this.changes)
      await this.changes.changed(courses, `organisation ${to.toLowerCase()}`);
    return org;
  }

  private evidence(
    orgKind: OrganisationKind,
    kind: OrganisationEvidenceKind | undefined,
    number: string | undefined,
  ): { evidenceKind: OrganisationEvidenceKind; evidenceNumber: string } | null {
    if (!kind && !number) return null;
    if (!kind || !number)
      throw badInput('Give both the kind of evidence and its number, or neither.', {
        field: kind ? 'evidenceNumber' : 'evidenceKind',
      });
    return { evidenceKind: kind, evidenceNumber: checkEvidence(orgKind, kind, number) };
  }

  async members(user: AuthUser, organisationId: string) {
    await this.access.requireMember(user, organisationId);
    return this.repo.members(organisationId);
  }

  async invite(user: AuthUser, input: { organisationId: string; email: string; role: OrganisationRole }) {
    await this.access.requireMember(user, input.organisationId, { owner: true });
    const token = randomBytes(24).toString('base64url');
    const inv = await this.repo.createInvitation({
      organisationId: input.organisationId,
      email: input.email.trim().toLowerCase(),
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: user.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
    });
    return { id: inv.id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt, token };
  }

  /** The invitee, logged in with the invited email address, joins. */
  async accept(user: AuthUser, token: string): Promise<OrganisationEntity> {
    return this.repo.transaction(async (m) => {
      const inv = await this.repo.invitationForUpdate(m, hashToken(token));
      if (!inv || inv.expiresAt < new Date())
        throw notFound('That invitation does not exist or has expired. Ask for a new one.');
      if (inv.email !== user.email.toLowerCase())
        throw forbidden('That invitation was sent to a different email address.');
      if (inv.acceptedAt) throw conflict('That invitation has already been used.');
      const org = (await this.repo.byId(inv.organisationId, m))!;
      if (ROLE_FOR_KIND[org.kind] !== user.role) {
        throw badInput(`Only ${ROLE_FOR_KIND[org.kind].toLowerCase()} accounts can join ${org.name}.`);
      }
      if (await this.repo.membership(org.id, user.id, m))
        throw conflict(`You are already a member of ${org.name}.`);
      await this.repo.join(m, inv.id, org.id, user.id, inv.role);
      return org;
    });
  }
}
