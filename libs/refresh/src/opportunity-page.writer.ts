import { isUuid } from '@skillpath/common';
import type { QueryRunner } from 'typeorm';
import { regionBoroughs, type RegionBoroughs } from '@skillpath/catalogue';
import type { NormalisedOpportunity, ParseResult } from '@skillpath/connectors';
import { emptyCounts, type RunCounts } from './refresh.types';
import { exec } from '@skillpath/persistence';

/** Columns of `opportunities` a feed controls, in the shape jsonb_to_recordset reads them. */
const ROW_TYPE = `source_ref text, kind text, title text, description text, organisation_name text, mode text,
  postcode text, borough text, latitude float8, longitude float8, hours_per_week real, duration_weeks real, total_hours real,
  cost_pence int, rqf_level smallint, start_date timestamptz, closing_date timestamptz, url text,
  wage_pence_per_year int, funding jsonb, funded_available bool, guaranteed_interview bool,
  unmatched_skills text[], content_hash text`;

const FEED_COLUMNS = ROW_TYPE.split(',')
  .map((c) => c.trim().split(/\s+/)[0])
  .filter((c) => c !== 'source_ref');

// One statement for the whole page: a JSON array parameter avoids PostgreSQL's 65,535-parameter
// cap and a round trip per row. WITHDRAWN (an operator's decision) survives a refresh.
const UPSERT_SQL = `
  INSERT INTO opportunities (source_id, source_ref, ${FEED_COLUMNS.join(', ')}, first_seen_at, last_seen_at, status)
  SELECT $1, x.source_ref, ${FEED_COLUMNS.map((c) => `x.${c}`).join(', ')}, now(), now(), 'ACTIVE'
  FROM jsonb_to_recordset($2::jsonb) AS x(${ROW_TYPE})
  ON CONFLICT (source_id, source_ref) DO UPDATE SET
    ${FEED_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
    last_seen_at = now(),
    status = CASE WHEN opportunities.status = 'WITHDRAWN' THEN 'WITHDRAWN' ELSE 'ACTIVE' END,
    updated_at = now()
  RETURNING id, source_ref, (xmax = 0) AS inserted`;

/**
 * Seen again with the same content: the row is left alone (updated_at and last_seen_at too; the sighting
 * is recorded apart, see SIGHTINGS_SQL), except that the stored hash takes its new value where it has
 * one. `content_hash` is "<content hash>" or "<content hash>:<record key>" (see storedHashOf); "the same
 * content" compares the part before the colon, so a record whose raw form changed in a way that does
 * not change the listing (a volatile field, key order) is still unchanged.
 *
 * The rows are found one ref at a time through the (source_id, source_ref) unique index: the LIMIT in
 * the LATERAL subquery stops the planner from merging the lookups into one scan of the source's rows.
 * During a first load the statistics lag behind the table, the planner believes "source_id = $1"
 * selects a few hundred rows when it is the whole source, and scanning it for every page made a
 * 200,000-listing load quadratic. The rehash join is by primary key.
 */
const FIND_UNCHANGED_SQL = `
  WITH found AS (
    SELECT f.id, x.ref, x.stored, f.content_hash IS DISTINCT FROM x.stored AS rehash
    FROM unnest($2::text[], $3::text[], $4::text[]) AS x(ref, content, stored)
    CROSS JOIN LATERAL (
      SELECT id, content_hash FROM opportunities
      WHERE source_id = $1 AND source_ref = x.ref AND split_part(content_hash, ':', 1) = x.content
        AND status <> 'EXPIRED'
      LIMIT 1
    ) AS f
  ), rehashed AS (
    UPDATE opportunities o SET content_hash = found.stored FROM found WHERE o.id = found.id AND found.rehash
  )
  SELECT id, ref AS source_ref FROM found`;

/**
 * "Seen by this run", for every listing on the page: one narrow row each, updated in place (HOT: only
 * the primary key is indexed, and the table's fillfactor leaves room on its pages). Expiry reads it.
 */
const SIGHTINGS_SQL = `
  INSERT INTO opportunity_sightings (opportunity_id, last_seen_at, last_seen_run_id)
  SELECT id, now(), $2 FROM unnest($1::uuid[]) AS x(id)
  ON CONFLICT (opportunity_id) DO UPDATE
    SET last_seen_at = EXCLUDED.last_seen_at, last_seen_run_id = EXCLUDED.last_seen_run_id`;

const REPLACE_SKILLS_DELETE_SQL = `DELETE FROM opportunity_skills WHERE opportunity_id = ANY($1::uuid[])`;

// The join drops skills deleted from the taxonomy since the extractor was built, instead of failing the page.
const REPLACE_SKILLS_INSERT_SQL = `
  INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level)
  SELECT x.o, x.s, x.r, x.l FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[]) AS x(o, s, r, l)
  JOIN skills ON skills.id = x.s
  ON CONFLICT DO NOTHING`;

