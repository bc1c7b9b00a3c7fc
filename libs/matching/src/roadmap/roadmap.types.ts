import type { FundingAsk } from '../funding/price';
import type { FundingQuestion, FundingRuleId, LearnerEligibility } from '../funding/funding-rules';
import type { DeliveryMode, OccupationRecord, SkillLevel } from '../lib/matching.types';
import type { PlanningWeights } from '../planner/planning.types';
import type { OutcomeScores } from '../outcomes/outcome-score';

export interface RoadmapGoal {
  title: string;
  skills: SkillLevel[];
  /** When the goal is an occupation: used to end the roadmap in real jobs for it. */
  occupationId?: string;
}

export interface RoadmapOptions {
  /** Other occupations to suggest when the goal cannot be reached. */
  occupations?: readonly OccupationRecord[];
  /** ISO date the plan starts from (default: today). */
  today?: string;
  weights?: Partial<PlanningWeights>;
  nodeLimit?: number;
  /** Best candidates kept per needed skill. */
  candidatesPerSkill?: number;
  /** Opportunities the plan must not use, neither as steps nor as jobs (e.g. steps the learner dropped). */
  excludeOpportunityIds?: readonly string[];
  /** Outcome scores per opportunity id (see outcomeScores): a small tie-break towards courses that lead to work. */
  outcomes?: OutcomeScores;
  /** Leave out blockers and what-ifs (they re-plan several times). Default: computed when unreachable. */
  skipDiagnosis?: boolean;
}

export interface RoadmapStep {
  opportunityId: string;
  kind: string;
  title: string;
  position: number;
  skillsGained: SkillLevel[];
  why: string;
  hours: number;
  costToLearnerPence: number;
  /** Price before funding. */
  listPricePence: number;
  /** The funding rule that set the learner's price, if any. */
  fundingRuleId?: FundingRuleId;
  /** An unanswered question that would make this step cheaper. */
  ask?: FundingAsk;
  plannedStart: string;
  plannedEnd: string;
  distanceKm?: number;
}

export interface RoadmapJob {
  opportunityId: string;
  kind: string;
  title: string;
  fit: number;
  distanceKm?: number;
  why: string;
  /** The advert closes before the plan's last step ends (it shows the kind of job, not this one). */
  closesBeforePlanEnds?: boolean;
}

export const BLOCKER_KINDS = [
  'BUDGET',
  'DISTANCE',
  'MODE',
  'DATES',
  'ELIGIBILITY',
  'NOTHING_TEACHES',
] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

/** What stands between the learner and one goal skill. */
export interface Blocker {
  kind: BlockerKind;
  /** The skill directly blocked: a goal skill, or a skill a course needs first. */
  skillId: string;
  /** Goal skills this blocker keeps out of reach. */
  forSkillIds: string[];
  /** The opportunity that would teach it but for this constraint (absent for NOTHING_TEACHES). */
  opportunityId?: string;
  opportunityTitle?: string;
  /** BUDGET: the learner's price of that opportunity. */
  amountPence?: number;
  /** DISTANCE: how far away it is. */
  distanceKm?: number;
  /** DATES: ISO date it closed (or starts). */
  date?: string;
  /** BUDGET/ELIGIBILITY: an unanswered question whose answer would lower the price. */
  question?: FundingQuestion;
  message: string;
}

export const WHAT_IF_KINDS = ['BUDGET', 'DISTANCE', 'MODE', 'ANSWER'] as const;
export type WhatIfKind = (typeof WHAT_IF_KINDS)[number];

/** A change the planner checked by re-planning: with it, the goal is reachable. */
export interface WhatIf {
  kind: WhatIfKind;
  /** BUDGET: the smallest budget that reaches the goal. */
  budgetPence?: number;
  /** DISTANCE: the smallest travel radius in whole km (up to 80) that reaches the goal. */
  travelRadiusKm?: number;
  /** MODE: the ways of studying to allow. */
  modes?: DeliveryMode[];
  /** ANSWER: the question, and the answer (profile facts) that reaches the goal. */
  question?: FundingQuestion;
  answer?: Partial<LearnerEligibility>;
  message: string;
  /** The plan with the change. */
  totals: RoadmapTotals;
  steps: number;
}

export interface RoadmapTotals {
  hours: number;
  costPence: number;
  weeks: number;
  objective: number;
  /** Sum of distances to attended steps (km, one way). */
  travelKm: number;
}

export interface Roadmap {
  goal: string;
  reachable: boolean;
  coverage: number;
  steps: RoadmapStep[];
  jobs: RoadmapJob[];
  missingSkills: SkillLevel[];
  /** Goal skills that nothing in the whole catalogue teaches (never one that something teaches). */
  untaughtSkills: string[];
  alternatives: { occupationId: string; title: string; gapHours: number }[];
  totals: RoadmapTotals;
  /** ISO date the first step starts (absent with no steps). */
  firstStart?: string;
  /** Said when the first step starts more than eight weeks from today. */
  startNote?: string;
  blockers: Blocker[];
  whatIfs: WhatIf[];
  /** Unanswered questions that would make this plan cheaper or reachable, each once. */
  questions: FundingAsk[];
  summary: string;
}

export const OPTION_LABELS = ['CHEAPEST', 'SOONEST', 'LEAST_TRAVEL', 'FEWEST_HOURS'] as const;
export type OptionLabel = (typeof OPTION_LABELS)[number];

/** One of up to three Pareto-distinct plans for a goal. */
export interface RoadmapOption extends Roadmap {
  label: OptionLabel;
  /** One plain sentence: what this option gives and costs against the others. */
  tradeOff: string;
}
