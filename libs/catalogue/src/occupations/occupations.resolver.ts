import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@skillpath/auth';
import { Loaders, RequestLoaders } from '@skillpath/common';
import { OccupationModel, SkillModel } from '../graphql/catalogue.models';
import { CatalogueLoaders } from '../graphql/catalogue.loaders';
import { occupationFromRow } from '../graphql/row-mappers';
import { OccupationsService } from './occupations.service';

@Resolver(() => OccupationModel)
export class OccupationsResolver {
  constructor(
    private readonly service: OccupationsService,
    private readonly loaders: CatalogueLoaders,
  ) {}

  /** Target roles: the region's featured roles first, then the wider taxonomy; searched by title. */
  @Public()
  @Query(() => [OccupationModel])
  async occupations(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<OccupationModel[]> {
    return (await this.service.search(search, first)).map(occupationFromRow);
  }

  @ResolveField(() => [SkillModel])
  essentialSkills(@Parent() o: OccupationModel, @Loaders() l: RequestLoaders): Promise<SkillModel[]> {
    return this.loaders.occupationSkills(l, o.id, 'essential');
  }

  @ResolveField(() => [SkillModel])
  optionalSkills(@Parent() o: OccupationModel, @Loaders() l: RequestLoaders): Promise<SkillModel[]> {
    return this.loaders.occupationSkills(l, o.id, 'optional');
  }
}
