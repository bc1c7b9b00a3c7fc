import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@skillpath/auth';
import { Loaders, RequestLoaders } from '@skillpath/common';
import {
  AccreditationModel,
  OpportunityConnectionModel,
  OpportunityFilter,
  OpportunityModel,
  SkillLevelModel,
} from '../graphql/catalogue.models';
import { CatalogueLoaders } from '../graphql/catalogue.loaders';
import { opportunityFromRow } from '../graphql/row-mappers';
import { OpportunitiesService } from './opportunities.service';

@Resolver(() => OpportunityModel)
export class OpportunitiesResolver {
  constructor(
    private readonly service: OpportunitiesService,
    private readonly loaders: CatalogueLoaders,
  ) {}

  /** ACTIVE courses, bootcamps, apprenticeships and vacancies, filtered, a page at a time. */
  @Public()
  @Query(() => OpportunityConnectionModel, {
    complexity: ({ args, childComplexity }) => Math.min(Number(args.first) || 20, 100) * childComplexity,
  })
  async opportunities(
    // Declared as the class itself (not `| null`) so the validation pipe sees its type.
    @Args('filter', { type: () => OpportunityFilter, nullable: true }) filter: OpportunityFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<OpportunityConnectionModel> {
    const page = await this.service.search(filter, first, after ?? undefined);
    return {
      edges: page.rows.map((r, i) => ({ cursor: page.cursors[i], node: opportunityFromRow(r) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      totalCount: page.totalCount,
    };
  }

  @Public()
  @Query(() => OpportunityModel, { nullable: true })
  async opportunity(@Args('id', { type: () => ID }) id: string): Promise<OpportunityModel | null> {
    const row = await this.service.byId(id);
    return row ? opportunityFromRow(row) : null;
  }

  @ResolveField(() => [SkillLevelModel])
  async skillsTaught(
    @Parent() o: OpportunityModel,
    @Loaders() l: RequestLoaders,
  ): Promise<SkillLevelModel[]> {
    return (await this.loaders.skillsOfOpportunity(l, o.id)).taught;
  }

  @ResolveField(() => [SkillLevelModel])
  async skillsRequired(
    @Parent() o: OpportunityModel,
    @Loaders() l: RequestLoaders,
  ): Promise<SkillLevelModel[]> {
    return (await this.loaders.skillsOfOpportunity(l, o.id)).required;
  }

  @ResolveField(() => Boolean, { description: 'At least one employer accreditation is in force' })
  async accredited(@Parent() o: OpportunityModel, @Loaders() l: RequestLoaders): Promise<boolean> {
    return (await this.loaders.activeAccreditations(l, o.id)).length > 0;
  }

  @ResolveField(() => [AccreditationModel])
  accreditations(@Parent() o: OpportunityModel, @Loaders() l: RequestLoaders): Promise<AccreditationModel[]> {
    return this.loaders.activeAccreditations(l, o.id);
  }
}
