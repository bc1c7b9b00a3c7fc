import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { checkPageSize } from '@skillpath/common';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import {
  CreateOrganisationInput,
  InviteMemberInput,
  OrganisationInvitationModel,
  OrganisationMemberModel,
  OrganisationMembershipModel,
  OrganisationModel,
} from './organisation.models';
import { OrganisationsService } from './organisations.service';

const ORG_ROLES = ['EMPLOYER', 'PROVIDER', 'PARTNER', 'ADMIN'] as const;

@Resolver()
export class OrganisationsResolver {
  constructor(private readonly orgs: OrganisationsService) {}

  @Roles(...ORG_ROLES)
  @Query(() => [OrganisationMembershipModel])
  myOrganisations(@CurrentUser() user: AuthUser): Promise<OrganisationMembershipModel[]> {
    return this.orgs.mine(user.id);
  }

  @Roles(...ORG_ROLES)
  @Mutation(() => OrganisationModel)
  createOrganisation(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<OrganisationModel> {
    return this.orgs.create(user, input);
  }

  /** Employers to ask for accreditation, found by name (their names are public on their listings anyway). */
  @Roles('PROVIDER', 'ADMIN')
  @Query(() => [OrganisationModel])
  employers(
    @Args('search') search: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<OrganisationModel[]> {
    checkPageSize(first, 50);
    return this.orgs.employers(search, first);
  }

  @Roles(...ORG_ROLES)
  @Query(() => [OrganisationMemberModel])
  organisationMembers(
    @CurrentUser() user: AuthUser,
    @Args('organisationId', { type: () => ID }) id: string,
  ): Promise<OrganisationMemberModel[]> {
    return this.orgs.members(user, id);
  }

  @Roles(...ORG_ROLES)
  @Mutation(() => OrganisationInvitationModel)
  inviteToOrganisation(
    @CurrentUser() user: AuthUser,
    @Args('input') input: InviteMemberInput,
  ): Promise<OrganisationInvitationModel> {
    return this.orgs.invite(user, input);
  }

  @Roles(...ORG_ROLES)
  @Mutation(() => OrganisationModel)
  acceptOrganisationInvitation(
    @CurrentUser() user: AuthUser,
    @Args('token') token: string,
  ): Promise<OrganisationModel> {
    return this.orgs.accept(user, token);
  }
}
