import type { ClientBase } from 'pg';

/** `RETURNING (xmax = 0) AS inserted`: true for a new row, false for an updated one. */
export interface UpsertedRow {
  inserted: boolean;
}

export interface UriIdRow {
  uri: string;
  id: string;
}

/**
 * The ESCO import's SQL, on the importer's one connection (the import is one transaction). Batches
 * arrive as column arrays (`unnest`), so each statement writes thousands of rows.
 */
export class EscoImportRepository {
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

  /** Columns: uri, label, alt labels (newline-joined), type, description, broader uri, digital. */
  async upsertSkills(columns: unknown[][]): Promise<UpsertedRow[]> {
    const result = await this.client.query<UpsertedRow>(
      `INSERT INTO skills (uri, label, alt_labels, type, description, broader_uri, digital)
       SELECT u, l, CASE WHEN a = '' THEN '{}'::text[] ELSE string_to_array(a, E'\\n') END, t, d, b, g
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[])
         AS x(u, l, a, t, d, b, g)
       ON CONFLICT (uri) DO UPDATE SET
         label = EXCLUDED.label, alt_labels = EXCLUDED.alt_labels, type = EXCLUDED.type,
         description = EXCLUDED.description, broader_uri = EXCLUDED.broader_uri,
         digital = EXCLUDED.digital OR skills.essential_digital, updated_at = now()
       WHERE (skills.label, skills.alt_labels, skills.type, skills.description, skills.broader_uri, skills.digital)
         IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.alt_labels, EXCLUDED.type, EXCLUDED.description,
                           EXCLUDED.broader_uri, EXCLUDED.digital OR skills.essential_digital)
       RETURNING (xmax = 0) AS inserted`,
      columns,
    );
    return result.rows;
  }

  /** Points each skill at its broader skill by URI (and clears stale links); how many are linked. */
  async linkBroaderSkills(): Promise<number> {
    await this.client.query(
      `UPDATE skills s SET broader_id = b.id, updated_at = now()
       FROM skills b
       WHERE s.broader_uri = b.uri AND s.broader_id IS DISTINCT FROM b.id`,
    );
    // A broader concept that is no longer a skill (or changed) must not leave a stale link.
    await this.client.query(
      `UPDATE skills s SET broader_id = NULL, updated_at = now()
       WHERE s.broader_id IS NOT NULL AND s.broader_uri IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM skills b WHERE b.id = s.broader_id AND b.uri = s.broader_uri)`,
    );
    const linked = await this.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM skills WHERE broader_id IS NOT NULL AND broader_uri IS NOT NULL',
    );
    return linked.rows[0].n;
  }

  /** Columns: uri, title, alt labels (newline-joined), description, ISCO group. */
  async upsertOccupations(columns: unknown[][]): Promise<UpsertedRow[]> {
    const result = await this.client.query<UpsertedRow>(
      `INSERT INTO occupations (uri, title, alt_labels, description, isco_group)
       SELECT u, t, CASE WHEN a = '' THEN '{}'::text[] ELSE string_to_array(a, E'\\n') END, d, g
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(u, t, a, d, g)
       ON CONFLICT (uri) DO UPDATE SET
         title = EXCLUDED.title, alt_labels = EXCLUDED.alt_labels, description = EXCLUDED.description,
         isco_group = EXCLUDED.isco_group, updated_at = now()
       WHERE (occupations.title, occupations.alt_labels, occupations.description, occupations.isco_group)
         IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.alt_labels, EXCLUDED.description, EXCLUDED.isco_group)
       RETURNING (xmax = 0) AS inserted`,
      columns,
    );
    return result.rows;
  }

  async idsByUri(table: 'skills' | 'occupations'): Promise<Map<string, string>> {
    const result = await this.client.query<UriIdRow>(`SELECT uri, id FROM ${table} WHERE uri IS NOT NULL`);
    return new Map(result.rows.map((r) => [r.uri, r.id]));
  }

  /** Columns: occupation id, skill id, relation (essential/optional). */
  async upsertOccupationSkills(columns: unknown[][]): Promise<UpsertedRow[]> {
    const result = await this.client.query<UpsertedRow>(
      `INSERT INTO occupation_skills (occupation_id, skill_id, relation, level)
       SELECT o, s, r, 3 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(o, s, r)
       -- A region's featured roles carry curated requirements (demo data, partners): ESCO's generic
       -- relations must not be added to them, or their roadmaps would ask for dozens of extra skills.
       WHERE NOT EXISTS (SELECT 1 FROM occupations oc WHERE oc.id = x.o AND oc.featured)
       ON CONFLICT (occupation_id, skill_id) DO UPDATE SET relation = EXCLUDED.relation
       WHERE occupation_skills.relation IS DISTINCT FROM EXCLUDED.relation
       RETURNING (xmax = 0) AS inserted`,
      columns,
    );
    return result.rows;
  }

  /** A skill's popularity: how many occupations ask for it. */
  async updatePopularity(): Promise<void> {
    await this.client.query(
      `UPDATE skills s SET popularity = c.n
       FROM (SELECT sk.id, count(os.occupation_id)::int AS n
             FROM skills sk LEFT JOIN occupation_skills os ON os.skill_id = sk.id
             GROUP BY sk.id) c
       WHERE s.id = c.id AND s.popularity <> c.n`,
    );
  }
}
