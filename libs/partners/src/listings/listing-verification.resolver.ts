import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '@skillpath/common';
import { OpportunityModel } from '@skillpath/catalogue';
import type { OrganisationVerification } from '@skillpath/persistence';
import { OrganisationVerificationEnum, VERIFICATION_NOTE } from '../organisations/organisation.models';
import { OrganisationsRepository } from '../organisations/organisations.repository';

/** Listings say whether the organisation behind them has been verified (issue 13). */
@Resolver(() => OpportunityModel)
export class ListingVerificationResolver {
  constructor(private readonly orgs: OrganisationsRepository) {}

  @ResolveField(() => OrganisationVerificationEnum, {
    nullable: true,
    description:
      'Whether an administrator verified the organisation that posted it; null for listings from a public feed',
  })
  organisationVerification(
    @Parent() o: OpportunityModel,
    @Loaders() l: RequestLoaders,
  ): Promise<OrganisationVerification | null> {
    return this.load(l, o.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      '"organisation not yet verified" while the posting organisation is unverified; null otherwise',
  })
  async verificationNote(
    @Parent() o: OpportunityModel,
    @Loaders() l: RequestLoaders,
  ): Promise<string | null> {
    const v = await this.load(l, o.id);
    return v ? VERIFICATION_NOTE[v] : null;
  }

  private load(l: RequestLoaders, id: string): Promise<OrganisationVerification | null> {
    return l
      .get<string, OrganisationVerification | null>('listingVerification', async (ids) => {
        const rows = await this.orgs.verificationOfListings(ids);
        const by = new Map(rows.map((r) => [r.id, r.verification]));
        return ids.map((i) => by.get(i) ?? null);
      })
      .load(id);
  }
}
