import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource } from 'typeorm';
import { isEntitlementId } from '@skillpath/matching';
import type {
  FundingRule,
  OccupationRecord,
  OpportunityRecord,
  SkillLevel,
  SkillRecord,
} from '@skillpath/matching';

/** One row of OPPORTUNITY_RECORD_SELECT, as node-postgres returns it. */
export type OpportunityRecordRow = {
  id: string;
  kind: OpportunityRecord['kind'];
  title: string;
  organisation_name: string;
  mode: OpportunityRecord['mode'];
  latitude: number | null;
  longitude: number | null;
  postcode: string | null;
  total_hours: number | null;
  hours_per_week: number | null;
  duration_weeks: number | null;
  cost_pence: number;
  start_date: Date | string | null;
  closing_date: Date | string | null;
  funding: FundingRule | null;
  entitlements: string[] | null;
  guaranteed_interview: boolean;
  step_free: boolean | null;
  needs_own_device: boolean;
  occupation_id: string | null;
  status: NonNullable<OpportunityRecord['status']>;
  teaches: SkillLevel[] | null;
  requires: SkillLevel[] | null;
  inferred_requires: SkillLevel[] | null;
  accredited_skills: string[] | null;
  accredited_interview: boolean;
};

type SkillRecordRow = { id: string; label: string; broader_id: string | null };
type OccupationRecordRow = { id: string; title: string; essential: SkillLevel[]; optional: SkillLevel[] };

const num = (v: number | null | undefined): number | undefined =>
  v === null || v === undefined ? undefined : Number(v);
const iso = (v: Date | string | null): string | undefined =>
  v ? new Date(v).toISOString().slice(0, 10) : undefined;

/**
 * Only the columns the engine keeps (no descriptions, no bookkeeping): a full catalogue must fit a capped heap.
 * An accreditation counts only when its employer is VERIFIED (an unverified organisation vouches for nothing).
 */
const OPPORTUNITY_RECORD_SELECT = `SELECT o.id, o.kind, o.title, o.organisation_name, o.mode, o.latitude, o.longitude,
       o.postcode, o.total_hours, o.hours_per_week, o.duration_weeks, o.cost_pence, o.start_date, o.closing_date,
       o.funding, o.entitlements, o.guaranteed_interview, o.step_free, o.needs_own_device, o.occupation_id, o.status,
       coalesce((SELECT json_agg(json_build_object('skill', os.skill_id, 'level', os.level))
                   FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.role = 'TAUGHT'), '[]') AS teaches,
       coalesce((SELECT json_agg(json_build_object('skill', os.skill_id, 'level', os.level))
                   FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.role = 'REQUIRED' AND NOT os.inferred), '[]') AS requires,
       coalesce((SELECT json_agg(json_build_object('skill', os.skill_id, 'level', os.level))
                   FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.role = 'REQUIRED' AND os.inferred), '[]') AS inferred_requires,
       coalesce((SELECT array_agg(DISTINCT s) FROM accreditations a JOIN organisations e ON e.id = a.employer_id AND e.verification = 'VERIFIED', unnest(a.skill_ids) s
                  WHERE a.opportunity_id = o.id AND a.status = 'ACTIVE'
                    AND (a.valid_from IS NULL OR a.valid_from <= now()) AND (a.valid_to IS NULL OR a.valid_to > now())), '{}') AS accredited_skills,
       EXISTS (SELECT 1 FROM accreditations a JOIN organisations e ON e.id = a.employer_id AND e.verification = 'VERIFIED'
                WHERE a.opportunity_id = o.id AND a.status = 'ACTIVE' AND a.guaranteed_interview
                  AND (a.valid_to IS NULL OR a.valid_to > now())) AS accredited_interview
     FROM opportunities o`;

/** Rows per page when reading the whole catalogue. */
export const RECORD_PAGE_SIZE = 20_000;

