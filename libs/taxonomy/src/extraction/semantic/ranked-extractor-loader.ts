import { createHash } from 'crypto';
import { RankingSkill, RankingTaxonomy } from './ranking-taxonomy';
import { RerankerWeights } from './reranker-model';
import shippedWeights from './reranker-weights.json';

/** The re-ranker trained by `scripts/train/skill-reranker.ts`, shipped with the code. */
export const RERANKER_WEIGHTS: RerankerWeights = shippedWeights as RerankerWeights;

/**
 * A content hash of a taxonomy's skills and groups (what the vectors encode): stored vectors are
 * keyed by it, so any change to labels or descriptions makes them be rebuilt.
 */
export function taxonomyFingerprint(
  skills: readonly RankingSkill[],
  groups: RankingTaxonomy['groups'] = [],
): string {
  const hash = createHash('sha256');
  for (const s of [...skills].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)))
    hash.update(
      JSON.stringify([
        s.uri,
        s.label,
        s.altLabels,
        s.hiddenLabels ?? [],
        s.description ?? null,
        s.groups ?? [],
      ]),
    );
  for (const g of [...groups].sort((a, b) => (a.uri < b.uri ? -1 : 1)))
    hash.update(JSON.stringify([g.uri, g.label, g.description ?? null]));
  return `sha256-${hash.digest('hex').slice(0, 16)}`;
}
