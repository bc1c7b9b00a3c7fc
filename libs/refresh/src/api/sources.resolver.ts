import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import type { QuarantinedRecordEntity } from '@skillpath/persistence';
import { SourceAdminService } from '../source-admin.service';
import { CreateSourceInput, UpdateSourceInput } from './source.input';
import { QuarantinedRecordModel, RefreshRequestModel, SourceModel, SourceRunModel } from './sources.model';

/** Operators' control of listing sources. ADMIN only, every operation. */
@Resolver(() => SourceModel)
export class SourcesResolver {
  constructor(private readonly admin: SourceAdminService) {}

  @Roles('ADMIN')
  @Query(() => [SourceModel])
  sources(): Promise<SourceModel[]> {
    return this.admin.list();
  }

  @Roles('ADMIN')
  @Mutation(() => SourceModel)
  createSource(@Args('input') input: CreateSourceInput): Promise<SourceModel> {
    return this.admin.create(
      withoutNullUndefined(input) as CreateSourceInput & { name: string; format: string; url: string },
    );
  }

  @Roles('ADMIN')
  @Mutation(() => SourceModel)
  updateSource(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSourceInput,
  ): Promise<SourceModel> {
    return this.admin.update(id, input);
  }

  @Roles('ADMIN')
  @Mutation(() => RefreshRequestModel, { description: 'Refresh now instead of waiting for the schedule.' })
  async refreshSource(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RefreshRequestModel> {
    const { source, job } = await this.admin.requestRefresh(id, user.id);
    return { sourceId: source.id, jobId: job.id! };
  }

  @Roles('ADMIN')
  @Query(() => [SourceRunModel], { description: 'Latest runs first.' })
  sourceRuns(
    @Args('sourceId', { type: () => ID }) sourceId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<SourceRunModel[]> {
    return this.admin.runs(sourceId, first);
  }

  @Roles('ADMIN')
  @Query(() => [QuarantinedRecordModel], { description: 'Latest first.' })
  async quarantinedRecords(
    @Args('sourceId', { type: () => ID }) sourceId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<QuarantinedRecordModel[]> {
    return (await this.admin.quarantined(sourceId, first)).map(toQuarantinedModel);
  }
}

function toQuarantinedModel(q: QuarantinedRecordEntity): QuarantinedRecordModel {
  return { ...q, raw: q.raw === null || q.raw === undefined ? null : JSON.stringify(q.raw) };
}

/** GraphQL passes explicit nulls for omitted nullable fields of a create: treat them as "not given". */
function withoutNullUndefined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as T;
}
