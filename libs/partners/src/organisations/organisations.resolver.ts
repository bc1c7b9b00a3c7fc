import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { checkPageSize } from '@skillpath/common';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import {
  CreateOrganisationInput,
  InviteMemberInput,
  OrganisationInvitationModel,
  OrganisationMemberModel,
  OrganisationAuditEntryModel,
  OrganisationEvidenceInput,
  OrganisationMembershipModel,
  OrganisationModel,
  VERIFICATION_NOTE,
} from './organisation.models';
import type { OrganisationEntity } from '@skillpath/persistence';
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

  @Roles(...ORG_ROLES)
  @Mutation(() => OrganisationModel, {
    description:
      'An owner gives the register number an administrator checks; the organisation is PENDING until then',
  })
  submitOrganisationEvidence(
    @CurrentUser() user: AuthUser,
    @Args('input') input: OrganisationEvidenceInput,
  ): Promise<OrganisationModel> {
    return this.orgs.submitEvidence(user, input.organisationId, input.evidenceKind, input.evidenceNumber);
  }

  @Roles('ADMIN')
  @Query(() => [OrganisationModel], { description: 'PENDING organisations, those with evidence first' })
  organisationsToVerify(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<OrganisationModel[]> {
    checkPageSize(first, 200);
    return this.orgs.toVerify(first);
  }

  @Roles('ADMIN')
  @Mutation(() => OrganisationModel)
  verifyOrganisation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OrganisationModel> {
    return this.orgs.verify(user, id);
  }

  @Roles('ADMIN')
  @Mutation(() => OrganisationModel)
  rejectOrganisation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<OrganisationModel> {
    return this.orgs.reject(user, id, reason);
  }

  @Roles('ADMIN')
  @Query(() => [OrganisationAuditEntryModel], {
    description: 'What was decided about an organisation, oldest first',
  })
  organisationAudit(@Args('id', { type: () => ID }) id: string): Promise<OrganisationAuditEntryModel[]> {
    return this.orgs.auditOf(id);
  }
}

@Resolver(() => OrganisationModel)
export class OrganisationFieldsResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: '"organisation not yet verified" until an administrator has verified it; null once verified',
  })
  verificationNote(@Parent() o: OrganisationEntity): string | null {
    // Unknown or missing (an organisation loaded without the column) reads as not verified: fail closed.
    return o.verification === 'VERIFIED'
      ? null
      : (VERIFICATION_NOTE[o.verification] ?? VERIFICATION_NOTE.PENDING);
  }
}
