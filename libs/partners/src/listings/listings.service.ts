import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { GEOCODER, PostcodeLookup } from '@skillpath/catalogue';
import {
  type FundingRules,
  OpportunityEntity,
  OpportunityKind,
  OrganisationKind,
} from '@skillpath/persistence';
import { DECLARABLE_ENTITLEMENT_IDS, ENTITLEMENTS, type EntitlementId } from '@skillpath/matching';
import { JOB_KINDS, LEARNING_ONLY_KINDS } from '@skillpath/vocabulary';
import { OrganisationAccess } from '../organisations/organisation-access.service';
import { ListingChangeNotifier } from './listing-changes.service';
import { ListingInput } from './listing.input';
import { OpportunityDbRow, ListingsRepository } from './listings.repository';

/** Which organisations publish which kinds of listing. */
export const KINDS_FOR: Record<'PROVIDER' | 'EMPLOYER', OpportunityKind[]> = {
  PROVIDER: [...LEARNING_ONLY_KINDS],
  EMPLOYER: [...JOB_KINDS],
};

@Injectable()
export class ListingsService {
  constructor(
    private readonly repo: ListingsRepository,
    private readonly access: OrganisationAccess,
    private readonly changes: ListingChangeNotifier,
    @Inject(GEOCODER) private readonly geocoder: PostcodeLookup,
  ) {}

  async publish(
    user: AuthUser,
    organisationId: string,
    orgKind: 'PROVIDER' | 'EMPLOYER',
    input: ListingInput,
  ): Promise<string> {
    const org = await this.access.requireMember(user, organisationId, { kinds: [orgKind] });
    if (!KINDS_FOR[orgKind].includes(input.kind)) {
      throw badInput(
        `${org.name} can publish ${KINDS_FOR[orgKind].join(' or ').toLowerCase()} listings, not ${input.kind.toLowerCase()}.`,
      );
    }
    const fields = await this.fields(input);
    const id = await this.repo.transaction(async (m) => {
      const saved = await this.repo.insertListing(m, {
        ...fields,
        organisationId: org.id,
        organisationName: org.name,
        sourceId: null,
        status: 'ACTIVE',
      });
      await this.writeSkills(m, saved.id, input);
      return saved.id;
    });
    await this.changes.changed([id], `published by ${org.name}`);
    return id;
  }

  async update(user: AuthUser, id: string, input: ListingInput): Promise<string> {
    const { opp, orgKind } = await this.own(user, id);
    if (!KINDS_FOR[orgKind].includes(input.kind))
      throw badInput(`This listing cannot become a ${input.kind.toLowerCase()}.`);
    if (opp.status === 'WITHDRAWN')
      throw conflict('That listing has been withdrawn; publish a new one instead.');
    // The fields an edit form may not show are kept when the input leaves them out (see ListingInput).
    const fields = await this.fields({
      ...input,
      funding: input.funding === undefined ? opp.funding : input.funding,
      stepFree: input.stepFree === undefined ? opp.stepFree : input.stepFree,
      entitlements: input.entitlements === undefined ? opp.entitlements : input.entitlements,
    });
    await this.repo.transaction(async (m) => {
      await this.repo.updateListing(m, id, fields);
      await this.repo.deleteSkills(m, id);
      await this.writeSkills(m, id, input);
    });
    await this.changes.changed([id], 'edited');
    return id;
  }

  async withdraw(user: AuthUser, id: string): Promise<string> {
    const { opp } = await this.own(user, id);
    if (opp.status === 'WITHDRAWN') return id;
    await this.repo.withdraw(id);
    await this.changes.changed([id], 'withdrawn');
    return id;
  }

  async listOf(user: AuthUser, organisationId: string): Promise<OpportunityDbRow[]> {
    await this.access.requireMember(user, organisationId, { kinds: ['PROVIDER', 'EMPLOYER'] });
    return this.repo.ofOrganisation(organisationId);
  }

