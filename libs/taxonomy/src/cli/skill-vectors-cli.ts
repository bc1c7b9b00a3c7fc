import { Client } from 'pg';
import { taxonomyFingerprint } from '../extraction/semantic/ranked-extractor-loader';
import { readEscoRankingTaxonomy } from '../extraction/semantic/ranking-taxonomy';
import { SentenceEncoder, UniversalSentenceEncoderLite } from '../extraction/semantic/sentence-encoder';
import { buildSkillVectorSet } from '../extraction/semantic/skill-vector-set';
import { SkillVectorRepository } from '../extraction/semantic/skill-vector.repository';

export interface SkillVectorsResult {
  taxonomyVersion: string;
  encoderId: string;
  vectors: number;
  /** False when a set for this taxonomy version and encoder was already stored (nothing done). */
  built: boolean;
  durationMs: number;
}

/**
 * `skills:vectors --dir <ESCO release>`: encodes the release's skill labels, descriptions and skill
 * groups once and stores them in `skill_vector_sets`, keyed by a fingerprint of that content and
 * the encoder id. Does nothing when that set is already stored (unless `force`). ~30 CPU-minutes.
 */
export async function buildAndStoreSkillVectors(options: {
  databaseUrl: string;
  dir: string;
  force?: boolean;
  encoder?: SentenceEncoder;
  onProgress?: (done: number, total: number) => void;
}): Promise<SkillVectorsResult> {
  const started = Date.now();
  const taxonomy = await readEscoRankingTaxonomy(options.dir, 'pending');
  taxonomy.version = `esco-${taxonomyFingerprint(taxonomy.skills, taxonomy.groups)}`;
  const encoder = options.encoder ?? (await UniversalSentenceEncoderLite.load());
  const client = new Client({
    connectionString: options.databaseUrl,
    application_name: 'skillpath-skill-vectors',
  });
  await client.connect();
  try {
    const repository = new SkillVectorRepository(client);
    if (!options.force && (await repository.has(taxonomy.version, encoder.id)))
      return {
        taxonomyVersion: taxonomy.version,
        encoderId: encoder.id,
        vectors: 0,
        built: false,
        durationMs: Date.now() - started,
      };
    const set = await buildSkillVectorSet(taxonomy, encoder, options.onProgress);
    await repository.save(taxonomy, set);
    return {
      taxonomyVersion: taxonomy.version,
      encoderId: encoder.id,
      vectors: set.owner.length,
      built: true,
      durationMs: Date.now() - started,
    };
  } finally {
    await client.end();
  }
}
