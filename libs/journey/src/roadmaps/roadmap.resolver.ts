import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, RateLimited, Roles } from '@skillpath/auth';
import { notFound } from '@skillpath/common';
import type { StepStatus } from '@skillpath/persistence';
import { RoadmapModel, StepStatusEnum } from './roadmap.models';
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

  /** A new version of the learner's roadmap from their current profile and goal. */
  @Roles('LEARNER')
  @RateLimited('planRoadmap')
  @Mutation(() => RoadmapModel)
  async planRoadmap(@CurrentUser() user: AuthUser): Promise<RoadmapModel> {
    const { roadmap } = await this.roadmaps.replan(user.id, 'REQUESTED');
    return (await this.reader.read([roadmap]))[0];
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
