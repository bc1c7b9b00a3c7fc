/**
 * The product's shared vocabulary, declared once: the engine, the database entities, the feed
 * connectors, the demo generator and the GraphQL enums all import these (the web app gets them
 * through the generated GraphQL types). Plain data, no dependencies, so even the engine may use it.
 */

/** What a listing is. The order is part of the engine's index encoding: append, never reorder. */
const OPPORTUNITY_KIND_VALUES = ['COURSE', 'BOOTCAMP', 'APPRENTICESHIP', 'VACANCY'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KIND_VALUES)[number];
export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = OPPORTUNITY_KIND_VALUES;

/** Kinds that teach: what a roadmap's learning steps are made of (an apprenticeship teaches too). */
export const LEARNING_KINDS: readonly OpportunityKind[] = ['COURSE', 'BOOTCAMP', 'APPRENTICESHIP'];
/** Kinds that are work: where a roadmap ends, and what "jobs near you" counts. */
export const JOB_KINDS: readonly OpportunityKind[] = ['VACANCY', 'APPRENTICESHIP'];
/**
 * Kinds that only teach (learning and not work): ranked by what they teach rather than by how well
 * the learner fits them, and what a provider publishes.
 */
export const LEARNING_ONLY_KINDS: readonly OpportunityKind[] = LEARNING_KINDS.filter(
  (k) => !JOB_KINDS.includes(k),
);

export const isLearningKind = (kind: OpportunityKind): boolean => LEARNING_KINDS.includes(kind);
export const isJobKind = (kind: OpportunityKind): boolean => JOB_KINDS.includes(kind);

/** How a listing is delivered. The order is part of the engine's index encoding. */
const DELIVERY_MODE_VALUES = ['IN_PERSON', 'ONLINE', 'HYBRID'] as const;
export type DeliveryMode = (typeof DELIVERY_MODE_VALUES)[number];
export const DELIVERY_MODES: readonly DeliveryMode[] = DELIVERY_MODE_VALUES;

/** A learner's employment status, as funding rules name it. */
const EMPLOYMENT_STATUS_VALUES = ['EMPLOYED', 'UNEMPLOYED', 'SELF_EMPLOYED', 'INACTIVE'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUS_VALUES)[number];
export const EMPLOYMENT_STATUSES: readonly EmploymentStatus[] = EMPLOYMENT_STATUS_VALUES;

/**
 * A listing's own funding terms, as feeds declare them, the catalogue stores them (`opportunities.funding`)
 * and the engine applies them: who it is funded for, and what an eligible learner then pays.
 */
export interface FundingRules {
  /** What an eligible learner pays, usually 0. */
  fundedCostPence: number;
  minAge?: number;
  maxAge?: number;
  employmentStatuses?: EmploymentStatus[];
  requiresBenefits?: boolean;
  maxPriorQualificationLevel?: number;
}

export const isOpportunityKind = (value: string): value is OpportunityKind =>
  (OPPORTUNITY_KINDS as readonly string[]).includes(value);
export const isDeliveryMode = (value: string): value is DeliveryMode =>
  (DELIVERY_MODES as readonly string[]).includes(value);
export const isEmploymentStatus = (value: string): value is EmploymentStatus =>
  (EMPLOYMENT_STATUSES as readonly string[]).includes(value);

/**
 * A TypeScript-enum-shaped object over a list of values ({ COURSE: 'COURSE', … }), for GraphQL's
 * registerEnumType and class-validator's IsEnum, so the GraphQL enums are these lists too.
 */
export function enumOf<T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T]: K };
}
