import type { ClientBase } from 'pg';
import { RankingTaxonomy } from './ranking-taxonomy';
import { SkillVectorSet, deserialiseSkillVectorSet, serialiseSkillVectorSet } from './skill-vector-set';

/** The `skill_vector_sets` table: one stored vector set per (taxonomy version, encoder). */
export class SkillVectorRepository {
  constructor(private readonly client: ClientBase) {}

  async save(taxonomy: RankingTaxonomy, set: SkillVectorSet): Promise<void> {
    await this.client.query(
      `INSERT INTO skill_vector_sets (taxonomy_version, encoder_id, taxonomy, vectors)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (taxonomy_version, encoder_id)
       DO UPDATE SET taxonomy = EXCLUDED.taxonomy, vectors = EXCLUDED.vectors, created_at = now()`,
      [set.taxonomyVersion, set.encoderId, JSON.stringify(taxonomy), serialiseSkillVectorSet(set)],
    );
  }

  async has(taxonomyVersion: string, encoderId: string): Promise<boolean> {
    const result = await this.client.query(
      'SELECT 1 FROM skill_vector_sets WHERE taxonomy_version = $1 AND encoder_id = $2',
      [taxonomyVersion, encoderId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** The newest set made by this encoder, with the taxonomy view it was built from. */
  async latest(
    encoderId: string,
  ): Promise<{ taxonomy: RankingTaxonomy; vectors: SkillVectorSet } | undefined> {
    const result = await this.client.query<{ taxonomy: RankingTaxonomy; vectors: Buffer }>(
      `SELECT taxonomy, vectors FROM skill_vector_sets WHERE encoder_id = $1
       ORDER BY created_at DESC, taxonomy_version LIMIT 1`,
      [encoderId],
    );
    const row = result.rows[0];
    return row ? { taxonomy: row.taxonomy, vectors: deserialiseSkillVectorSet(row.vectors) } : undefined;
  }

  /** Database skill ids by URI (the ranked extractor answers with the database's ids). */
  async skillIdsByUri(): Promise<Map<string, string>> {
    const result = await this.client.query<{ id: string; uri: string }>(
      'SELECT id, uri FROM skills WHERE uri IS NOT NULL',
    );
    return new Map(result.rows.map((r) => [r.uri, r.id]));
  }
}
