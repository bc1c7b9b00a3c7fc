import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { forbidden, isUuid, notFound } from '@skillpath/common';
import { OrganisationEntity, OrganisationKind } from '@skillpath/persistence';
import { OrganisationsRepository } from './organisations.repository';

export const KIND_WORD: Record<OrganisationKind, string> = {
  EMPLOYER: 'an employer',
  PROVIDER: 'a training provider',
  PARTNERSHIP: 'a skills partnership',
};

/** Every organisation-scoped operation goes through here: the caller must be a member (or an admin). */
@Injectable()
export class OrganisationAccess {
  constructor(private readonly repo: OrganisationsRepository) {}

  async requireMember(
    user: AuthUser,
    organisationId: string,
    opts: { kinds?: OrganisationKind[]; owner?: boolean } = {},
    m?: EntityManager,
  ): Promise<OrganisationEntity> {
    if (!isUuid(organisationId)) throw notFound('That organisation does not exist.');
    const org = await this.repo.byId(organisationId, m);
    if (!org) throw notFound('That organisation does not exist.');
    if (user.role !== 'ADMIN') {
      const member = await this.repo.membership(organisationId, user.id, m);
      if (!member) throw forbidden(`You are not a member of ${org.name}.`);
      if (opts.owner && member.role !== 'OWNER') throw forbidden(`Only an owner of ${org.name} can do that.`);
    }
    if (opts.kinds && !opts.kinds.includes(org.kind)) {
      throw forbidden(`${org.name} is not ${opts.kinds.map((k) => KIND_WORD[k]).join(' or ')}.`);
    }
    return org;
  }

  /**
   * The organisation may vouch, be named on a credential or see candidates only once an ADMIN has
   * verified it (issue 13): until then it is refused, saying why and what to do.
   */
  requireVerified(org: OrganisationEntity, what: string): void {
    if (org.verification === 'VERIFIED') return;
    throw forbidden(
      org.verification === 'REJECTED'
        ? `${org.name} is not verified (its evidence was rejected${org.rejectionReason ? `: ${org.rejectionReason}` : ''}), so it cannot ${what}. Correct its evidence with submitOrganisationEvidence.`
        : `${org.name} is not yet verified, so it cannot ${what}. An administrator checks its UKPRN, Companies House or charity number first; add it with submitOrganisationEvidence if you have not.`,
    );
  }
}
