import type { DeliveryMode, FundingRules, OpportunityKind, OpportunityStatus } from '@skillpath/persistence';

/** A `skills` row as the catalogue's queries select it (snake_case, as PostgreSQL names the columns). */
export interface SkillRow {
  id: string;
  uri: string | null;
  label: string;
  alt_labels: string[] | null;
  digital: boolean;
  essential_digital: boolean;
  description: string | null;
}

/** The columns every catalogue query selects from `skills` for a SkillRow. */
export const SKILL_COLUMNS = 'id, uri, label, alt_labels, digital, essential_digital, description';

/** An `opportunities` row (`SELECT o.*`), with the search's computed distance when there is one. */
export interface OpportunityRow {
  id: string;
  kind: OpportunityKind;
  title: string;
  description: string | null;
  organisation_id: string | null;
  organisation_name: string;
  mode: DeliveryMode;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  borough: string | null;
  hours_per_week: number | null;
  duration_weeks: number | null;
  total_hours: number | null;
  cost_pence: number;
  rqf_level: number | null;
  start_date: Date | null;
  closing_date: Date | null;
  url: string | null;
  wage_pence_per_year: number | null;
  funding: FundingRules | null;
  /** National entitlements the provider declares (funding rule ids). */
  entitlements: string[] | null;
  funded_available: boolean;
  step_free: boolean | null;
  needs_own_device: boolean;
  guaranteed_interview: boolean;
  occupation_id: string | null;
  unmatched_skills: string[] | null;
  status: OpportunityStatus;
  distance_km?: number | null;
}

/** A search result row: the opportunity, its distance and rank, and the value its cursor carries. */
export interface OpportunitySearchRow extends OpportunityRow {
  distance_km: number | null;
  rank: number | null;
  sort_value: string | number;
}

/** One skill of an opportunity (taught or required), with the skill's columns. */
export interface OpportunitySkillRow extends SkillRow {
  opportunity_id: string;
  role: 'TAUGHT' | 'REQUIRED';
  level: number;
  /** Not named by the listing: its occupation's essential skill (listing enrichment). */
  inferred: boolean;
  /** The title of the listing's occupation (for explaining inferred requirements). */
  occupation_title: string | null;
}

/** When a refresh last saw a feed listing. */
export interface OpportunityCheckedRow {
  id: string;
  checked: Date;
}

/** An accreditation in force, with its employer's name. */
export interface AccreditationRow {
  id: string;
  opportunity_id: string;
  employer_name: string;
  status: string;
  skill_ids: string[];
  valid_from: Date | null;
  valid_to: Date | null;
  guaranteed_interview: boolean;
}

export interface OccupationRow {
  id: string;
  uri: string | null;
  title: string;
  description: string | null;
}

/** One skill of an occupation (essential or optional), with the skill's columns. */
export interface OccupationSkillRow extends SkillRow {
  occupation_id: string;
  relation: 'essential' | 'optional';
  level: number;
}

/** What the skill search index needs of each skill. */
export interface SkillIndexRow {
  id: string;
  uri: string | null;
  label: string;
  alt_labels: string[] | null;
  popularity: number;
}
