import { DataSource } from 'typeorm';
import { badInput } from '@skillpath/common';
import type { DeliveryMode, OpportunityKind } from '@skillpath/persistence';
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

export interface OpportunityRow {
  id: string;
  [column: string]: unknown;
  distance_km: number | null;
  rank: number | null;
}

export interface OpportunityPage {
  rows: OpportunityRow[];
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
 * id breaks ties so every item appears exactly once across pages.
 */
export async function searchOpportunities(ds: DataSource, q: OpportunitySearch): Promise<OpportunityPage> {
  if (!Number.isInteger(q.first) || q.first < 1 || q.first > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${q.first})`);
  }
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
    if (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
      throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM} (got ${radiusKm})`);
    }
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
  const rows: OpportunityRow[] = await ds.query(
    `SELECT o.*, ${distanceSql} AS distance_km, ${rankSql} AS rank, ${sortExpr} AS sort_value
       FROM opportunities o WHERE ${pageWhere.join(' AND ')} ORDER BY ${order} LIMIT ${p(q.first + 1)}`,
    params,
  );
  const [{ n }]: Array<{ n: number }> = await ds.query(
    `SELECT count(*)::int AS n FROM opportunities o WHERE ${filterSql}`,
    countParams,
  );
  const hasNextPage = rows.length > q.first;
  const page = rows.slice(0, q.first);
  const cursors = page.map((r) =>
    encodeCursor({ sort, value: (r as unknown as { sort_value: string | number }).sort_value, id: r.id }),
  );
  return { rows: page, cursors, hasNextPage, totalCount: n };
}
