/** Plain data the product maps its database rows into. Nothing here knows about storage. */
import type { EntitlementId, FundingRule, LearnerEligibility } from '../funding/funding-rules';

export interface SkillLevel {
  /** Skill id. */
  skill: string;
  /** 1..5; holding level L satisfies any need for the skill at level <= L. */
  level: number;
}

import type { DeliveryMode, EmploymentStatus, OpportunityKind } from '@skillpath/vocabulary';

// The shared vocabulary (libs/vocabulary), re-exported so the engine's callers find it here too.
export {
  DELIVERY_MODES,
  EMPLOYMENT_STATUSES,
  JOB_KINDS,
  LEARNING_KINDS,
  LEARNING_ONLY_KINDS,
  OPPORTUNITY_KINDS,
  type DeliveryMode,
  type EmploymentStatus,
  type OpportunityKind,
} from '@skillpath/vocabulary';
export const AGE_BANDS = ['16-18', '19-23', '24-49', '50+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type OpportunityStatus = 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

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
