import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { opportunityFromRow, OpportunityModel } from '@skillpath/catalogue';
import { ListingInput } from './listing.input';
import { ListingsService } from './listings.service';

@Resolver()
export class ListingsResolver {
  constructor(private readonly listings: ListingsService) {}

  /** A provider publishes a course or bootcamp. */
  @Roles('PROVIDER', 'ADMIN')
  @Mutation(() => OpportunityModel)
  async publishCourse(
    @CurrentUser() user: AuthUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('input') input: ListingInput,
  ): Promise<OpportunityModel> {
    return this.read(await this.listings.publish(user, organisationId, 'PROVIDER', input));
  }

  /** An employer posts a vacancy or apprenticeship. */
  @Roles('EMPLOYER', 'ADMIN')
  @Mutation(() => OpportunityModel)
  async postVacancy(
    @CurrentUser() user: AuthUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('input') input: ListingInput,
  ): Promise<OpportunityModel> {
    return this.read(await this.listings.publish(user, organisationId, 'EMPLOYER', input));
  }

  @Roles('PROVIDER', 'EMPLOYER', 'ADMIN')
  @Mutation(() => OpportunityModel)
  async updateListing(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ListingInput,
  ): Promise<OpportunityModel> {
    return this.read(await this.listings.update(user, id, input));
  }

  @Roles('PROVIDER', 'EMPLOYER', 'ADMIN')
  @Mutation(() => OpportunityModel)
  async withdrawListing(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OpportunityModel> {
    return this.read(await this.listings.withdraw(user, id));
  }

  /** Everything the organisation published here, including withdrawn listings. */
  @Roles('PROVIDER', 'EMPLOYER', 'ADMIN')
  @Query(() => [OpportunityModel])
  async organisationListings(
    @CurrentUser() user: AuthUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<OpportunityModel[]> {
    return (await this.listings.listOf(user, organisationId)).map(opportunityFromRow);
  }

  private async read(id: string): Promise<OpportunityModel> {
    return opportunityFromRow(await this.listings.read(id));
  }
}
