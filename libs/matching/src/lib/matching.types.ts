/** Plain data the product maps its database rows into. Nothing here knows about storage. */
import type { EntitlementId, FundingRule, LearnerEligibility } from '../funding/funding-rules';

export interface SkillLevel {
  /** Skill id. */
  skill: string;
  /** 1..5; holding level L satisfies any need for the skill at level <= L. */
  level: number;
}

export type OpportunityKind = 'COURSE' | 'BOOTCAMP' | 'APPRENTICESHIP' | 'VACANCY';
export type DeliveryMode = 'IN_PERSON' | 'ONLINE' | 'HYBRID';
export const EMPLOYMENT_STATUSES = ['EMPLOYED', 'UNEMPLOYED', 'SELF_EMPLOYED', 'INACTIVE'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const AGE_BANDS = ['16-18', '19-23', '24-49', '50+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type OpportunityStatus = 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = [
  'COURSE',
  'BOOTCAMP',
  'APPRENTICESHIP',
  'VACANCY',
];
/** Kinds that teach: what a roadmap's learning steps are made of. */
export const LEARNING_KINDS: readonly OpportunityKind[] = ['COURSE', 'BOOTCAMP', 'APPRENTICESHIP'];
/** Kinds that are work: where a roadmap ends, and what "jobs near you" counts. */
export const JOB_KINDS: readonly OpportunityKind[] = ['VACANCY', 'APPRENTICESHIP'];
export const DELIVERY_MODES: readonly DeliveryMode[] = ['IN_PERSON', 'ONLINE', 'HYBRID'];

export interface GeoPoint {
  lat: number;
  lon: number;
}

export type { FundingRule, LearnerEligibility, EntitlementId, FundingRuleId } from '../funding/funding-rules';

export interface OpportunityRecord {
  id: string;
  kind: OpportunityKind;
  title: string;
  organisationName: string;
  teaches: SkillLevel[];
  requires: SkillLevel[];
  mode: DeliveryMode;
  location?: GeoPoint;
  postcode?: string;
  /** Total learning hours. */
  hours?: number;
  hoursPerWeek?: number;
  durationWeeks?: number;
  costPence: number;
  /** ISO date. */
  startDate?: string;
  closingDate?: string;
  /** The listing's own funding terms. */
  funding?: FundingRule;
  /** National entitlements the provider says apply to this listing (see funding/funding-rules.ts). */
  entitlements?: readonly EntitlementId[];
  /** Skills under an ACTIVE employer accreditation. */
  accreditedSkills?: string[];
  guaranteedInterview?: boolean;
  stepFree?: boolean;
  needsOwnDevice?: boolean;
  /** Occupations a vacancy or apprenticeship is for. */
  occupationIds?: string[];
  status?: OpportunityStatus;
}

export interface LearnerAccess {
  noLaptop?: boolean;
  mobileOnly?: boolean;
  stepFreeOnly?: boolean;
}

export interface LearnerRecord {
  skills: SkillLevel[];
  location?: GeoPoint;
  travelRadiusKm?: number;
  modes?: DeliveryMode[];
  hoursPerWeek?: number;
  budgetPence?: number;
  eligibility?: LearnerEligibility;
  access?: LearnerAccess;
}

export interface OccupationRecord {
  id: string;
  title: string;
  essential: SkillLevel[];
  optional: SkillLevel[];
}

export interface SkillRecord {
  id: string;
  label: string;
  /** Parent skill id. */
  broader?: string;
}
