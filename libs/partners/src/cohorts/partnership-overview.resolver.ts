import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@skillpath/auth';
import { Loaders, RequestLoaders } from '@skillpath/common';
import { OrganisationModel } from '../organisations/organisation.models';
import { CohortDashboardModel, CohortModel } from './cohort.models';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';

/**
 * A partnership's dashboard in one request: `myOrganisations { organisation { cohorts
 * firstCohortDashboard } } }`. On a slow phone link each request costs seconds; the page used to
 * wait for its organisation, then its cohorts, then the dashboard, one after the other. Access is
 * checked exactly as by partnershipCohorts and cohortDashboard (membership of the partnership).
 */
@Resolver(() => OrganisationModel)
export class PartnershipOverviewResolver {
  constructor(
    private readonly cohortService: CohortsService,
    private readonly cohortQueries: CohortsResolver,
  ) {}

  @ResolveField(() => [CohortModel], {
    nullable: true,
    description: "A skills partnership's cohorts, oldest first (null for other organisations)",
  })
  async cohorts(
    @Parent() org: OrganisationModel,
    @CurrentUser() user: AuthUser,
  ): Promise<CohortModel[] | null> {
    if (org.kind !== 'PARTNERSHIP') return null;
    return this.cohortService.ofPartnership(user, org.id);
  }

  @ResolveField(() => CohortDashboardModel, {
    nullable: true,
    description: 'The dashboard of the first cohort of a partnership, the one its page opens on',
  })
  async firstCohortDashboard(
    @Parent() org: OrganisationModel,
    @CurrentUser() user: AuthUser,
    @Loaders() l: RequestLoaders,
  ): Promise<CohortDashboardModel | null> {
    if (org.kind !== 'PARTNERSHIP') return null;
    const [first] = await this.cohortService.ofPartnership(user, org.id);
    return first ? this.cohortQueries.cohortDashboard(user, first.id, l) : null;
  }
}
