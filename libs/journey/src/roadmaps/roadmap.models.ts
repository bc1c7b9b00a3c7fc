import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DeliveryModeEnum,
  OccupationModel,
  OpportunityModel,
  SkillLevelModel,
  SkillModel,
} from '@skillpath/catalogue';
import { GraphQLJSON } from '@skillpath/common';
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
  @Field(() => Int, { nullable: true, description: 'The price before funding' }) listPricePence!:
    number | null;
  @Field(() => String, { nullable: true, description: 'The funding rule that set the price, if any' })
  fundingRule!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Where that rule comes from (the national funding rules)',
  })
  fundingNote!: string | null;
  @Field(() => ProfileQuestionModel, {
    nullable: true,
    description: 'A question whose answer would make it cheaper',
  })
  ask!: ProfileQuestionModel | null;
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

@ObjectType('RoadmapProgress', {
  description:
    'Learning steps done of the learning steps in the plan (dropped ones do not count): the one figure the resident, employers and partnerships all see',
})
export class RoadmapProgressModel {
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
}

@ObjectType('Roadmap')
export class RoadmapModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => GoalModel) goal!: GoalModel;
  @Field(() => [RoadmapStepModel]) steps!: RoadmapStepModel[];
  @Field(() => RoadmapProgressModel) progress!: RoadmapProgressModel;
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
  @Field(() => [BlockerModel], {
    description: 'When the goal is out of reach: precisely what blocks the rest',
  })
  blockers!: BlockerModel[];
  @Field(() => [WhatIfModel], {
    description: 'The smallest changes that would make the goal reachable, each checked',
  })
  whatIfs!: WhatIfModel[];
  @Field(() => [ProfileQuestionModel], {
    description: 'Unanswered questions that would make this plan cheaper or reachable: ask the resident',
  })
  questions!: ProfileQuestionModel[];
  @Field(() => String, { nullable: true, description: 'When the first step starts (ISO date)' })
  firstStart!: string | null;
  @Field(() => String, { nullable: true, description: 'Said when the first step is months away' })
  startNote!: string | null;
  @Field(() => Float, { description: 'Weeks from now to the end of the last step' }) weeks!: number;
  @Field(() => Float, { description: 'Distance to the attended steps, km one way, added up' })
  travelKm!: number;
  @Field(() => RoadmapOptionLabelEnum, { nullable: true, description: 'The option this version adopted' })
  option!: string | null;
  @Field(() => String, { nullable: true, description: "The adopted option's trade-off" }) tradeOff!:
    string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('RoadmapOption', {
  description: 'One of up to three different plans for the goal; adopt one with planRoadmap(option:)',
})
export class RoadmapOptionModel {
  @Field(() => RoadmapOptionLabelEnum) label!: string;
  @Field({ description: 'What this option gives and costs against the others, in one sentence' })
  tradeOff!: string;
  @Field(() => [RoadmapStepModel]) steps!: RoadmapStepModel[];
  @Field() reachable!: boolean;
  @Field(() => Float) coverage!: number;
  @Field(() => Float) totalHours!: number;
  @Field(() => Int) totalCostPence!: number;
  @Field(() => Float) weeks!: number;
  @Field(() => Float) travelKm!: number;
  @Field(() => String, { nullable: true }) firstStart!: string | null;
  @Field(() => String, { nullable: true }) startNote!: string | null;
  @Field() summary!: string;
  @Field(() => [BlockerModel]) blockers!: BlockerModel[];
  @Field(() => [WhatIfModel]) whatIfs!: WhatIfModel[];
}

@ObjectType('SkillOpening', {
  description: 'A skill that would open more local jobs and roles if learnt next',
})
export class SkillOpeningModel {
  @Field(() => SkillModel) skill!: SkillModel;
  @Field(() => Int) level!: number;
  @Field(() => Int, { description: 'More local jobs it opens' }) jobs!: number;
  @Field(() => Int, { description: 'More roles it brings within reach' }) roles!: number;
  @Field(() => Float, { nullable: true, description: 'About how many hours of learning it takes' })
  hours!: number | null;
  @Field({ description: 'e.g. "Learning SQL opens 14 more jobs within 15 km."' }) message!: string;
}

export enum BlockerKindEnum {
  BUDGET = 'BUDGET',
  DISTANCE = 'DISTANCE',
  MODE = 'MODE',
  DATES = 'DATES',
  ELIGIBILITY = 'ELIGIBILITY',
  NOTHING_TEACHES = 'NOTHING_TEACHES',
}
registerEnumType(BlockerKindEnum, {
  name: 'BlockerKind',
  description:
    'What keeps a skill out of reach: its price over the budget, its distance, the way it is taught, its dates, access needs (ELIGIBILITY), or that nothing anywhere teaches it',
});

