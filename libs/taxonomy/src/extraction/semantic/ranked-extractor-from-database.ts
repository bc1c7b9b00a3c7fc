import { Client } from 'pg';
import { RankedSkillExtractor } from './ranked-skill-extractor';
import { RERANKER_WEIGHTS } from './ranked-extractor-loader';
import { RerankerWeights } from './reranker-model';
import { SentenceEncoder, UniversalSentenceEncoderLite } from './sentence-encoder';
import { CachingSentenceEncoder } from './caching-encoder';
import { SkillVectorRepository } from './skill-vector.repository';

export interface LoadRankedOptions {
  encoder?: SentenceEncoder;
  weights?: RerankerWeights;
  /** Distinct sentences whose vectors are remembered (adverts repeat boilerplate); 0: none. */
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
    encoder:
      options.sentenceCache === 0
        ? inner
        : new CachingSentenceEncoder(inner, options.sentenceCache ?? 20_000),
    weights: options.weights ?? RERANKER_WEIGHTS,
  });
}
