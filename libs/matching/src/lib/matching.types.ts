/** Plain data the product maps its database rows into. Nothing here knows about storage. */

export interface SkillLevel {
  /** Skill id. */
  skill: string;
  /** 1..5; holding level L satisfies any need for the skill at level <= L. */
  level: number;
}

export type OpportunityKind = 'COURSE' | 'BOOTCAMP' | 'APPRENTICESHIP' | 'VACANCY';
export type DeliveryMode = 'IN_PERSON' | 'ONLINE' | 'HYBRID';
export type EmploymentStatus = 'EMPLOYED' | 'UNEMPLOYED' | 'SELF_EMPLOYED' | 'INACTIVE';
export type AgeBand = '16-18' | '19-23' | '24-49' | '50+';
export type OpportunityStatus = 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = [
  'COURSE',
  'BOOTCAMP',
  'APPRENTICESHIP',
  'VACANCY',
];
export const DELIVERY_MODES: readonly DeliveryMode[] = ['IN_PERSON', 'ONLINE', 'HYBRID'];

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface FundingRule {
  /** What an eligible learner pays, usually 0. */
  fundedCostPence: number;
  minAge?: number;
  maxAge?: number;
  employmentStatuses?: EmploymentStatus[];
  requiresBenefits?: boolean;
  maxPriorQualificationLevel?: number;
}

/** Weight of an inferred requirement in a listing's fit, against 1 for one the listing names. */
export const INFERRED_REQUIREMENT_WEIGHT = 0.5;

export interface OpportunityRecord {
  id: string;
  kind: OpportunityKind;
  title: string;
  organisationName: string;
  teaches: SkillLevel[];
  requires: SkillLevel[];
  /**
   * Requirements the listing did not name but its occupation usually asks for (inferred by listing
   * enrichment). They count in fit at INFERRED_REQUIREMENT_WEIGHT of a named requirement.
   */
  inferredRequires?: SkillLevel[];
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
  funding?: FundingRule;
  /** Skills under an ACTIVE employer accreditation. */
  accreditedSkills?: string[];
  guaranteedInterview?: boolean;
  stepFree?: boolean;
  needsOwnDevice?: boolean;
  /** Occupations a vacancy or apprenticeship is for. */
  occupationIds?: string[];
  status?: OpportunityStatus;
}

export interface LearnerEligibility {
  ageBand?: AgeBand;
  employmentStatus?: EmploymentStatus;
  receivingBenefits?: boolean;
  highestQualificationLevel?: number;
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
