import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  OccupationModel,
  opportunityFromRow,
  OpportunityModel,
  type OpportunityRow,
  skillFromRow,
  SkillModel,
  type SkillRow,
} from '@skillpath/catalogue';
import type { SkillLevel } from '@skillpath/matching';
import { type OpportunityKind, type OpportunityStatus, Sql } from '@skillpath/persistence';

/** The few facts about a listing the journey's rules look at. */
export interface ListingHeader {
  id: string;
  kind: OpportunityKind;
  status: OpportunityStatus;
  title: string;
  organisationName: string;
  occupationId: string | null;
  closingDate: Date | null;
}

/** What a goal asks for: its title and the skills (with levels) it needs. */
export interface GoalRequirements {
  title: string;
  organisationName: string | null;
  occupationId: string | null;
  skills: SkillLevel[];
}

/**
 * The catalogue as the resident's journey reads it: listings, skills and occupations by id, and what
 * a goal asks for. Read-only; the catalogue lib owns writing it.
 */
@Injectable()
export class JourneyCatalogueRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  async opportunities(
    ids: readonly string[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, OpportunityModel>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await new Sql(m).rows<OpportunityRow>(
      'SELECT * FROM opportunities WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(rows.map((r) => [r.id, opportunityFromRow(r)]));
  }

  async skills(ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Map<string, SkillModel>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await new Sql(m).rows<SkillRow>('SELECT * FROM skills WHERE id = ANY($1::uuid[])', [unique]);
    return new Map(rows.map((r) => [r.id, skillFromRow(r)]));
  }

  /** Skills sorted by label. */
  async skillList(ids: readonly string[]): Promise<SkillModel[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows = await this.sql.rows<SkillRow>(
      'SELECT * FROM skills WHERE id = ANY($1::uuid[]) ORDER BY label',
      [unique],
    );
    return rows.map(skillFromRow);
  }

  async occupations(
    ids: readonly string[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, OccupationModel>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await new Sql(m).rows<OccupationModel>(
      'SELECT id, uri, title, description FROM occupations WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(
      rows.map((o) => [
        o.id,
        { id: o.id, uri: o.uri ?? null, title: o.title, description: o.description ?? null },
      ]),
    );
  }

  async listing(id: string, m: EntityManager = this.ds.manager): Promise<ListingHeader | null> {
    const row = await new Sql(m).one<ListingHeader>(
      `SELECT id, kind, status, title, organisation_name AS "organisationName", occupation_id AS "occupationId",
              closing_date AS "closingDate"
         FROM opportunities WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * How often jobs of an occupation are advertised: the vacancies and apprenticeships first seen in
   * the last 90 days (or since listings began, when that is sooner), per month of that window.
   */
  async jobsPerMonth(occupationId: string, m: EntityManager = this.ds.manager): Promise<number> {
    const row = await new Sql(m).one<{ seen: number; days: number }>(
      `WITH since AS (SELECT greatest(now() - interval '90 days', coalesce(min(first_seen_at), now())) AS t FROM opportunities)
       SELECT (SELECT count(*) FROM opportunities o, since
                WHERE o.occupation_id = $1 AND o.kind IN ('VACANCY', 'APPRENTICESHIP') AND o.first_seen_at >= since.t)::int AS seen,
              (SELECT extract(epoch FROM now() - since.t) / 86400 FROM since)::float AS days`,
      [occupationId],
    );
    // A window shorter than a month counts as a month: never a rate inflated by a fresh catalogue.
    return row ? row.seen / Math.max(1, row.days / 30) : 0;
  }

  async titles(ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await new Sql(m).rows<{ id: string; title: string }>(
      'SELECT id, title FROM opportunities WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** An occupation's title and essential skills; null when there is no such occupation. */
  async occupationRequirements(
    id: string,
    m: EntityManager = this.ds.manager,
  ): Promise<GoalRequirements | null> {
    const rows = await new Sql(m).rows<{ title: string; skill_id: string | null; level: number | null }>(
      `SELECT o.title, os.skill_id, os.level FROM occupations o
         LEFT JOIN occupation_skills os ON os.occupation_id = o.id AND os.relation = 'essential' WHERE o.id = $1`,
      [id],
    );
    if (!rows.length) return null;
    return {
      title: rows[0].title,
      organisationName: null,
      occupationId: id,
      skills: rows.flatMap((r) => (r.skill_id ? [{ skill: r.skill_id, level: Number(r.level) }] : [])),
    };
  }

  /** A listing's title, employer, occupation and required skills; null when there is no such listing. */
  async listingRequirements(
    id: string,
    m: EntityManager = this.ds.manager,
  ): Promise<GoalRequirements | null> {
    const rows = await new Sql(m).rows<{
      title: string;
      organisation_name: string;
      occupation_id: string | null;
      skill_id: string | null;
      level: number | null;
    }>(
      `SELECT o.title, o.organisation_name, o.occupation_id, os.skill_id, os.level FROM opportunities o
         LEFT JOIN opportunity_skills os ON os.opportunity_id = o.id AND os.role = 'REQUIRED' WHERE o.id = $1`,
      [id],
    );
    if (!rows.length) return null;
    return {
      title: rows[0].title,
      organisationName: rows[0].organisation_name,
      occupationId: rows[0].occupation_id,
      skills: rows.flatMap((r) => (r.skill_id ? [{ skill: r.skill_id, level: Number(r.level) }] : [])),
    };
  }

  /**
   * The open vacancy or apprenticeship most like a listing: most of its skills (required or taught) in common
   * (at least one), the same kind first, then the nearest to `near` (when given), then the latest
   * closing. Null when nothing open shares a skill with it.
   */
  async mostSimilarOpenListing(
    listingId: string,
    near: { lat: number; lon: number } | null,
    m: EntityManager = this.ds.manager,
  ): Promise<ListingHeader | null> {
    const row = await new Sql(m).one<ListingHeader>(
      `WITH goal AS (SELECT DISTINCT o.kind, os.skill_id FROM opportunities o
                       JOIN opportunity_skills os ON os.opportunity_id = o.id WHERE o.id = $1),
            scored AS (
              SELECT o.id, o.kind, o.status, o.title, o.organisation_name, o.occupation_id, o.closing_date, o.latitude, o.longitude,
                     count(DISTINCT os.skill_id) AS shared
                FROM opportunities o JOIN opportunity_skills os ON os.opportunity_id = o.id
               WHERE o.status = 'ACTIVE' AND o.kind IN ('VACANCY', 'APPRENTICESHIP') AND o.id <> $1
                 AND os.skill_id IN (SELECT skill_id FROM goal)
               GROUP BY o.id)
       SELECT id, kind, status, title, organisation_name AS "organisationName", occupation_id AS "occupationId",
              closing_date AS "closingDate"
         FROM scored
        ORDER BY shared DESC, (kind = (SELECT kind FROM goal LIMIT 1)) DESC,
                 CASE WHEN $2::float8 IS NULL OR latitude IS NULL THEN 1e9
                      ELSE (latitude - $2::float8) ^ 2 + ((longitude - $3::float8) * cos(radians($2::float8))) ^ 2 END,
                 closing_date DESC NULLS FIRST, id
        LIMIT 1`,
      [listingId, near?.lat ?? null, near?.lon ?? null],
    );
    return row ?? null;
  }

  async occupationExists(id: string): Promise<boolean> {
    const rows = await this.sql.rows<object>('SELECT 1 FROM occupations WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Of these skill ids, those that are not in the taxonomy. */
  async unknownSkillIds(ids: readonly string[], m: EntityManager = this.ds.manager): Promise<string[]> {
    if (!ids.length) return [];
    const known = await new Sql(m).rows<{ id: string }>('SELECT id FROM skills WHERE id = ANY($1::uuid[])', [
      [...ids],
    ]);
    const seen = new Set(known.map((k) => k.id));
    return ids.filter((id) => !seen.has(id));
  }

  /** The taxonomy's Essential Digital Skills, by label. */
  async essentialDigitalSkills(): Promise<Array<{ id: string; label: string }>> {
    return this.sql.rows<{ id: string; label: string }>(
      'SELECT id, label FROM skills WHERE essential_digital ORDER BY label',
    );
  }
}
