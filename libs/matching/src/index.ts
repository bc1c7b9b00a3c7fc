export * from './lib/matching.types';
export { haversineKm, EARTH_RADIUS_KM } from './lib/geo';
export * from './funding/funding-rules';
export { priceFor, pricePence, rulesFor, decideRule, AUTOMATIC_FUNDING_KINDS } from './funding/price';
export type { PriceDecision, PricedOpportunity, FundingAsk } from './funding/price';
export { effectiveCostPence, fundingApplies, meetsAccessNeeds } from './lib/eligibility';
export * from './planner/planning.types';
export { solvePlanningInstance } from './planner/plan-solver';
export { parsePlanningInstance, PlanningInstanceError } from './planner/planning-instance.parser';
export { checkPlan } from './planner/plan-validator';
export { CatalogueIndex } from './index/catalogue-index';
export { SkillGraph, RELATION_CREDIT } from './fit/skill-graph';
export {
  fitToOccupation,
  fitToOpportunity,
  skillGap,
  ESSENTIAL_WEIGHT,
  OPTIONAL_WEIGHT,
} from './fit/skill-fit';
export type { FitResult, SkillShortfall } from './fit/skill-fit';
export { rankOpportunities, ACCREDITATION_BOOST } from './ranking/rank-opportunities';
export type { RankOptions, RankedOpportunity } from './ranking/rank-opportunities';
export { reachableRoles } from './ranking/reachable-roles';
export type { ReachableRole } from './ranking/reachable-roles';
export { planRoadmap, buildRoadmap, diagnoseGoal, LATE_START_WEEKS } from './roadmap/plan-roadmap';
export * from './roadmap/roadmap.types';
export { GoalContext, roadmapWork } from './roadmap/goal-context';
export { goalHours, occupationGoal } from './roadmap/goal-hours';
export type { GoalHours } from './roadmap/goal-hours';
export { levelCredit } from './fit/skill-credit';
export * from './outcomes/outcome-score';
export { planOptions } from './roadmap/plan-options';
export { skillsThatOpen } from './opens/skill-openings';
export type { SkillOpening, SkillOpeningOptions } from './opens/skill-openings';
