import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@skillpath/auth';
import { Loaders, RequestLoaders, badInput, checkPageSize } from '@skillpath/common';
import { OccupationModel, SkillModel } from '../graphql/catalogue.models';
import { CatalogueLoaders } from '../graphql/catalogue.loaders';

@Resolver(() => OccupationModel)
export class OccupationsResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly loaders: CatalogueLoaders,
  ) {}

  /** Target roles: the region's featured roles first, then the wider taxonomy; searched by title. */
  @Public()
  @Query(() => [OccupationModel])
  async occupations(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<OccupationModel[]> {
    checkPageSize(first);
    // Public and matched with ILIKE against every alternative label: a long search costs, finds nothing.
    if (search && search.length > 100) throw badInput('search must be at most 100 characters');
    const term = search?.trim();
    const rows: Array<Record<string, unknown>> = term
      ? await this.ds.query(
          `SELECT id, uri, title, description FROM occupations
            WHERE title ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(alt_labels) a WHERE a ILIKE $1)
            ORDER BY featured DESC, (title ILIKE $2) DESC, length(title), title, id LIMIT $3`,
          [`%${term.replace(/[%_\\]/g, '\\$&')}%`, `${term.replace(/[%_\\]/g, '\\$&')}%`, first],
        )
      : await this.ds.query(
          'SELECT id, uri, title, description FROM occupations ORDER BY featured DESC, title, id LIMIT $1',
          [first],
        );
    return rows.map((r) => ({
      id: r.id as string,
      uri: (r.uri as string | null) ?? null,
      title: r.title as string,
      description: (r.description as string | null) ?? null,
    }));
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
