import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, RateLimited, Roles } from '@skillpath/auth';
import { notFound } from '@skillpath/common';
import type { StepStatus } from '@skillpath/persistence';
import type { OptionLabel } from '@skillpath/matching';
import { RoadmapModel, RoadmapOptionLabelEnum, RoadmapOptionModel, StepStatusEnum } from './roadmap.models';
import { RoadmapReader } from './roadmap.reader';
import { RoadmapService } from './roadmap.service';
import { RoadmapStepsService } from './roadmap-steps.service';

@Resolver(() => RoadmapModel)
export class RoadmapResolver {
  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly reader: RoadmapReader,
    private readonly steps: RoadmapStepsService,
  ) {}

  /** A new version of the learner's roadmap from their current profile and goal (the chosen option, if given). */
  @Roles('LEARNER')
  @RateLimited('planRoadmap')
  @Mutation(() => RoadmapModel)
  async planRoadmap(
    @CurrentUser() user: AuthUser,
    @Args('option', {
      type: () => RoadmapOptionLabelEnum,
      nullable: true,
      description: 'Adopt one of roadmapOptions (by its label) instead of the default plan',
    })
    option: OptionLabel | null,
  ): Promise<RoadmapModel> {
    const { roadmap } = await this.roadmaps.replan(
      user.id,
      'REQUESTED',
      undefined,
      undefined,
      option ?? undefined,
    );
    return (await this.reader.read([roadmap]))[0];
  }

  /** Up to three different plans for the goal (cheapest, soonest, least travel or fewest hours), each with its trade-off. */
  @Roles('LEARNER')
  @RateLimited('roadmapOptions')
  @Query(() => [RoadmapOptionModel])
  async roadmapOptions(@CurrentUser() user: AuthUser): Promise<RoadmapOptionModel[]> {
    return this.reader.readOptions(await this.roadmaps.options(user.id));
  }

  @Roles('LEARNER')
  @Query(() => RoadmapModel, { nullable: true })
  myRoadmap(@CurrentUser() user: AuthUser): Promise<RoadmapModel | null> {
    return this.reader.current(user.id);
  }

  /** Every version, newest first, each saying what changed and why. */
  @Roles('LEARNER')
  @Query(() => [RoadmapModel])
  roadmapHistory(@CurrentUser() user: AuthUser): Promise<RoadmapModel[]> {
    return this.reader.history(user.id);
  }

  @Roles('LEARNER')
  @Mutation(() => RoadmapModel)
  async updateRoadmapStep(
    @CurrentUser() user: AuthUser,
    @Args('stepId', { type: () => ID }) stepId: string,
    @Args('status', { type: () => StepStatusEnum }) status: StepStatus,
  ): Promise<RoadmapModel> {
    await this.steps.update(user.id, stepId, status);
    const current = await this.reader.current(user.id);
    if (!current) throw notFound('You have no roadmap yet.');
    return current;
  }
}
