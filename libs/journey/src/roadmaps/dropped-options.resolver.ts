import { Injectable } from '@nestjs/common';
import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { isUuid, notFound } from '@skillpath/common';
import { DroppedOptionsRepository } from './dropped-options.repository';
import { ReplanQueue } from './replan.queue';

@ObjectType('DroppedOption', {
  description: 'A course the learner dropped: planning leaves it out until they bring it back.',
})
export class DroppedOptionModel {
  @Field(() => ID) opportunityId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) organisationName!: string | null;
  @Field() droppedAt!: Date;
}

/** Bringing back a dropped course: it becomes an option again and the roadmap is planned anew. */
@Injectable()
export class DroppedOptionsService {
  constructor(
    private readonly repo: DroppedOptionsRepository,
    private readonly replans: ReplanQueue,
  ) {}

  list(userId: string): Promise<DroppedOptionModel[]> {
    return this.repo.list(userId);
  }

  async restore(userId: string, opportunityId: string): Promise<void> {
    const title = isUuid(opportunityId) ? await this.repo.restore(userId, opportunityId) : null;
    if (!title) throw notFound('You have not dropped that course, so there is nothing to bring back.');
    await this.replans.request(userId, 'REQUESTED', title, [opportunityId]);
  }
}

@Resolver()
export class DroppedOptionsResolver {
  constructor(private readonly dropped: DroppedOptionsService) {}

  @Roles('LEARNER')
  @Query(() => [DroppedOptionModel], { description: 'Courses you dropped, newest first.' })
  myDroppedOptions(@CurrentUser() user: AuthUser): Promise<DroppedOptionModel[]> {
    return this.dropped.list(user.id);
  }

  @Roles('LEARNER')
  @Mutation(() => Boolean, {
    description: 'Undoes dropping a course: planning may offer it again, and the roadmap is re-planned.',
  })
  async restoreDroppedOption(
    @CurrentUser() user: AuthUser,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
  ): Promise<boolean> {
    await this.dropped.restore(user.id, opportunityId);
    return true;
  }
}
