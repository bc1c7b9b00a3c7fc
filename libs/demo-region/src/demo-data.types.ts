/** Shapes of the JSON files in libs/demo-region/data (the Greater Manchester demo region). */
import type { Borough, PostcodeDistrict } from '@skillpath/catalogue';
import type { FundingRules } from '@skillpath/persistence';
import type { DeliveryMode, EmploymentStatus, OpportunityKind } from '@skillpath/vocabulary';

export { GM_BOROUGHS, type Borough } from '@skillpath/catalogue';

export type DemoSkillType = 'skill' | 'knowledge' | 'transversal';

export interface DemoSkill {
  /** Stable slug, unique within the file. */
  code: string;
  /** ESCO concept URI where one exists, so a full ESCO import merges by URI. */
  uri?: string;
  label: string;
  altLabels: string[];
  type: DemoSkillType;
  digital: boolean;
  /** One of the six UK Essential Digital Skills areas. */
  essentialDigital: boolean;
  /** Code of a parent skill in the same file. */
  broader?: string;
  description?: string;
}

/** Proficiency 1 (aware) .. 5 (expert). */
export type ProficiencyLevel = 1 | 2 | 3 | 4 | 5;

export interface DemoSkillLevel {
  skill: string;
  level: ProficiencyLevel;
}

export interface DemoOccupation {
  code: string;
  uri?: string;
  title: string;
  description: string;
  essential: DemoSkillLevel[];
  optional: DemoSkillLevel[];
}

export type OrganisationKind = 'PROVIDER' | 'EMPLOYER' | 'PARTNERSHIP';
export type ProviderType = 'COLLEGE' | 'BOOTCAMP' | 'COMMUNITY' | 'ONLINE' | 'TRAINING_PROVIDER';

export interface DemoOrganisation {
  code: string;
  name: string;
  kind: OrganisationKind;
  /** For providers: what sort of provider (colleges, bootcamps, libraries and community centres, online). */
  providerType?: ProviderType;
  /** For employers: the sector they hire in. */
  sector?: string;
  borough: Borough;
  /** Main site. */
  postcode: string;
  latitude: number;
  longitude: number;
  website: string;
  description: string;
}

/** The region's postcode districts (catalogue geography, not demo data). */
export type DemoPostcodeDistrict = PostcodeDistrict;

// The product's vocabulary (libs/vocabulary), not a copy of it.
export type DemoOpportunityKind = OpportunityKind;
export type DemoDeliveryMode = DeliveryMode;
export type { EmploymentStatus };

/** Who a demo course is funded for: the catalogue's funding rules, as stored. */
export type DemoFunding = FundingRules;

export interface DemoOpportunity {
  ref: string;
  kind: DemoOpportunityKind;
  title: string;
  description: string;
  /** Organisation code (provider or employer). */
  organisation: string;
  mode: DemoDeliveryMode;
  /** Full postcode of the venue or workplace; null for online-only delivery. */
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  hoursPerWeek: number;
  durationWeeks: number | null;
  totalHours: number | null;
  /** Full price in pence before any funding. */
  costPence: number;
  rqfLevel: number | null;
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
  closingDate: string | null;
  url: string;
  wagePencePerYear: number | null;
  funding: DemoFunding | null;
  /** National entitlements the provider declares (ENTITLEMENT_IDS of @skillpath/matching). */
  entitlements?: string[];
  /** Step-free access at the venue; null when there is no venue (online). */
  stepFree: boolean | null;
  needsOwnDevice: boolean;
  skillsTaught: DemoSkillLevel[];
  skillsRequired: DemoSkillLevel[];
  occupation?: string;
}

export interface DemoAccreditation {
  /** Ref of the accredited course or bootcamp. */
  course: string;
  /** Code of the accrediting employer. */
  employer: string;
  skills: string[];
  validFrom: string;
  validTo: string;
  guaranteedInterview: boolean;
}

export interface DemoData {
  skills: DemoSkill[];
  occupations: DemoOccupation[];
  organisations: DemoOrganisation[];
  postcodeDistricts: DemoPostcodeDistrict[];
  opportunities: DemoOpportunity[];
  accreditations: DemoAccreditation[];
}

export { LEARNING_KINDS } from '@skillpath/vocabulary';
