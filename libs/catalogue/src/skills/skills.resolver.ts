import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@skillpath/auth';
import { badInput, checkPageSize } from '@skillpath/common';
import { SkillModel } from '../graphql/catalogue.models';
import { SkillDirectory } from './skill-directory.service';

@Resolver(() => SkillModel)
export class SkillsResolver {
  constructor(private readonly directory: SkillDirectory) {}

  /** Autocomplete: labels and alternative labels, prefix and typo-tolerant ("pyton" finds Python). */
  @Public()
  @Query(() => [SkillModel])
  skills(
    @Args('search') search: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<SkillModel[]> {
    checkPageSize(first);
    if (search.length > 100) throw badInput('search must be at most 100 characters');
    if (!search.trim()) return Promise.resolve([]);
    return this.directory.search(search, first);
  }
}
