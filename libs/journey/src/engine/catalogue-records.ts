import { DataSource } from 'typeorm';
import type { FundingRule, OccupationRecord, OpportunityRecord, SkillRecord } from '@skillpath/matching';

type Row = Record<string, unknown>;
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const iso = (v: unknown): string | undefined =>
  v ? new Date(v as string).toISOString().slice(0, 10) : undefined;

/**
 * Only the columns the engine keeps (no descriptions, no bookkeeping): a full catalogue must fit a capped heap.
 * An accreditation counts only when its employer is VERIFIED (an unverified organisation vouches for nothing).
 */
const OPPORTUNITY_RECORD_SELECT = `SELECT o.id, o.kind, o.title, o.organisation_name, o.mode, o.latitude, o.longitude,
       o.postcode, o.total_hours, o.hours_per_week, o.duration_weeks, o.cost_pence, o.start_date, o.closing_date,
       o.funding, o.guaranteed_interview, o.step_free, o.needs_own_device, o.occupation_id, o.status,
       coalesce((SELECT json_agg(json_build_object('skill', os.skill_id, 'level', os.level))
                   FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.role = 'TAUGHT'), '[]') AS teaches,
       coalesce((SELECT json_agg(json_build_object('skill', os.skill_id, 'level', os.level))
                   FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.role = 'REQUIRED'), '[]') AS requires,
       coalesce((SELECT array_agg(DISTINCT s) FROM accreditations a JOIN organisations e ON e.id = a.employer_id AND e.verification = 'VERIFIED', unnest(a.skill_ids) s
                  WHERE a.opportunity_id = o.id AND a.status = 'ACTIVE'
                    AND (a.valid_from IS NULL OR a.valid_from <= now()) AND (a.valid_to IS NULL OR a.valid_to > now())), '{}') AS accredited_skills,
       EXISTS (SELECT 1 FROM accreditations a JOIN organisations e ON e.id = a.employer_id AND e.verification = 'VERIFIED'
                WHERE a.opportunity_id = o.id AND a.status = 'ACTIVE' AND a.guaranteed_interview
                  AND (a.valid_to IS NULL OR a.valid_to > now())) AS accredited_interview
     FROM opportunities o`;

/** The engine's records of some opportunities, whatever their status (incremental updates). */
export async function loadOpportunityRecords(ds: DataSource, ids: string[]): Promise<OpportunityRecord[]> {
  const rows: Row[] = await ds.query(`${OPPORTUNITY_RECORD_SELECT} WHERE o.id = ANY($1::uuid[])`, [ids]);
  return rows.map(toOpportunityRecord);
}

/** Rows per page when reading the whole catalogue. */
export const RECORD_PAGE_SIZE = 20_000;

/**
 * Every ACTIVE opportunity as engine records, a page at a time in id order (keyset), so that building
 * the index never holds more than one page of rows and records besides the index itself. Returns how
 * many there were.
 */
export async function forEachActiveOpportunityPage(
  ds: DataSource,
  take: (records: OpportunityRecord[]) => void,
  pageSize = RECORD_PAGE_SIZE,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const rows: Row[] = await ds.query(
      `${OPPORTUNITY_RECORD_SELECT} WHERE o.status = 'ACTIVE' AND o.id > $1::uuid ORDER BY o.id LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return total;
    take(rows.map(toOpportunityRecord));
    total += rows.length;
    after = rows[rows.length - 1].id as string;
    if (rows.length < pageSize) return total;
  }
}

export function toOpportunityRecord(r: Row): OpportunityRecord {
  const lat = num(r.latitude);
  const lon = num(r.longitude);
  const hoursPerWeek = num(r.hours_per_week);
  const durationWeeks = num(r.duration_weeks);
  const total =
    num(r.total_hours) ?? (hoursPerWeek && durationWeeks ? hoursPerWeek * durationWeeks : undefined);
  return {
    id: r.id as string,
    kind: r.kind as OpportunityRecord['kind'],
    title: r.title as string,
    organisationName: r.organisation_name as string,
    teaches: (r.teaches as Array<{ skill: string; level: number }>) ?? [],
    requires: (r.requires as Array<{ skill: string; level: number }>) ?? [],
    mode: r.mode as OpportunityRecord['mode'],
    location: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
    postcode: (r.postcode as string | null) ?? undefined,
    hours: total,
    hoursPerWeek,
    durationWeeks,
    costPence: Number(r.cost_pence ?? 0),
    startDate: iso(r.start_date),
    closingDate: iso(r.closing_date),
    funding: (r.funding as FundingRule | null) ?? undefined,
    accreditedSkills: (r.accredited_skills as string[]) ?? [],
    guaranteedInterview: Boolean(r.guaranteed_interview) || Boolean(r.accredited_interview),
    stepFree: r.step_free === null || r.step_free === undefined ? undefined : Boolean(r.step_free),
    needsOwnDevice: Boolean(r.needs_own_device),
    occupationIds: r.occupation_id ? [r.occupation_id as string] : undefined,
    status: r.status as OpportunityRecord['status'],
  };
}

export async function loadSkillRecords(ds: DataSource): Promise<SkillRecord[]> {
  const rows: Row[] = await ds.query('SELECT id, label, broader_id FROM skills');
  return rows.map((r) => ({
    id: r.id as string,
    label: r.label as string,
    broader: (r.broader_id as string | null) ?? undefined,
  }));
}

/** Occupations the product plans towards: those with at least one essential skill. */
export async function loadOccupationRecords(ds: DataSource, ids?: string[]): Promise<OccupationRecord[]> {
  const rows: Row[] = await ds.query(
    `SELECT o.id, o.title,
       coalesce(json_agg(json_build_object('skill', os.skill_id, 'level', os.level)) FILTER (WHERE os.relation = 'essential'), '[]') AS essential,
       coalesce(json_agg(json_build_object('skill', os.skill_id, 'level', os.level)) FILTER (WHERE os.relation = 'optional'), '[]') AS optional
     FROM occupations o JOIN occupation_skills os ON os.occupation_id = o.id
     ${ids ? 'WHERE o.id = ANY($1::uuid[])' : ''}
     GROUP BY o.id, o.title ORDER BY o.featured DESC, o.title`,
    ids ? [ids] : [],
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    essential: r.essential as OccupationRecord['essential'],
    optional: r.optional as OccupationRecord['optional'],
  }));
}
