import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { badInput, checkPageSize } from '@skillpath/common';
import { OpportunityKindEnum } from '@skillpath/catalogue';
import type { OpportunityKind } from '@skillpath/persistence';
import { SkillOpeningModel } from '../roadmaps/roadmap.models';
import { MatchModel, RoleMatchModel } from './discovery.models';
import { DiscoveryService } from './discovery.service';

@Resolver()
export class DiscoveryResolver {
  constructor(private readonly discovery: DiscoveryService) {}

  /** Opportunities that fit the learner, best first, each explained. */
  @Roles('LEARNER')
  @Query(() => [MatchModel])
  matches(
    @CurrentUser() user: AuthUser,
    @Args('kinds', { type: () => [OpportunityKindEnum], nullable: true }) kinds: OpportunityKind[] | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<MatchModel[]> {
    checkPageSize(first);
    return this.discovery.matches(user.id, kinds, first);
  }

  /** Roles ranked by how near the learner already is and how many local vacancies there are. */
  @Roles('LEARNER')
  @Query(() => [RoleMatchModel])
  reachableRoles(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<RoleMatchModel[]> {
    checkPageSize(first);
    return this.discovery.reachableRoles(user.id, first);
  }

  /** The few skills that would open the most local jobs and roles if learnt next ("Learning SQL opens 14 more jobs within 15 km"). */
  @Roles('LEARNER')
  @Query(() => [SkillOpeningModel])
  skillsToLearnNext(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, defaultValue: 3 }) first: number,
  ): Promise<SkillOpeningModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 10) throw badInput('first must be from 1 to 10');
    return this.discovery.skillsToLearnNext(user.id, first);
  }
}
