import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Sql, type DeliveryMode, type OpportunityKind } from '@skillpath/persistence';
import type {
  AccreditationRow,
  OpportunityRow,
  OpportunitySearchRow,
  OpportunityCheckedRow,
  OpportunitySkillRow,
} from '../catalogue.rows';
import { decodeCursor, encodeCursor, OpportunityCursor } from './opportunity-cursor';

export const EARTH_RADIUS_KM = 6371.0088;
export const MAX_PAGE_SIZE = 100;
export const MAX_RADIUS_KM = 1000;

export interface SearchPoint {
  latitude: number;
  longitude: number;
  radiusKm: number;
  includeOnline: boolean;
}

export interface OpportunitySearch {
  kinds?: OpportunityKind[];
  modes?: DeliveryMode[];
  fundedOnly?: boolean;
  skillIds?: string[];
  text?: string;
  near?: SearchPoint;
  first: number;
  after?: string;
}

export interface OpportunityPage {
  rows: OpportunitySearchRow[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

const DISTANCE_SQL = (lat: string, lon: string) =>
  `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(power(sin(radians(o.latitude - ${lat}) / 2), 2) + ` +
  `cos(radians(${lat})) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - ${lon}) / 2), 2))))`;

/**
 * ACTIVE opportunities matching a filter, one page at a time with keyset cursors: ordered by
 * distance when searching near a point, by text rank when searching text, by title otherwise; the
 * id breaks ties so every item appears exactly once across pages. The caller checks `first` and
 * the radius (OpportunitiesService).
 */
async function searchOpportunities(sql: Sql, q: OpportunitySearch): Promise<OpportunityPage> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [`o.status = 'ACTIVE'`];
  if (q.kinds?.length) where.push(`o.kind = ANY(${p(q.kinds)})`);
  if (q.modes?.length) where.push(`o.mode = ANY(${p(q.modes)})`);
  if (q.fundedOnly) where.push(`(o.cost_pence = 0 OR o.funded_available)`);
  if (q.skillIds?.length) {
    where.push(
      `EXISTS (SELECT 1 FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.skill_id = ANY(${p(q.skillIds)}::uuid[]))`,
    );
  }
  const text = q.text?.trim();
  let rankSql = 'NULL::real';
  if (text) {
    const tsv = `to_tsvector('english', o.title || ' ' || coalesce(o.description, ''))`;
    const tsq = `websearch_to_tsquery('english', ${p(text)})`;
    where.push(`${tsv} @@ ${tsq}`);
    // float8, so the value a cursor carries compares equal to the recomputed one.
    rankSql = `ts_rank(${tsv}, ${tsq})::double precision`;
  }
  let distanceSql = 'NULL::double precision';
  if (q.near) {
    const { latitude, longitude, radiusKm, includeOnline } = q.near;
    const lat = p(latitude);
    const lon = p(longitude);
    distanceSql = DISTANCE_SQL(lat, lon);
    // A bounding box first, so the index on (latitude, longitude) narrows the rows before the exact test.
    const dLat = radiusKm / 111.2;
    const dLon = radiusKm / (111.2 * Math.max(0.01, Math.cos((latitude * Math.PI) / 180)));
    const located =
      `(o.latitude BETWEEN ${p(latitude - dLat)} AND ${p(latitude + dLat)} ` +
      `AND o.longitude BETWEEN ${p(longitude - dLon)} AND ${p(longitude + dLon)} ` +
      `AND ${distanceSql} <= ${p(radiusKm)})`;
    where.push(includeOnline ? `(${located} OR o.mode = 'ONLINE')` : located);
  }

  const sort: OpportunityCursor['sort'] = q.near ? 'distance' : text ? 'rank' : 'title';
  const filterSql = where.join(' AND ');
  const countParams = [...params];
  const pageWhere = [filterSql];
  // Online items in a near search have no distance; they sort after every located one.
  const sortExpr =
    sort === 'distance' ? `coalesce(${distanceSql}, 1e9)` : sort === 'rank' ? rankSql : 'o.title';
  if (q.after) {
    const c = decodeCursor(q.after, sort);
    const op = sort === 'rank' ? '<' : '>';
    const v = p(c.value);
    const castV = sort === 'title' ? v : `${v}::double precision`;
    pageWhere.push(`(${sortExpr} ${op} ${castV} OR (${sortExpr} = ${castV} AND o.id > ${p(c.id)}::uuid))`);
  }
  const order = sort === 'rank' ? `${sortExpr} DESC, o.id ASC` : `${sortExpr} ASC, o.id ASC`;
  // On a first page the page's filter is the count's, so one statement counts (before LIMIT) and pages;
  // a later page's rows are filtered by its cursor too, so its count is a statement of its own.
  const countInPage = !q.after;
  const rows = await sql.rows<OpportunitySearchRow & { total_count?: number }>(
    `SELECT o.*, ${distanceSql} AS distance_km, ${rankSql} AS rank, ${sortExpr} AS sort_value
            ${countInPage ? ', count(*) OVER ()::int AS total_count' : ''}
       FROM opportunities o WHERE ${pageWhere.join(' AND ')} ORDER BY ${order} LIMIT ${p(q.first + 1)}`,
    params,
  );
  const totalCount = countInPage
    ? (rows[0]?.total_count ?? 0)
    : (
        await sql.first<{ n: number }>(
          `SELECT count(*)::int AS n FROM opportunities o WHERE ${filterSql}`,
          countParams,
        )
      ).n;
  const hasNextPage = rows.length > q.first;
  const page = rows.slice(0, q.first).map(({ total_count: _count, ...row }) => row);
  const cursors = page.map((r) => encodeCursor({ sort, value: r.sort_value, id: r.id }));
  return { rows: page, cursors, hasNextPage, totalCount };
}

/** The `opportunities` table as the catalogue reads it: search, one listing, skills, accreditations. */
@Injectable()
export class OpportunitiesRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  search(q: OpportunitySearch): Promise<OpportunityPage> {
    return searchOpportunities(this.sql, q);
  }

