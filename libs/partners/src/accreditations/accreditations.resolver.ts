import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { Loaders, RequestLoaders } from '@skillpath/common';
import { CatalogueLoaders, SkillModel } from '@skillpath/catalogue';
import {
  AccreditationReasonInput,
  AccreditationRecordModel,
  ApproveAccreditationInput,
  RequestAccreditationInput,
} from './accreditation.models';
import type { AccreditationRow } from './accreditations.repository';
import { AccreditationsService } from './accreditations.service';

@Resolver()
export class AccreditationsResolver {
  constructor(
    private readonly accreditations: AccreditationsService,
    private readonly catalogue: CatalogueLoaders,
  ) {}

  @Roles('PROVIDER', 'ADMIN')
  @Mutation(() => AccreditationRecordModel)
  async requestAccreditation(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RequestAccreditationInput,
    @Loaders() l: RequestLoaders,
  ): Promise<AccreditationRecordModel> {
    return this.model(await this.accreditations.request(user, input), l);
  }

  @Roles('EMPLOYER', 'ADMIN')
  @Mutation(() => AccreditationRecordModel)
  async approveAccreditation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ApproveAccreditationInput,
    @Loaders() l: RequestLoaders,
  ): Promise<AccreditationRecordModel> {
    return this.model(await this.accreditations.approve(user, id, input), l);
  }

  @Roles('EMPLOYER', 'ADMIN')
  @Mutation(() => AccreditationRecordModel)
  async declineAccreditation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AccreditationReasonInput,
    @Loaders() l: RequestLoaders,
  ): Promise<AccreditationRecordModel> {
    return this.model(await this.accreditations.decline(user, id, input.reason), l);
  }

  @Roles('EMPLOYER', 'ADMIN')
  @Mutation(() => AccreditationRecordModel)
  async revokeAccreditation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AccreditationReasonInput,
    @Loaders() l: RequestLoaders,
  ): Promise<AccreditationRecordModel> {
    return this.model(await this.accreditations.revoke(user, id, input.reason), l);
  }

  @Roles('EMPLOYER', 'PROVIDER', 'ADMIN')
  @Query(() => [AccreditationRecordModel])
  async organisationAccreditations(
    @CurrentUser() user: AuthUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Loaders() l: RequestLoaders,
  ): Promise<AccreditationRecordModel[]> {
    const rows = await this.accreditations.list(user, organisationId);
    return Promise.all(rows.map((r) => this.model(r, l)));
  }

  private async model(r: AccreditationRow, l: RequestLoaders): Promise<AccreditationRecordModel> {
    const skills = await this.catalogue.skillsById(l, r.skillIds);
    return {
      id: r.id,
      opportunityId: r.opportunityId,
      courseTitle: r.courseTitle,
      employerId: r.employerId,
      employerName: r.employerName,
      status: r.status,
      skills: r.skillIds.map((id) => skills.get(id)).filter((s): s is SkillModel => !!s),
      validFrom: r.validFrom ?? null,
      validTo: r.validTo ?? null,
      guaranteedInterview: r.guaranteedInterview,
      reason: r.reason ?? null,
      providerName: r.providerName,
      courseWhere:
        r.courseMode === 'ONLINE'
          ? 'Online'
          : [r.courseBorough, r.coursePostcode].filter(Boolean).join(', ') ||
            (r.courseMode === 'HYBRID' ? 'Online and in person' : 'In person'),
      courseStarts: r.courseStart ?? null,
      requestedAt: r.requestedAt,
    };
  }
}
