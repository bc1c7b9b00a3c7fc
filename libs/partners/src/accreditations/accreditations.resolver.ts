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
import { AccreditationsService } from './accreditations.service';

type Row = Record<string, unknown>;

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

  private async model(r: Row, l: RequestLoaders): Promise<AccreditationRecordModel> {
    const skills = await this.catalogue.skillsById(l, r.skill_ids as string[]);
    return {
      id: r.id as string,
      opportunityId: r.opportunity_id as string,
      courseTitle: r.course_title as string,
      employerId: r.employer_id as string,
      employerName: r.employer_name as string,
      status: r.status as string,
      skills: (r.skill_ids as string[]).map((id) => skills.get(id)).filter((s): s is SkillModel => !!s),
      validFrom: (r.valid_from as Date | null) ?? null,
      validTo: (r.valid_to as Date | null) ?? null,
      guaranteedInterview: Boolean(r.guaranteed_interview),
      reason: (r.reason as string | null) ?? null,
      providerName: r.provider_name as string,
      courseWhere:
        r.course_mode === 'ONLINE'
          ? 'Online'
          : [r.course_borough, r.course_postcode].filter(Boolean).join(', ') ||
            (r.course_mode === 'HYBRID' ? 'Online and in person' : 'In person'),
      courseStarts: (r.course_start as Date | null) ?? null,
      requestedAt: r.created_at as Date,
    };
  }
}
