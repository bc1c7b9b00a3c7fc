import type { ClientBase } from 'pg';
import { RankingTaxonomy } from './ranking-taxonomy';
import { SkillVectorSet, deserialiseSkillVectorSet, serialiseSkillVectorSet } from './skill-vector-set';

/** Bytes of a stored vector set read per query (as 2 hex characters each). */
const READ_SLICE_BYTES = 1 << 20;

/** The `skill_vector_sets` table: one stored vector set per (taxonomy version, encoder). */
export class SkillVectorRepository {
  constructor(
    private readonly client: ClientBase,
    private readonly readSliceBytes = READ_SLICE_BYTES,
  ) {}

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

  /**
   * The newest set made by this encoder, with the taxonomy view it was built from less the skill and
   * group descriptions (the ranker reads their vectors, never their text: a third of the JSON).
   * The vectors are read in slices into one buffer: a bytea arrives hex-encoded, so reading it whole
   * held a 52 MB string for 26 MB of data, and its parsed copy, at once.
   */
  async latest(
    encoderId: string,
  ): Promise<{ taxonomy: RankingTaxonomy; vectors: SkillVectorSet } | undefined> {
    // One snapshot for all the slices, should a new set replace this one meanwhile.
    await this.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const head = await this.client.query<{
        taxonomy_version: string;
        taxonomy: RankingTaxonomy;
        bytes: number;
      }>(
        `SELECT taxonomy_version, octet_length(vectors) AS bytes,
                jsonb_build_object(
                  'version', taxonomy->'version',
                  'skills', coalesce((SELECT jsonb_agg(s - 'description' ORDER BY i)
                                      FROM jsonb_array_elements(taxonomy->'skills') WITH ORDINALITY AS x(s, i)), '[]'),
                  'groups', coalesce((SELECT jsonb_agg(g - 'description' ORDER BY i)
                                      FROM jsonb_array_elements(taxonomy->'groups') WITH ORDINALITY AS y(g, i)), '[]')
                ) AS taxonomy
         FROM skill_vector_sets WHERE encoder_id = $1
         ORDER BY created_at DESC, taxonomy_version LIMIT 1`,
        [encoderId],
      );
      const row = head.rows[0];
      if (!row) return undefined;
      // Its own ArrayBuffer from offset 0: the set's arrays are then views of it, not copies.
      const blob = Buffer.from(new ArrayBuffer(row.bytes));
      for (let at = 0; at < row.bytes; at += this.readSliceBytes) {
        // As hex text, decoded straight into the buffer (no Buffer per slice).
        const slice = await this.client.query<{ hex: string }>(
          `SELECT encode(substring(vectors FROM $3 FOR $4), 'hex') AS hex FROM skill_vector_sets
           WHERE taxonomy_version = $1 AND encoder_id = $2`,
          [row.taxonomy_version, encoderId, at + 1, this.readSliceBytes],
        );
        blob.write(slice.rows[0].hex, at, 'hex');
      }
      return { taxonomy: row.taxonomy, vectors: deserialiseSkillVectorSet(blob) };
    } finally {
      await this.client.query('COMMIT');
    }
  }

  /** Database skill ids by URI (the ranked extractor answers with the database's ids). */
  async skillIdsByUri(): Promise<Map<string, string>> {
    const result = await this.client.query<{ id: string; uri: string }>(
      'SELECT id, uri FROM skills WHERE uri IS NOT NULL',
    );
    return new Map(result.rows.map((r) => [r.uri, r.id]));
  }
}