  async read(id: string): Promise<OpportunityDbRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('That listing does not exist.');
    return row;
  }

  /** A listing the caller's organisation published itself (listings from feeds are edited at their source). */
  async own(
    user: AuthUser,
    id: string,
    m?: EntityManager,
  ): Promise<{ opp: OpportunityEntity; orgKind: 'PROVIDER' | 'EMPLOYER' }> {
    if (!isUuid(id)) throw notFound('That listing does not exist.');
    const opp = await this.repo.listing(id, m);
    if (!opp || !opp.organisationId) throw notFound('That listing does not exist.');
    const org = await this.access.requireMember(
      user,
      opp.organisationId,
      { kinds: ['PROVIDER', 'EMPLOYER'] },
      m,
    );
    if (opp.sourceId) throw badInput('That listing comes from a feed; change it at its source.');
    return { opp, orgKind: org.kind as Extract<OrganisationKind, 'PROVIDER' | 'EMPLOYER'> };
  }

  private async fields(
    input: Omit<ListingInput, 'funding'> & { funding?: FundingRules | null },
  ): Promise<Partial<OpportunityEntity>> {
    if (input.mode !== 'ONLINE' && !input.postcode)
      throw badInput('An in-person or hybrid listing needs a postcode.', { field: 'postcode' });
    if (
      input.startDate &&
      input.closingDate &&
      input.kind !== 'VACANCY' &&
      input.closingDate > input.startDate
    ) {
      // Courses close for applications before they start; a later closing date is almost certainly a slip.
      throw badInput('closingDate must not be after startDate.');
    }
    if (input.kind === 'VACANCY' && !input.skillsRequired.length)
      throw badInput('A vacancy needs at least one required skill.');
    if ((input.kind === 'COURSE' || input.kind === 'BOOTCAMP') && !input.skillsTaught.length) {
      throw badInput('A course needs at least one skill it teaches.');
    }
    if (input.funding && input.funding.fundedCostPence > input.costPence)
      throw badInput('fundedCostPence cannot be more than costPence.');
    const entitlements = declaredEntitlements(input.kind, input.entitlements);
    const place = input.postcode ? await this.geocoder.lookup(input.postcode) : null;
    const total = input.hoursPerWeek && input.durationWeeks ? input.hoursPerWeek * input.durationWeeks : null;
    return {
      kind: input.kind,
      title: input.title.trim(),
      description: input.description ?? null,
      mode: input.mode,
      postcode: place?.postcode ?? null,
      borough: place?.borough ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      hoursPerWeek: input.hoursPerWeek ?? null,
      durationWeeks: input.durationWeeks ?? null,
      totalHours: total,
      costPence: input.costPence,
      rqfLevel: input.level ?? null,
      startDate: input.startDate ?? null,
      closingDate: input.closingDate ?? null,
      url: input.url ?? null,
      wagePencePerYear: input.wagePencePerYear ?? null,
      funding: input.funding ? { ...input.funding } : null,
      entitlements,
      fundedAvailable:
        input.costPence === 0 ||
        input.funding?.fundedCostPence === 0 ||
        entitlements.some((id) => ENTITLEMENTS[id].fundedCostPence === 0),
      stepFree: input.stepFree ?? null,
      unmatchedSkills: [],
    };
  }

  private async writeSkills(m: EntityManager, opportunityId: string, input: ListingInput): Promise<void> {
    const rows = [
      ...input.skillsTaught.map((s) => ({
        opportunityId,
        skillId: s.skillId,
        level: s.level,
        role: 'TAUGHT' as const,
      })),
      ...input.skillsRequired.map((s) => ({
        opportunityId,
        skillId: s.skillId,
        level: s.level,
        role: 'REQUIRED' as const,
      })),
    ];
    const ids = [...new Set(rows.map((r) => r.skillId))];
    const bad = ids.filter((id) => !isUuid(id));
    const known = bad.length ? new Set<string>() : await this.repo.knownSkillIds(m, ids);
    const missing = bad.length ? bad : ids.filter((id) => !known.has(id));
    if (missing.length)
      throw badInput(`Unknown skill id: ${missing.join(', ')}. Find skills with the skills query.`, {
        skillIds: missing,
      });
    const keys = rows.map((r) => `${r.role}:${r.skillId}`);
    if (new Set(keys).size !== keys.length)
      throw badInput('Each skill may appear only once in skillsTaught and once in skillsRequired.');
    if (rows.length) await this.repo.insertSkills(m, rows);
  }
}

/**
 * The national entitlements a listing declares, checked against the funding rules the planner knows
 * (the input's own validation says the same; this holds the rule for every caller). Only a course or
 * bootcamp can be approved for one; each code once, in the rules' order.
 */
export function declaredEntitlements(
  kind: OpportunityKind,
  given: readonly string[] | null | undefined,
): EntitlementId[] {
  const list = given ?? [];
  const unknown = list.filter((id) => !(DECLARABLE_ENTITLEMENT_IDS as readonly string[]).includes(id));
  if (unknown.length > 0)
    throw badInput(
      `Unknown funding rule: ${unknown.join(', ')}. entitlements must each be one of ${DECLARABLE_ENTITLEMENT_IDS.join(', ')}.`,
      { entitlements: unknown },
    );
  if (list.length > 0 && !(LEARNING_ONLY_KINDS as readonly string[]).includes(kind))
    throw badInput('Only a course or bootcamp can declare funding rules (entitlements).', {
      field: 'entitlements',
    });
  return DECLARABLE_ENTITLEMENT_IDS.filter((id) => list.includes(id));
}
