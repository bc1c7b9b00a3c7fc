import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SkillModel } from '@skillpath/catalogue';

export enum OutcomeKindEnum {
  APPLIED = 'APPLIED',
  INTERVIEWED = 'INTERVIEWED',
  IN_WORK = 'IN_WORK',
}
registerEnumType(OutcomeKindEnum, { name: 'OutcomeKind' });

export enum OutcomeRecorderEnum {
  LEARNER = 'LEARNER',
  EMPLOYER = 'EMPLOYER',
}
registerEnumType(OutcomeRecorderEnum, { name: 'OutcomeRecorder' });

@ObjectType('LearnerOutcome', { description: 'Something that happened after learning, as it was recorded' })
export class LearnerOutcomeModel {
  @Field(() => ID) id!: string;
  @Field(() => OutcomeKindEnum) kind!: OutcomeKindEnum;
  @Field(() => ID, { nullable: true }) opportunityId!: string | null;
  @Field(() => String, { nullable: true, description: 'The job or course it was about, if one was named' })
  opportunityTitle!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => OutcomeRecorderEnum, { description: 'The learner reported it, or an employer recorded it' })
  recordedBy!: OutcomeRecorderEnum;
  @Field(() => String, { nullable: true, description: 'The employer who recorded it' })
  employerName!: string | null;
}

@ObjectType('Cohort')
export class CohortModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ID) partnershipId!: string;
  @Field(() => String, { nullable: true, description: 'Shown to the partnership only' }) joinCode?:
    string | null;
}

@ObjectType('MyCohort')
export class MyCohortModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() partnershipName!: string;
  @Field() individualMonitoring!: boolean;
}

@ObjectType('SuppressedCount', {
  description:
    'A count of people as published: hidden when it could identify someone (1–4, a revealing zero, or derivable), otherwise rounded to the nearest 5',
})
export class SuppressedCountModel {
  @Field(() => Int, { nullable: true }) value!: number | null;
  @Field() suppressed!: boolean;
  @Field({ description: 'The value is rounded to the nearest 5' }) rounded!: boolean;
  @Field({ description: 'What to show: the rounded figure, or "hidden to protect privacy"' }) label!: string;
}

@ObjectType('StageCount')
export class StageCountModel {
  @Field() stage!: string;
  @Field(() => SuppressedCountModel) count!: SuppressedCountModel;
}

@ObjectType('JourneyLink')
export class JourneyLinkModel {
  @Field() source!: string;
  @Field() target!: string;
  @Field(() => SuppressedCountModel) count!: SuppressedCountModel;
}

@ObjectType('JourneyFlows', { description: 'Sankey data: learners flowing between stages and step kinds' })
export class JourneyFlowsModel {
  @Field(() => [String]) nodes!: string[];
  @Field(() => [JourneyLinkModel]) links!: JourneyLinkModel[];
}

@ObjectType('BoroughCount')
export class BoroughCountModel {
  @Field() borough!: string;
  @Field(() => SuppressedCountModel) count!: SuppressedCountModel;
}

@ObjectType('SkillDemandSupply')
export class SkillDemandSupplyModel {
  @Field(() => SkillModel) skill!: SkillModel;
  @Field(() => Int, {
    description: 'Active vacancies in the area asking for it (not people: not suppressed)',
  })
  demand!: number;
  @Field(() => [BoroughCountModel]) held!: BoroughCountModel[];
  @Field(() => SuppressedCountModel) heldTotal!: SuppressedCountModel;
  @Field(() => [BoroughCountModel]) learning!: BoroughCountModel[];
  @Field(() => SuppressedCountModel) learningTotal!: SuppressedCountModel;
}

@ObjectType('GuaranteedInterviews')
export class GuaranteedInterviewsModel {
  @Field(() => SuppressedCountModel) promised!: SuppressedCountModel;
  @Field(() => SuppressedCountModel) recorded!: SuppressedCountModel;
}

@ObjectType('MonitoredLearner', { description: 'Only learners who consented to individual monitoring' })
export class MonitoredLearnerModel {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true }) borough!: string | null;
  @Field() stage!: string;
  @Field(() => Int, {
    description:
      "Learning steps done in the latest roadmap: the same figure as the resident's Roadmap.progress.done",
  })
  stepsCompleted!: number;
  @Field(() => Int, {
    description: 'Learning steps in the latest roadmap (dropped ones do not count): Roadmap.progress.total',
  })
  stepsTotal!: number;
}

@ObjectType('CohortDashboard')
export class CohortDashboardModel {
  @Field(() => ID) cohortId!: string;
  @Field(() => [StageCountModel]) funnel!: StageCountModel[];
  @Field(() => [StageCountModel]) bootcamp!: StageCountModel[];
  @Field(() => JourneyFlowsModel) journey!: JourneyFlowsModel;
  @Field(() => [SkillDemandSupplyModel]) skills!: SkillDemandSupplyModel[];
  @Field(() => GuaranteedInterviewsModel) interviews!: GuaranteedInterviewsModel;
  @Field(() => [MonitoredLearnerModel]) learners!: MonitoredLearnerModel[];
}

@ObjectType('CsvFile')
export class CsvFileModel {
  @Field() name!: string;
  @Field() content!: string;
}
