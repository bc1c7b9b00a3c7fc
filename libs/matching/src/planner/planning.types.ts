import { DeliveryMode, GeoPoint, OpportunityKind, SkillLevel } from '../lib/matching.types';

/** One opportunity as the planning contract (docs: shared/contract/planning.md) describes it. */
export interface PlanningOpportunity {
  id: string;
  kind?: OpportunityKind;
  teaches: SkillLevel[];
  requires: SkillLevel[];
  hours: number;
  costPence: number;
  mode: DeliveryMode;
  location?: GeoPoint;
}

export interface PlanningLearner {
  skills: SkillLevel[];
  budgetPence?: number;
  modes?: DeliveryMode[];
  location?: GeoPoint;
  travelRadiusKm?: number;
}

export interface PlanningWeights {
  perHour: number;
  perPound: number;
}

export interface PlanningInstance {
  id: string;
  learner: PlanningLearner;
  goal: { skills: SkillLevel[] };
  opportunities: PlanningOpportunity[];
  weights?: Partial<PlanningWeights>;
}

export const DEFAULT_WEIGHTS: PlanningWeights = { perHour: 1.0, perPound: 0.1 };

export interface PlanningResult {
  id: string;
  reachable: boolean;
  /** Opportunity ids in a valid order. */
  steps: string[];
  /** Objective value of the plan. */
  cost: number;
  /** Share of goal skills covered, 0..1. */
  coverage: number;
  /** Goal skills the plan does not cover. */
  missing: string[];
  /** Planning time of this instance. */
  ms: number;
}

export interface SolverOptions {
  /** Branch-and-bound node budget; the result never depends on wall-clock time. */
  nodeLimit?: number;
  /** Above this many candidates, keep only the best few per needed skill-level (large product catalogues). */
  candidateCap?: number;
  /** Rounds of drop-one-and-refill when the search was cut off (default 4). */
  improveRounds?: number;
}

export interface SolverStats {
  candidates: number;
  afterDominance: number;
  nodes: number;
  /** True when the search finished within its node budget, so the plan is optimal. */
  provenOptimal: boolean;
}
