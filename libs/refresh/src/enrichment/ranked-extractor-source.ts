import { loadRankedSkillExtractor, type RankedSkillExtractor } from '@skillpath/taxonomy';
import type { RefreshLogger } from '../refresh.types';
import type { RankedExtractorSource } from './listing-enricher';
import type { ListingEnrichmentRepository } from './listing-enrichment.repository';

/** How often to look again for stored skill vectors when there were none. */
const RECHECK_MS = 10 * 60_000;

/**
 * The ranked extractor built from the newest stored skill vectors (`npm run cli -- skills:vectors`),
 * loaded once and again only when a newer set is stored. Without stored vectors the encoder is not
 * even loaded (it costs the worker ~150–250 MB), and enrichment runs on the rule matcher's skills.
 */
export function rankedExtractorFromDatabase(
  repo: Pick<ListingEnrichmentRepository, 'latestSkillVectors'>,
  databaseUrl: string,
  logger: RefreshLogger,
  // No sentence-vector cache: enrichment calls `extract`, whose own cache keeps each sentence's
  // result (a few candidates), so a vector would only be asked for again once that cache forgot it.
  load: (url: string) => Promise<RankedSkillExtractor | undefined> = (url) =>
    loadRankedSkillExtractor(url, { sentenceCache: 0 }),
): RankedExtractorSource {
  let cached: { key: string; extractor: RankedSkillExtractor } | undefined;
  let checkedAt = 0;
  let loading: Promise<RankedSkillExtractor | undefined> | undefined;
  const current = async (): Promise<RankedSkillExtractor | undefined> => {
    if (!cached && Date.now() - checkedAt < RECHECK_MS) return undefined;
    const key = await repo.latestSkillVectors();
    checkedAt = Date.now();
    if (key === null) return undefined;
    if (cached?.key === key) return cached.extractor;
    const extractor = await load(databaseUrl);
    if (!extractor) return cached?.extractor;
    cached = { key, extractor };
    logger.info({ revision: extractor.revision }, 'ranked skill extractor loaded for listing enrichment');
    return extractor;
  };
  return () => {
    loading ??= current().finally(() => (loading = undefined));
    return loading;
  };
}
