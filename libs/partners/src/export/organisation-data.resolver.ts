import { Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { GraphQLJSON } from '@skillpath/common';
import { OrganisationDataService } from './organisation-data.service';

@Resolver()
export class OrganisationDataResolver {
  constructor(private readonly data: OrganisationDataService) {}

  /** Everything Skillpath holds about your staff account and your organisations, as JSON. */
  @Roles('EMPLOYER', 'PROVIDER', 'PARTNER', 'ADMIN')
  @Query(() => GraphQLJSON, {
    description:
      'Your account, organisations, listings, accreditations, requests, cohorts and access log, as JSON',
  })
  exportMyOrganisationData(@CurrentUser() user: AuthUser): Promise<Record<string, unknown>> {
    return this.data.export(user);
  }
}
