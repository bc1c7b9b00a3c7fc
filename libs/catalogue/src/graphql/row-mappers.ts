import type { FundingRules, OccupationEntity, SkillEntity } from '@skillpath/persistence';
import type { OccupationRow, OpportunityRow, SkillRow } from '../catalogue.rows';
import { FundingRulesModel, OccupationModel, OpportunityModel, SkillModel } from './catalogue.models';

/**
 * Rows from the catalogue's repositories are typed (OpportunityRow, SkillRow); the journey and partner
 * code still hands over untyped rows of the same columns until it moves to repositories too.
 */
type Row = Record<string, unknown>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** The `funding` jsonb column as the GraphQL FundingRules (rules not given are null). */
export function fundingFromJson(f: FundingRules | null | undefined): FundingRulesModel | null {
  if (!f) return null;
  return {
    fundedCostPence: Number(f.fundedCostPence),
    minAge: f.minAge ?? null,
    maxAge: f.maxAge ?? null,
    employmentStatuses: f.employmentStatuses ?? null,
    requiresBenefits: f.requiresBenefits ?? null,
    maxPriorQualificationLevel: f.maxPriorQualificationLevel ?? null,
  };
}

/** An `opportunities` row (snake_case, `SELECT o.*`) as the GraphQL Opportunity. */
export function opportunityFromRow(row: OpportunityRow | Row): OpportunityModel {
  const r = row as Row;
  return {
    id: r.id as string,
    kind: r.kind as OpportunityModel['kind'],
    title: r.title as string,
    description: (r.description as string | null) ?? null,
    organisationName: r.organisation_name as string,
    mode: r.mode as OpportunityModel['mode'],
    postcode: (r.postcode as string | null) ?? null,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    hoursPerWeek: num(r.hours_per_week),
    durationWeeks: num(r.duration_weeks),
    totalHours: num(r.total_hours),
    costPence: Number(r.cost_pence),
    level: num(r.rqf_level),
    startDate: date(r.start_date),
    closingDate: date(r.closing_date),
    url: (r.url as string | null) ?? null,
    wagePencePerYear: num(r.wage_pence_per_year),
    fundedAvailable: Boolean(r.funded_available),
    funding: fundingFromJson(r.funding as FundingRules | null | undefined),
    entitlements: (r.entitlements as string[] | null | undefined) ?? [],
    stepFree: (r.step_free as boolean | null | undefined) ?? null,
    guaranteedInterview: Boolean(r.guaranteed_interview),
    unmatchedSkills: (r.unmatched_skills as string[] | null) ?? [],
    status: r.status as string,
    distanceKm:
      r.distance_km === null || r.distance_km === undefined
        ? null
        : Math.round(Number(r.distance_km) * 100) / 100,
  };
}

export function skillFromRow(row: SkillRow | Row): SkillModel {
  const r = row as Row;
  return {
    id: r.id as string,
    uri: (r.uri as string | null) ?? null,
    label: r.label as string,
    altLabels: (r.alt_labels as string[] | null) ?? [],
    digital: Boolean(r.digital),
    essentialDigital: Boolean(r.essential_digital),
    description: (r.description as string | null) ?? null,
  };
}

export function skillFromEntity(s: SkillEntity): SkillModel {
  return {
    id: s.id,
    uri: s.uri,
    label: s.label,
    altLabels: s.altLabels,
    digital: s.digital,
    essentialDigital: s.essentialDigital,
    description: s.description,
  };
}

export function occupationFromEntity(o: OccupationEntity): OccupationModel {
  return { id: o.id, uri: o.uri, title: o.title, description: o.description };
}

export function occupationFromRow(o: OccupationRow): OccupationModel {
  return { id: o.id, uri: o.uri, title: o.title, description: o.description };
}
