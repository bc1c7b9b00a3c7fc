import { Injectable } from '@nestjs/common';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { AccreditationEntity, AccreditationStatus } from '@skillpath/persistence';
import { ListingChangeNotifier } from '../listings/listing-changes.service';
import { ListingsRepository } from '../listings/listings.repository';
import { ListingsService } from '../listings/listings.service';
import { OrganisationAccess } from '../organisations/organisation-access.service';
import { AccreditationRow, AccreditationsRepository } from './accreditations.repository';

/**
 * A provider asks an employer to vouch for a course; the employer approves, declines or later revokes.
 * An employer's approval counts (ranking, credentials) only once an admin has verified the employer.
 */
@Injectable()
export class AccreditationsService {
  constructor(
    private readonly repo: AccreditationsRepository,
    private readonly listingRows: ListingsRepository,
    private readonly access: OrganisationAccess,
    private readonly listings: ListingsService,
    private readonly changes: ListingChangeNotifier,
  ) {}

  async request(
    user: AuthUser,
    input: { opportunityId: string; employerId: string; skillIds: string[] },
  ): Promise<AccreditationRow> {
    // Listings are public, so saying what kind one is reveals nothing: check that before membership.
    const listing = isUuid(input.opportunityId) ? await this.listingRows.kindOf(input.opportunityId) : null;
    if (listing && listing.kind !== 'COURSE' && listing.kind !== 'BOOTCAMP') {
      throw badInput('Only courses and bootcamps can be accredited; a vacancy or apprenticeship cannot.');
    }
    const { opp } = await this.listings.own(user, input.opportunityId);
    if (opp.status !== 'ACTIVE') throw badInput('That course is no longer active.');
    if (!isUuid(input.employerId)) throw notFound('That employer does not exist.');
    const kind = await this.repo.organisationKind(input.employerId);
    if (!kind) throw notFound('That employer does not exist.');
    if (kind !== 'EMPLOYER') throw badInput('Accreditation is asked of an employer organisation.');
    const skillIds = [...new Set(input.skillIds)];
    const taught = new Set(await this.listingRows.taughtSkillIds(opp.id));
    const untaught = skillIds.filter((s) => !taught.has(s));
    if (untaught.length) {
      throw badInput(
        `The course does not teach ${untaught.length === 1 ? 'that skill' : 'those skills'}: ${untaught.join(', ')}. An employer can only vouch for skills it teaches.`,
        {
          skillIds: untaught,
        },
      );
    }
    if (await this.repo.hasOpen(opp.id, input.employerId))
      throw conflict('That employer already has a request or an accreditation in force for this course.');
    return this.read(
      await this.repo.create({ opportunityId: opp.id, employerId: input.employerId, skillIds }),
    );
  }

  async approve(
    user: AuthUser,
    id: string,
    input: { validFrom?: Date; validTo: Date; guaranteedInterview: boolean },
  ): Promise<AccreditationRow> {
    const a = await this.forEmployer(user, id);
    const validFrom = input.validFrom ?? new Date();
    if (input.validTo <= validFrom)
      throw badInput('validTo must be after validFrom: the accreditation would end before it starts.');
    if (input.validTo <= new Date()) throw badInput('validTo must be in the future.');
    await this.transition(a, ['REQUESTED'], {
      status: 'ACTIVE',
      validFrom,
      validTo: input.validTo,
      guaranteedInterview: input.guaranteedInterview,
      reason: null,
    });
    await this.changes.changed([a.opportunityId], 'accreditation approved');
    return this.read(id);
  }

  async decline(user: AuthUser, id: string, reason: string): Promise<AccreditationRow> {
    const a = await this.forEmployer(user, id);
    await this.transition(a, ['REQUESTED'], { status: 'DECLINED', reason });
    return this.read(id);
  }

  /** Stops counting at once: ranking, the course's label and every credential it backs. */
  async revoke(user: AuthUser, id: string, reason: string): Promise<AccreditationRow> {
    const a = await this.forEmployer(user, id);
    await this.repo.transaction(async (m) => {
      await this.transition(a, ['ACTIVE'], { status: 'REVOKED', reason }, m);
      await this.repo.revokeCredentials(m, id, reason);
    });
    await this.changes.changed([a.opportunityId], 'accreditation revoked');
    return this.read(id);
  }

  /** Accreditations given by an employer, or asked for a provider's courses. */
  async list(user: AuthUser, organisationId: string): Promise<AccreditationRow[]> {
    const org = await this.access.requireMember(user, organisationId, { kinds: ['EMPLOYER', 'PROVIDER'] });
    return this.repo.list(organisationId, org.kind === 'EMPLOYER' ? 'EMPLOYER' : 'PROVIDER');
  }

  async read(id: string): Promise<AccreditationRow> {
    const row = await this.repo.read(id);
    if (!row) throw notFound('That accreditation does not exist.');
    return row;
  }

  private async forEmployer(user: AuthUser, id: string): Promise<AccreditationRow> {
    if (!isUuid(id)) throw notFound('That accreditation does not exist.');
    const a = await this.repo.read(id);
    if (!a) throw notFound('That accreditation does not exist.');
    await this.access.requireMember(user, a.employerId, { kinds: ['EMPLOYER'] });
    return a;
  }

  private async transition(
    a: AccreditationRow,
    from: AccreditationStatus[],
    patch: Partial<AccreditationEntity>,
    m?: Parameters<AccreditationsRepository['transition']>[3],
  ): Promise<void> {
    if (!(await this.repo.transition(a.id, from, patch, m)))
      throw conflict(
        `That accreditation is ${a.status.toLowerCase()}, so it cannot become ${String(patch.status).toLowerCase()}.`,
      );
  }
}