const QUARANTINE_SQL = `
  INSERT INTO quarantined_records (source_id, run_id, source_ref, raw, reason)
  SELECT $1, $2, x.source_ref, x.raw, x.reason FROM jsonb_to_recordset($3::jsonb) AS x(source_ref text, raw jsonb, reason text)`;

// A listing still in the feed but unreadable this time keeps its last good version instead of expiring:
// it is seen.
const QUARANTINED_STILL_LISTED_SQL = `
  SELECT id FROM opportunities WHERE source_id = $1 AND source_ref = ANY($2::text[]) AND status <> 'EXPIRED'`;

export interface PageWriteResult {
  counts: RunCounts;
  /** The listings the page's good records are now, with the content_hash each was left with. */
  listings: { id: string; contentHash: string }[];
}

/** A record the connector has normalised (or could not: quarantined). */
export interface ParsedRecord {
  result: ParseResult;
  /** What to store as content_hash for a good result; default its content hash. */
  storedHash?: string;
}

/**
 * A record that, as far as a read outside this transaction showed, is exactly what is stored
 * (`storedHash`): it is written as unchanged without being normalised, unless the row changed
 * meanwhile, in which case `normalise()` is called after all.
 */
export interface KnownRecord {
  sourceRef: string;
  storedHash: string;
  normalise(): ParsedRecord;
}

export interface PreparedRecords {
  /** How many records the page had. */
  fetched: number;
  parsed: ParsedRecord[];
  known: KnownRecord[];
}

/** The content_hash value for a listing: its content hash, and the raw record's key when there is one. */
export function storedHashOf(contentHash: string, recordKey?: string): string {
  return recordKey === undefined ? contentHash : `${contentHash}:${recordKey}`;
}

/** The content part of a stored content_hash (see storedHashOf). */
function contentPartOf(storedHash: string): string {
  const colon = storedHash.indexOf(':');
  return colon < 0 ? storedHash : storedHash.slice(0, colon);
}

/**
 * Writes one parsed page inside the caller's transaction: unchanged listings (same content hash) are
 * left alone, new and changed ones are upserted with their skills replaced, unparseable records are
 * quarantined, and every listing on the page is recorded as seen by the run. A handful of statements
 * per page, whatever its size.
 */
export async function writePage(
  qr: QueryRunner,
  target: { sourceId: string; runId: string },
  records: readonly ParseResult[],
  region?: RegionBoroughs,
): Promise<PageWriteResult> {
  return writePreparedPage(
    qr,
    target,
    { fetched: records.length, parsed: records.map((result) => ({ result })), known: [] },
    region,
  );
}

/**
 * writePage for a page whose unchanged records may not have been normalised (see KnownRecord).
 * @param region places each written listing in a borough by its postcode
 */
