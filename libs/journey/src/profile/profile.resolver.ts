import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { GoalInput, LearnerProfileInput, LearnerProfileModel, SkillLevelInput } from './profile.models';
import { ProfileActionsService } from './profile-actions.service';
import { SELF_CHECK_QUESTIONS, SelfCheckAnswerValue } from './self-check';
import { registerEnumType } from '@nestjs/graphql';

export enum SelfCheckAnswerEnum {
  NO = 'NO',
  WITH_HELP = 'WITH_HELP',
  YES = 'YES',
}
registerEnumType(SelfCheckAnswerEnum, { name: 'SelfCheckAnswerValue' });

@ObjectType('SelfCheckQuestion')
class SelfCheckQuestionModel {
  @Field(() => ID) id!: string;
  @Field() area!: string;
  @Field() text!: string;
}

@InputType()
export class SelfCheckAnswer {
  @Field(() => ID) @IsString() questionId!: string;
  @Field(() => SelfCheckAnswerEnum) @IsEnum(SelfCheckAnswerEnum) answer!: SelfCheckAnswerValue;
}

@Resolver(() => LearnerProfileModel)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileActionsService) {}

  @Roles('LEARNER')
  @Query(() => LearnerProfileModel, { nullable: true })
  learnerProfile(@CurrentUser() user: AuthUser): Promise<LearnerProfileModel> {
    return this.profiles.view(user.id);
  }

  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel)
  updateLearnerProfile(
    @CurrentUser() user: AuthUser,
    @Args('input') input: LearnerProfileInput,
  ): Promise<LearnerProfileModel> {
    return this.profiles.update(user.id, input);
  }

  /** Replaces the learner's self-assessed skills. */
  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel)
  setSkills(
    @CurrentUser() user: AuthUser,
    @Args('skills', { type: () => [SkillLevelInput] }) skills: SkillLevelInput[],
  ): Promise<LearnerProfileModel> {
    return this.profiles.setSkills(user.id, skills);
  }

  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel)
  setGoal(@CurrentUser() user: AuthUser, @Args('input') input: GoalInput): Promise<LearnerProfileModel> {
    return this.profiles.setGoal(user.id, input);
  }

  /** The Essential Digital Skills self-check, for people starting with little digital confidence. */
  @Roles('LEARNER')
  @Query(() => [SelfCheckQuestionModel])
  selfCheckQuestions(): SelfCheckQuestionModel[] {
    return [...SELF_CHECK_QUESTIONS];
  }

  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel, {
    description: 'Sets the Essential Digital Skills levels from the self-check answers',
  })
  submitSelfCheck(
    @CurrentUser() user: AuthUser,
    @Args('answers', { type: () => [SelfCheckAnswer] }) answers: SelfCheckAnswer[],
  ): Promise<LearnerProfileModel> {
    return this.profiles.submitSelfCheck(user.id, answers);
  }
}
