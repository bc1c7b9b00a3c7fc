import { Client } from 'pg';
import { RankedSkillExtractor } from './ranked-skill-extractor';
import { RERANKER_WEIGHTS } from './ranked-extractor-loader';
import { RankingTaxonomy } from './ranking-taxonomy';
import { RerankerWeights } from './reranker-model';
import { SentenceEncoder, UniversalSentenceEncoderLite } from './sentence-encoder';
import { CachingSentenceEncoder } from './caching-encoder';
import { SkillVectorSet, deserialiseSkillVectorSet, serialiseSkillVectorSet } from './skill-vector-set';

/** The `skill_vector_sets` table: one stored vector set per (taxonomy version, encoder). */
export class SkillVectorRepository {
  constructor(private readonly client: Client) {}

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

export interface LoadRankedOptions {
  encoder?: SentenceEncoder;
  weights?: RerankerWeights;
  /** Distinct sentences whose vectors are remembered (adverts repeat boilerplate). */
  sentenceCache?: number;
}

/**
 * The ranked extractor over the taxonomy stored in the database, from the newest stored vector set
 * of the encoder (`cli skills:vectors` writes it). Skills answer with their database ids; skills of
 * the set that the database no longer has are left out. Undefined when no set is stored yet.
 */
export async function loadRankedSkillExtractor(
  databaseUrl: string,
  options: LoadRankedOptions = {},
): Promise<RankedSkillExtractor | undefined> {
  const inner = options.encoder ?? (await UniversalSentenceEncoderLite.load());
  const client = new Client({ connectionString: databaseUrl, application_name: 'skillpath-skill-ranking' });
  await client.connect();
  let stored: Awaited<ReturnType<SkillVectorRepository['latest']>>;
  let ids: Map<string, string>;
  try {
    const repository = new SkillVectorRepository(client);
    stored = await repository.latest(inner.id);
    ids = stored ? await repository.skillIdsByUri() : new Map();
  } finally {
    await client.end();
  }
  if (!stored) return undefined;
  const skills = stored.taxonomy.skills.flatMap((s) => {
    const id = ids.get(s.uri);
    return id ? [{ ...s, id }] : [];
  });
  return RankedSkillExtractor.create({
    taxonomy: { ...stored.taxonomy, skills },
    vectors: stored.vectors,
    encoder: new CachingSentenceEncoder(inner, options.sentenceCache ?? 20_000),
    weights: options.weights ?? RERANKER_WEIGHTS,
  });
}
