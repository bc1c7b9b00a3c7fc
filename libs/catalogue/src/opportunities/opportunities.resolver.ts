import { Inject } from '@nestjs/common';
import { Args, GraphQLISODateTime, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@skillpath/auth';
import { Loaders, RequestLoaders, badInput, isUuid } from '@skillpath/common';
import {
  AccreditationModel,
  OpportunityConnectionModel,
  OpportunityFilter,
  OpportunityModel,
  SkillLevelModel,
} from '../graphql/catalogue.models';
import { CatalogueLoaders } from '../graphql/catalogue.loaders';
import { opportunityFromRow } from '../graphql/row-mappers';
import { GEOCODER, PostcodeLookup } from '../geocoding/postcode-lookup';
import { SearchPoint, searchOpportunities } from './opportunity-search';

@Resolver(() => OpportunityModel)
export class OpportunitiesResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly loaders: CatalogueLoaders,
    @Inject(GEOCODER) private readonly geocoder: PostcodeLookup,
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
    const near = filter?.near ? await this.resolvePoint(filter.near) : undefined;
    const page = await searchOpportunities(this.ds, {
      kinds: filter?.kinds,
      modes: filter?.modes,
      fundedOnly: filter?.fundedOnly,
      skillIds: filter?.skillIds,
      text: filter?.text,
      near,
      first,
      after: after ?? undefined,
    });
    return {
      edges: page.rows.map((r, i) => ({ cursor: page.cursors[i], node: opportunityFromRow(r) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      totalCount: page.totalCount,
    };
  }

  @Public()
  @Query(() => OpportunityModel, { nullable: true })
  async opportunity(@Args('id', { type: () => ID }) id: string): Promise<OpportunityModel | null> {
    if (!isUuid(id)) return null;
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      'SELECT * FROM opportunities WHERE id = $1',
      [id],
    );
    return rows[0] ? opportunityFromRow(rows[0]) : null;
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

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When a listing refresh last saw this listing in its feed (null for listings no feed carries)',
  })
  lastCheckedAt(@Parent() o: OpportunityModel, @Loaders() l: RequestLoaders): Promise<Date | null> {
    return this.loaders.lastCheckedAt(l, o.id);
  }

  @ResolveField(() => Boolean, { description: 'At least one employer accreditation is in force' })
  async accredited(@Parent() o: OpportunityModel, @Loaders() l: RequestLoaders): Promise<boolean> {
    return (await this.loaders.activeAccreditations(l, o.id)).length > 0;
  }

  @ResolveField(() => [AccreditationModel])
  accreditations(@Parent() o: OpportunityModel, @Loaders() l: RequestLoaders): Promise<AccreditationModel[]> {
    return this.loaders.activeAccreditations(l, o.id);
  }

  private async resolvePoint(near: NonNullable<OpportunityFilter['near']>): Promise<SearchPoint> {
    if (!(near.radiusKm > 0)) throw badInput(`radiusKm must be more than 0 (got ${near.radiusKm})`);
    if (near.postcode) {
      const place = await this.geocoder.lookup(near.postcode);
      return {
        latitude: place.latitude,
        longitude: place.longitude,
        radiusKm: near.radiusKm,
        includeOnline: !!near.includeOnline,
      };
    }
    if (
      near.latitude === undefined ||
      near.longitude === undefined ||
      near.latitude === null ||
      near.longitude === null
    ) {
      throw badInput('near needs a postcode, or both latitude and longitude');
    }
    return {
      latitude: near.latitude,
      longitude: near.longitude,
      radiusKm: near.radiusKm,
      includeOnline: !!near.includeOnline,
    };
  }
}
