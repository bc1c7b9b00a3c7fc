import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OccupationModel, OpportunityModel, SkillLevelModel, SkillModel } from '@skillpath/catalogue';
import type { StepKind, StepStatus } from '@skillpath/persistence';
import { GoalModel } from '../profile/profile.models';

export enum StepStatusEnum {
  PLANNED = 'PLANNED',
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(StepStatusEnum, { name: 'StepStatus' });

export enum StepKindEnum {
  LEARN = 'LEARN',
  APPLY = 'APPLY',
}
registerEnumType(StepKindEnum, {
  name: 'StepKind',
  description: 'LEARN: close part of the gap. APPLY: a real job to apply for.',
});

@ObjectType('RoadmapStep')
export class RoadmapStepModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => StepKindEnum) kind!: StepKind;
  @Field(() => OpportunityModel) opportunity!: OpportunityModel;
  @Field(() => [SkillLevelModel]) skillsGained!: SkillLevelModel[];
  @Field(() => StepStatusEnum) status!: StepStatus;
  @Field({ description: 'Why this step is here, in plain English' }) why!: string;
  @Field(() => Float, { nullable: true }) hours!: number | null;
  @Field(() => Int, {
    description: 'What this step costs the learner after any funding they are eligible for',
  })
  costPence!: number;
  @Field(() => Float, { nullable: true }) distanceKm!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) plannedStart!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) plannedEnd!: Date | null;
}

@ObjectType('RoadmapAlternative')
export class RoadmapAlternativeModel {
  @Field(() => OccupationModel) occupation!: OccupationModel;
  @Field(() => Float, { description: 'Estimated hours of learning to reach it' }) gapHours!: number;
}

@ObjectType('RoadmapChanges')
export class RoadmapChangesModel {
  @Field(() => [String], { description: 'Titles of steps new in this version' }) added!: string[];
  @Field(() => [String], { description: 'Titles of steps no longer in the plan' }) removed!: string[];
}

@ObjectType('Roadmap')
export class RoadmapModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => GoalModel) goal!: GoalModel;
  @Field(() => [RoadmapStepModel]) steps!: RoadmapStepModel[];
  @Field() reachable!: boolean;
  @Field(() => Float, { description: "Share of the goal's skills covered, 0..1" }) coverage!: number;
  @Field(() => [SkillModel], { description: 'What nothing on offer teaches, when not reachable' })
  missingSkills!: SkillModel[];
  @Field(() => Float) totalHours!: number;
  @Field(() => Int) totalCostPence!: number;
  @Field({ description: 'Why this version was made' }) reason!: string;
  @Field() trigger!: string;
  @Field() summary!: string;
  @Field(() => RoadmapChangesModel) changes!: RoadmapChangesModel;
  @Field(() => [RoadmapAlternativeModel], { description: 'Nearby goals within reach, when this one is not' })
  alternatives!: RoadmapAlternativeModel[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