/** The catalogue as the engine reads it: opportunities, skills and occupations as plain records. */
@Injectable()
export class CatalogueRecordsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** The engine's records of some opportunities, whatever their status (incremental updates). */
  async opportunities(ids: string[]): Promise<OpportunityRecord[]> {
    const rows = await this.sql.rows<OpportunityRecordRow>(
      `${OPPORTUNITY_RECORD_SELECT} WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toOpportunityRecord);
  }

  /**
   * Every ACTIVE opportunity as engine records, a page at a time in id order (keyset), so that building
   * the index never holds more than one page of rows and records besides the index itself. Returns how
   * many there were.
   */
  async forEachActivePage(
    take: (records: OpportunityRecord[]) => void,
    pageSize = RECORD_PAGE_SIZE,
  ): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const rows = await this.sql.rows<OpportunityRecordRow>(
        `${OPPORTUNITY_RECORD_SELECT} WHERE o.status = 'ACTIVE' AND o.id > $1::uuid ORDER BY o.id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return total;
      take(rows.map(toOpportunityRecord));
      total += rows.length;
      after = rows[rows.length - 1].id;
      if (rows.length < pageSize) return total;
    }
  }

  async skills(): Promise<SkillRecord[]> {
    const rows = await this.sql.rows<SkillRecordRow>('SELECT id, label, broader_id FROM skills');
    return rows.map((r) => ({ id: r.id, label: r.label, broader: r.broader_id ?? undefined }));
  }

  /** Occupations the product plans towards: those with at least one essential skill. */
  async occupations(ids?: string[]): Promise<OccupationRecord[]> {
    const rows = await this.sql.rows<OccupationRecordRow>(
      `SELECT o.id, o.title,
       coalesce(json_agg(json_build_object('skill', os.skill_id, 'level', os.level)) FILTER (WHERE os.relation = 'essential'), '[]') AS essential,
       coalesce(json_agg(json_build_object('skill', os.skill_id, 'level', os.level)) FILTER (WHERE os.relation = 'optional'), '[]') AS optional
     FROM occupations o JOIN occupation_skills os ON os.occupation_id = o.id
     ${ids ? 'WHERE o.id = ANY($1::uuid[])' : ''}
     GROUP BY o.id, o.title ORDER BY o.featured DESC, o.title`,
      ids ? [ids] : [],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, essential: r.essential, optional: r.optional }));
  }

  /** The region's featured roles: the occupations to suggest and rank. */
  async featuredOccupationIds(): Promise<string[]> {
    const rows = await this.sql.rows<{ id: string }>('SELECT id FROM occupations WHERE featured');
    return rows.map((r) => r.id);
  }

  /** Changes to anything the engine's snapshot is built from, cheaply: counts and latest update times. */
  async version(): Promise<string> {
    const row = await this.sql.first<{ v: string }>(
      `SELECT concat_ws('|',
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM skills),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM occupations),
         (SELECT count(*) FROM occupation_skills),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM opportunities),
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM accreditations),
         (SELECT count(*) FILTER (WHERE verification = 'VERIFIED') || ':' || coalesce(max(verified_at)::text, '') FROM organisations)) AS v`,
    );
    return row.v;
  }
}

export function toOpportunityRecord(r: OpportunityRecordRow): OpportunityRecord {
  const lat = num(r.latitude);
  const lon = num(r.longitude);
  const hoursPerWeek = num(r.hours_per_week);
  const durationWeeks = num(r.duration_weeks);
  const total =
    num(r.total_hours) ?? (hoursPerWeek && durationWeeks ? hoursPerWeek * durationWeeks : undefined);
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    organisationName: r.organisation_name,
    teaches: r.teaches ?? [],
    requires: r.requires ?? [],
    ...(r.inferred_requires?.length ? { inferredRequires: r.inferred_requires } : {}),
    mode: r.mode,
    location: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
    postcode: r.postcode ?? undefined,
    hours: total,
    hoursPerWeek,
    durationWeeks,
    costPence: Number(r.cost_pence ?? 0),
    startDate: iso(r.start_date),
    closingDate: iso(r.closing_date),
    funding: r.funding ?? undefined,
    entitlements: (r.entitlements ?? []).filter(isEntitlementId),
    accreditedSkills: r.accredited_skills ?? [],
    guaranteedInterview: Boolean(r.guaranteed_interview) || Boolean(r.accredited_interview),
    stepFree: r.step_free === null || r.step_free === undefined ? undefined : Boolean(r.step_free),
    needsOwnDevice: Boolean(r.needs_own_device),
    occupationIds: r.occupation_id ? [r.occupation_id] : undefined,
    status: r.status,
  };
}