  byId(id: string): Promise<OpportunityRow | undefined> {
    return this.sql.one<OpportunityRow>('SELECT * FROM opportunities WHERE id = $1', [id]);
  }

  /** Taught and required skills of many opportunities, highest level first. */
  skillsOf(opportunityIds: readonly string[]): Promise<OpportunitySkillRow[]> {
    return this.sql.rows<OpportunitySkillRow>(
      `SELECT os.opportunity_id, os.role, os.level, os.inferred, occ.title AS occupation_title,
              s.id, s.uri, s.label, s.alt_labels, s.digital, s.essential_digital, s.description
         FROM opportunity_skills os JOIN skills s ON s.id = os.skill_id
         JOIN opportunities o ON o.id = os.opportunity_id LEFT JOIN occupations occ ON occ.id = o.occupation_id
        WHERE os.opportunity_id = ANY($1::uuid[]) ORDER BY os.inferred, os.level DESC, s.label`,
      [opportunityIds],
    );
  }

  /**
   * When a refresh last saw each feed listing (its latest sighting, or when it was last written);
   * listings no feed carries have no row.
   */
  lastChecked(opportunityIds: readonly string[]): Promise<OpportunityCheckedRow[]> {
    return this.sql.rows<OpportunityCheckedRow>(
      `SELECT o.id, greatest(o.last_seen_at, s.last_seen_at) AS checked
         FROM opportunities o LEFT JOIN opportunity_sightings s ON s.opportunity_id = o.id
        WHERE o.id = ANY($1::uuid[]) AND o.source_id IS NOT NULL`,
      [opportunityIds],
    );
  }

  /**
   * Accreditations in force now (ACTIVE, within their validity dates, by an employer an admin has
   * verified: an unverified organisation vouches for nothing) of many opportunities.
   */
  activeAccreditations(opportunityIds: readonly string[]): Promise<AccreditationRow[]> {
    return this.sql.rows<AccreditationRow>(
      `SELECT a.id, a.opportunity_id, org.name AS employer_name, a.status, a.skill_ids, a.valid_from,
              a.valid_to, a.guaranteed_interview
         FROM accreditations a JOIN organisations org ON org.id = a.employer_id AND org.verification = 'VERIFIED'
        WHERE a.opportunity_id = ANY($1::uuid[]) AND a.status = 'ACTIVE'
          AND (a.valid_from IS NULL OR a.valid_from <= now()) AND (a.valid_to IS NULL OR a.valid_to > now())
        ORDER BY org.name, a.id`,
      [opportunityIds],
    );
  }
}
