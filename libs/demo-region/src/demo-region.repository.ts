import type { ClientBase } from 'pg';
import type {
  DemoAccreditation,
  DemoFunding,
  DemoOccupation,
  DemoOpportunity,
  DemoOrganisation,
  DemoSkill,
} from './demo-data.types';

interface IdRow {
  id: string;
}

/** Where a demo listing's references resolve to in the database. */
export interface DemoListingLinks {
  organisationId: string | null;
  organisationName: string;
  occupationId: string | null;
  borough: string | null;
}

/**
 * The demo region loader's SQL, on the loader's one connection (the load is one transaction).
 * Skills and occupations merge by ESCO URI (or code) with anything already imported; listings are
 * keyed by their demo reference.
 */
export class DemoRegionRepository {
  constructor(private readonly client: ClientBase) {}

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  /** Inserts or merges a skill; its id. */
  async upsertSkill(s: DemoSkill): Promise<string> {
    const conflict = s.uri ? '(uri)' : '(code)';
    const { rows } = await this.client.query<IdRow>(
      `INSERT INTO skills (code, uri, label, alt_labels, type, description, digital, essential_digital)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ${conflict} DO UPDATE SET code = EXCLUDED.code, essential_digital = EXCLUDED.essential_digital,
           digital = skills.digital OR EXCLUDED.digital,
           alt_labels = ARRAY(SELECT DISTINCT unnest(skills.alt_labels || EXCLUDED.alt_labels)), updated_at = now()
         RETURNING id`,
      [
        s.code,
        s.uri ?? null,
        s.label,
        s.altLabels,
        s.type,
        s.description ?? null,
        s.digital || s.essentialDigital,
        s.essentialDigital,
      ],
    );
    return rows[0].id;
  }

  async setBroader(skillId: string | undefined, broaderId: string | undefined): Promise<void> {
    await this.client.query('UPDATE skills SET broader_id = $2 WHERE id = $1', [skillId, broaderId]);
  }

  /** Inserts or merges a featured occupation; its id. */
  async upsertOccupation(o: DemoOccupation): Promise<string> {
    const conflict = o.uri ? '(uri)' : '(code)';
    const { rows } = await this.client.query<IdRow>(
      `INSERT INTO occupations (code, uri, title, description, featured) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT ${conflict} DO UPDATE SET code = EXCLUDED.code, featured = true, title = EXCLUDED.title,
           description = EXCLUDED.description, updated_at = now()
         RETURNING id`,
      [o.code, o.uri ?? null, o.title, o.description],
    );
    return rows[0].id;
  }

  async clearOccupationSkills(occupationId: string): Promise<void> {
    await this.client.query('DELETE FROM occupation_skills WHERE occupation_id = $1', [occupationId]);
  }

  async upsertOccupationSkill(
    occupationId: string,
    skillId: string | undefined,
    relation: 'essential' | 'optional',
    level: number,
  ): Promise<void> {
    await this.client.query(
      `INSERT INTO occupation_skills (occupation_id, skill_id, relation, level) VALUES ($1, $2, $3, $4)
             ON CONFLICT (occupation_id, skill_id) DO UPDATE SET relation = EXCLUDED.relation, level = EXCLUDED.level`,
      [occupationId, skillId, relation, level],
    );
  }

  /** Inserts an organisation as VERIFIED (or renames the existing one); its id. */
  async upsertOrganisation(o: DemoOrganisation): Promise<string> {
    const { rows } = await this.client.query<IdRow>(
      // The demo's organisations stand for checked ones: seeded VERIFIED (real ones start PENDING).
      `INSERT INTO organisations (code, name, kind, borough, verification, verified_at) VALUES ($1, $2, $3, $4, 'VERIFIED', now())
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [o.code, o.name, o.kind, o.borough],
    );
    return rows[0].id;
  }

  /** The id of the listing loaded earlier for this demo reference, if any. */
  async listingId(ref: string): Promise<string | undefined> {
    const existing = await this.client.query<IdRow>(
      'SELECT id FROM opportunities WHERE source_id IS NULL AND source_ref = $1',
      [`demo:${ref}`],
    );
    return existing.rows[0]?.id;
  }

  /** Inserts a demo listing; its id. */
  async insertListing(o: DemoOpportunity, f: DemoFunding | null, links: DemoListingLinks): Promise<string> {
    const { rows } = await this.client.query<IdRow>(
      `INSERT INTO opportunities (kind, title, description, organisation_id, organisation_name, mode, postcode, latitude, longitude,
           hours_per_week, duration_weeks, total_hours, cost_pence, rqf_level, start_date, closing_date, url, wage_pence_per_year,
           funding, funded_available, step_free, needs_own_device, occupation_id, source_ref, borough, entitlements)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26) RETURNING id`,
      [
        o.kind,
        o.title,
        o.description,
        links.organisationId,
        links.organisationName,
        o.mode,
        o.postcode,
        o.latitude,
        o.longitude,
        o.hoursPerWeek,
        o.durationWeeks,
        o.totalHours,
        o.costPence,
        o.rqfLevel,
        o.startDate,
        o.closingDate ? `${o.closingDate}T23:59:59Z` : null,
        o.url,
        o.wagePencePerYear,
        f ? JSON.stringify(f) : null,
        o.costPence === 0 || (f !== null && f.fundedCostPence === 0),
        o.stepFree,
        o.needsOwnDevice,
        links.occupationId,
        `demo:${o.ref}`,
        links.borough,
        o.entitlements ?? [],
      ],
    );
    return rows[0].id;
  }

  async linkListingSkill(
    opportunityId: string,
    skillId: string | undefined,
    role: 'TAUGHT' | 'REQUIRED',
    level: number,
  ): Promise<void> {
    await this.client.query(
      `INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [opportunityId, skillId, role, level],
    );
  }

  async hasAccreditation(opportunityId: string, employerId: string): Promise<boolean> {
    const found = await this.client.query(
      'SELECT 1 FROM accreditations WHERE opportunity_id = $1 AND employer_id = $2',
      [opportunityId, employerId],
    );
    return Boolean(found.rowCount);
  }

  async insertAccreditation(
    opportunityId: string,
    employerId: string,
    skillIds: Array<string | undefined>,
    a: DemoAccreditation,
  ): Promise<void> {
    await this.client.query(
      `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status, valid_from, valid_to, guaranteed_interview)
         VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6)`,
      [opportunityId, employerId, skillIds, a.validFrom, a.validTo, a.guaranteedInterview],
    );
  }

  /** Common skills rank first in search: count how often roles and jobs ask for each. */
  async refreshSkillPopularity(): Promise<void> {
    await this.client.query(
      `UPDATE skills s SET popularity = sub.n FROM (
         SELECT skill_id, count(*)::int AS n FROM (
           SELECT skill_id FROM occupation_skills UNION ALL SELECT skill_id FROM opportunity_skills WHERE role = 'REQUIRED') x
         GROUP BY skill_id) sub
       WHERE s.id = sub.skill_id AND s.popularity < sub.n`,
    );
  }
}