export enum WhatIfKindEnum {
  BUDGET = 'BUDGET',
  DISTANCE = 'DISTANCE',
  MODE = 'MODE',
  ANSWER = 'ANSWER',
}
registerEnumType(WhatIfKindEnum, { name: 'WhatIfKind' });

export enum FundingQuestionEnum {
  AGE_BAND = 'AGE_BAND',
  EMPLOYMENT_STATUS = 'EMPLOYMENT_STATUS',
  RECEIVING_BENEFITS = 'RECEIVING_BENEFITS',
  HIGHEST_QUALIFICATION = 'HIGHEST_QUALIFICATION',
  HAS_MATHS_LEVEL_2 = 'HAS_MATHS_LEVEL_2',
  HAS_ENGLISH_LEVEL_2 = 'HAS_ENGLISH_LEVEL_2',
  HAS_ESSENTIAL_DIGITAL_SKILLS = 'HAS_ESSENTIAL_DIGITAL_SKILLS',
  EARNS_UNDER_LOW_WAGE_THRESHOLD = 'EARNS_UNDER_LOW_WAGE_THRESHOLD',
}
registerEnumType(FundingQuestionEnum, {
  name: 'FundingQuestion',
  description: 'A profile question whose answer can change what the resident pays',
});

export enum RoadmapOptionLabelEnum {
  CHEAPEST = 'CHEAPEST',
  SOONEST = 'SOONEST',
  LEAST_TRAVEL = 'LEAST_TRAVEL',
  FEWEST_HOURS = 'FEWEST_HOURS',
}
registerEnumType(RoadmapOptionLabelEnum, { name: 'RoadmapOptionLabel' });

@ObjectType('ProfileQuestion', {
  description:
    'An unanswered profile question that stands between the resident and a cheaper (often free) plan: ask it, save the answer with updateLearnerProfile, and plan again',
})
export class ProfileQuestionModel {
  @Field(() => FundingQuestionEnum) question!: string;
  @Field({ description: 'The question to show, e.g. "Do you have maths at level 2 …?"' }) text!: string;
  @Field({ description: 'The LearnerProfileInput field the answer goes in, e.g. hasMathsLevel2' })
  profileField!: string;
  @Field(() => GraphQLJSON, {
    description: 'The answer that lowers the price, as LearnerProfileInput fields',
  })
  answer!: Record<string, unknown>;
  @Field({
    description: 'What that answer would change, e.g. "if you do not have maths at level 2 it is free"',
  })
  message!: string;
  @Field(() => Int, { description: 'The price with that answer' }) pricePence!: number;
}

@ObjectType('Blocker', {
  description: 'What stands between the resident and part of their goal, in plain English',
})
export class BlockerModel {
  @Field(() => BlockerKindEnum) kind!: string;
  @Field(() => SkillModel, { nullable: true, description: 'The skill directly blocked' })
  skill!: SkillModel | null;
  @Field(() => [SkillModel], { description: 'Goal skills it keeps out of reach' }) forSkills!: SkillModel[];
  @Field(() => OpportunityModel, { nullable: true, description: 'What would teach it but for this' })
  opportunity!: OpportunityModel | null;
  @Field(() => Int, { nullable: true, description: 'BUDGET: what it would cost the resident' })
  amountPence!: number | null;
  @Field(() => Float, { nullable: true, description: 'DISTANCE: how far away it is' }) distanceKm!:
    number | null;
  @Field(() => String, { nullable: true, description: 'DATES: when it closed or starts (ISO date)' })
  date!: string | null;
  @Field(() => FundingQuestionEnum, { nullable: true, description: 'A question whose answer could lift it' })
  question!: string | null;
  @Field() message!: string;
}

@ObjectType('WhatIf', { description: 'A change the planner checked: with it the goal is within reach' })
export class WhatIfModel {
  @Field(() => WhatIfKindEnum) kind!: string;
  @Field(() => Int, { nullable: true, description: 'BUDGET: the smallest budget that reaches the goal' })
  budgetPence!: number | null;
  @Field(() => Float, { nullable: true, description: 'DISTANCE: the smallest travel radius that does' })
  travelRadiusKm!: number | null;
  @Field(() => [DeliveryModeEnum], { nullable: true, description: 'MODE: the ways of studying to allow' })
  modes!: string[] | null;
  @Field(() => FundingQuestionEnum, { nullable: true, description: 'ANSWER: the question' }) question!:
    string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'ANSWER: the answer, as LearnerProfileInput fields',
  })
  answer!: Record<string, unknown> | null;
  @Field({ description: 'Plain English, e.g. "With £450 to spend: …"' }) message!: string;
  @Field(() => Int, { description: 'What the plan would cost with the change' }) totalCostPence!: number;
  @Field(() => Float) totalHours!: number;
  @Field(() => Float) weeks!: number;
  @Field(() => Int) steps!: number;
}
