import type { ClientBase } from 'pg';

export interface BenchListing {
  source_ref: string;
  title: string;
  description: string;
  content_hash: string;
}

/** The enrichment benchmark's statements against its scratch database. */
export class EnrichmentBenchRepository {
  constructor(private readonly pg: ClientBase) {}

  /** ESCO occupations (as imported), the material the bench's adverts are written from. */
  async occupations(): Promise<{ title: string; alt_labels: string[]; description: string | null }[]> {
    const { rows } = await this.pg.query<{ title: string; alt_labels: string[]; description: string | null }>(
      'SELECT title, alt_labels, description FROM occupations ORDER BY uri',
    );
    return rows;
  }

  async insertVacancies(sourceId: string, listings: readonly BenchListing[]): Promise<void> {
    await this.pg.query(
      `INSERT INTO opportunities (source_id, source_ref, kind, title, description, organisation_name, mode, content_hash)
       SELECT $1, x.source_ref, 'VACANCY', x.title, x.description, 'Bench Employer', 'IN_PERSON', x.content_hash
       FROM jsonb_to_recordset($2::jsonb) AS x(source_ref text, title text, description text, content_hash text)`,
      [sourceId, JSON.stringify(listings)],
    );
  }

  /** Marks every listing as enriched by older rules, so the next run enriches all of them again. */
  async markEnrichedByOlderRules(): Promise<void> {
    await this.pg.query(`UPDATE opportunities SET enrichment_key = 'older-rules|' || content_hash`);
  }

  async counts(): Promise<{ withOccupation: number; withInferred: number }> {
    const { rows } = await this.pg.query<{ with_occ: number; with_inferred: number }>(
      `SELECT count(*) FILTER (WHERE o.occupation_id IS NOT NULL)::int AS with_occ,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM opportunity_skills os
                                              WHERE os.opportunity_id = o.id AND os.inferred))::int AS with_inferred
         FROM opportunities o`,
    );
    return { withOccupation: rows[0].with_occ, withInferred: rows[0].with_inferred };
  }

  /**
   * What enrichment stored, a line a listing in source order: its occupation and confidence, and its
   * inferred (`:i`) and extracted (`:x`) skills with levels. Two versions storing the same give the same lines.
   */
  async enrichmentLines(): Promise<string[]> {
    const { rows } = await this.pg.query<{ line: string }>(
      `SELECT o.source_ref || ' ' || coalesce(oc.uri, '-') || ' ' || coalesce(round(o.occupation_confidence::numeric, 4)::text, '-') || ' ' ||
              coalesce((SELECT string_agg(s.uri || CASE WHEN os.inferred THEN ':i' ELSE ':x' END || os.level, ' ' ORDER BY s.uri)
                        FROM opportunity_skills os JOIN skills s ON s.id = os.skill_id
                        WHERE os.opportunity_id = o.id AND (os.inferred OR os.extracted)), '') AS line
         FROM opportunities o LEFT JOIN occupations oc ON oc.id = o.occupation_id
        ORDER BY o.source_ref`,
    );
    return rows.map((r) => r.line);
  }
}