export async function writePreparedPage(
  qr: QueryRunner,
  target: { sourceId: string; runId: string },
  page: PreparedRecords,
  region: RegionBoroughs = regionBoroughs(),
): Promise<PageWriteResult> {
  const counts = emptyCounts();
  counts.fetched = page.fetched;
  /** Candidates for "unchanged": ref → [content part to compare, content_hash to store]. */
  const candidates = new Map<string, [string, string]>();
  const good = new Map<string, { opportunity: NormalisedOpportunity; stored: string }>();
  const bad: { source_ref: string | null; raw: unknown; reason: string }[] = [];
  const take = (parsed: ParsedRecord) => {
    const r = parsed.result;
    if (r.ok) {
      const stored = parsed.storedHash ?? r.opportunity.contentHash;
      good.set(r.opportunity.sourceRef, { opportunity: r.opportunity, stored });
      candidates.set(r.opportunity.sourceRef, [r.opportunity.contentHash, stored]);
    } else {
      bad.push({ source_ref: r.sourceRef ?? null, raw: r.raw ?? null, reason: r.reason });
    }
  };
  for (const parsed of page.parsed) take(parsed);
  for (const known of page.known)
    candidates.set(known.sourceRef, [contentPartOf(known.storedHash), known.storedHash]);

  const listings: PageWriteResult['listings'] = [];
  if (candidates.size > 0) {
    const refs = [...candidates.keys()];
    const { rows: found } = await exec<{ id: string; source_ref: string }>(qr, FIND_UNCHANGED_SQL, [
      target.sourceId,
      refs,
      refs.map((ref) => candidates.get(ref)![0]),
      refs.map((ref) => candidates.get(ref)![1]),
    ]);
    counts.unchanged = found.length;
    for (const row of found) {
      listings.push({ id: row.id, contentHash: candidates.get(row.source_ref)![1] });
      good.delete(row.source_ref);
      candidates.delete(row.source_ref);
    }
  }
  // Known records whose row changed since it was read (or is EXPIRED): normalised after all.
  for (const known of page.known) if (candidates.has(known.sourceRef)) take(known.normalise());

  if (good.size > 0) {
    const written = [...good.values()];
    const { rows } = await exec<{ id: string; source_ref: string; inserted: boolean }>(qr, UPSERT_SQL, [
      target.sourceId,
      jsonForPostgres(written.map((l) => rowOf(l.opportunity, l.stored, region))),
    ]);
    const idByRef = new Map<string, string>();
    const updatedIds: string[] = [];
    for (const row of rows) {
      idByRef.set(row.source_ref, row.id);
      listings.push({ id: row.id, contentHash: good.get(row.source_ref)!.stored });
      if (row.inserted) counts.created++;
      else {
        counts.updated++;
        updatedIds.push(row.id);
      }
    }
    if (updatedIds.length) await exec(qr, REPLACE_SKILLS_DELETE_SQL, [updatedIds]);
    const skills = skillRowsOf(
      written.map((l) => l.opportunity),
      idByRef,
    );
    if (skills.o.length) await exec(qr, REPLACE_SKILLS_INSERT_SQL, [skills.o, skills.s, skills.r, skills.l]);
  }

  const seen = new Set(listings.map((l) => l.id));
  if (bad.length > 0) {
    counts.quarantined = bad.length;
    await exec(qr, QUARANTINE_SQL, [target.sourceId, target.runId, jsonForPostgres(bad)]);
    const refs = bad.map((b) => b.source_ref).filter((ref): ref is string => !!ref && !good.has(ref));
    if (refs.length) {
      const { rows } = await exec<{ id: string }>(qr, QUARANTINED_STILL_LISTED_SQL, [target.sourceId, refs]);
      for (const row of rows) seen.add(row.id);
    }
  }
  await recordSightings(qr, target.runId, [...seen]);
  return { counts, listings };
}

/** Records that the run saw these listings (distinct ids), inside the page's transaction. */
export async function recordSightings(qr: QueryRunner, runId: string, ids: string[]): Promise<void> {
  if (ids.length) await exec(qr, SIGHTINGS_SQL, [ids, runId]);
}

function rowOf(
  o: NormalisedOpportunity,
  storedHash: string,
  region: RegionBoroughs,
): Record<string, unknown> {
  return {
    source_ref: o.sourceRef,
    kind: o.kind,
    title: o.title,
    description: o.description ?? null,
    organisation_name: o.organisationName,
    mode: o.mode,
    postcode: o.postcode ?? null,
    borough: region.boroughOf(o.postcode),
    latitude: o.latitude ?? null,
    longitude: o.longitude ?? null,
    hours_per_week: o.hoursPerWeek ?? null,
    duration_weeks: o.durationWeeks ?? null,
    total_hours: o.totalHours ?? null,
    cost_pence: o.costPence,
    rqf_level: o.rqfLevel ?? null,
    start_date: o.startDate?.toISOString() ?? null,
    closing_date: o.closingDate?.toISOString() ?? null,
    url: o.url ?? null,
    wage_pence_per_year: o.wagePencePerYear ?? null,
    funding: o.funding ?? null,
    funded_available: o.costPence === 0 || o.funding?.fundedCostPence === 0,
    guaranteed_interview: o.guaranteedInterview ?? false,
    unmatched_skills: o.unmatchedSkillTexts,
    content_hash: storedHash,
  };
}

function skillRowsOf(opportunities: NormalisedOpportunity[], idByRef: Map<string, string>) {
  const out = { o: [] as string[], s: [] as string[], r: [] as string[], l: [] as number[] };
  for (const opp of opportunities) {
    const id = idByRef.get(opp.sourceRef);
    if (!id) continue;
    const seen = new Set<string>();
    const add = (skillId: string, role: 'TAUGHT' | 'REQUIRED', level: number) => {
      const key = `${skillId}|${role}`;
      if (!isUuid(skillId) || seen.has(key)) return;
      seen.add(key);
      out.o.push(id);
      out.s.push(skillId);
      out.r.push(role);
      out.l.push(Math.min(5, Math.max(1, Math.round(level))));
    };
    for (const s of opp.skillsTaught) add(s.skillId, 'TAUGHT', s.level);
    for (const s of opp.skillsRequired) add(s.skillId, 'REQUIRED', s.level);
  }
  return out;
}

/** JSON PostgreSQL's jsonb accepts: it has no NUL character, which raw feed text can carry. */
function jsonForPostgres(value: unknown): string {
  // An escaped backslash before "u0000" is text, not a NUL: only an odd run of backslashes is.
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1');
}
