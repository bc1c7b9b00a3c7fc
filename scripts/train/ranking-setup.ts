import {
  RANKING_FEATURES,
  RankedSkillExtractor,
  RankingTaxonomy,
  RerankerWeights,
  UniversalSentenceEncoderLite,
  readEscoRankingTaxonomy,
  readSkillVectorSetFile,
  vectorSetFile,
} from '@skillpath/taxonomy';
import { CACHE_DIR, ESCO_DIR, ESCO_VERSION } from './esco-data';
import { TrainingList } from './reranker-training';
import { persistentEncoder } from './sentence-cache';
import { DECORTE_FILES, GoldSentence, readDecorte } from './training-data';

/** Ranks by one feature (for baselines): a linear model with a single weight. */
export function singleFeatureWeights(
  feature: (typeof RANKING_FEATURES)[number],
  version = `only-${feature}`,
): RerankerWeights {
  const n = RANKING_FEATURES.length;
  return {
    version,
    features: [...RANKING_FEATURES],
    mean: new Array<number>(n).fill(0),
    std: new Array<number>(n).fill(1),
    hidden: [],
    hiddenBias: [],
    output: RANKING_FEATURES.map((f) => (f === feature ? 10 : 0)),
    outputBias: 0,
    threshold: 0.5,
  };
}

/** The ESCO taxonomy, its cached vectors and a ranked extractor over them (for scripts). */
export async function rankingSetup(weights: RerankerWeights = singleFeatureWeights('cosLabelMax')): Promise<{
  taxonomy: RankingTaxonomy;
  extractor: RankedSkillExtractor;
  uriByLabel: Map<string, string>;
  saveSentences: () => Promise<void>;
}> {
  const taxonomy = await readEscoRankingTaxonomy(ESCO_DIR, ESCO_VERSION);
  const inner = await UniversalSentenceEncoderLite.load();
  const file = vectorSetFile(CACHE_DIR, taxonomy.version, inner.id);
  const vectors = await readSkillVectorSetFile(file);
  if (!vectors)
    throw new Error(`no cached skill vectors at ${file}: run scripts/train/build-skill-vectors.ts first`);
  const { encoder, save } = await persistentEncoder(inner);
  const extractor = await RankedSkillExtractor.create({ taxonomy, vectors, encoder, weights });
  const uriByLabel = new Map(taxonomy.skills.map((s) => [s.label, s.uri]));
  return { taxonomy, extractor, uriByLabel, saveSentences: save };
}

/** Candidate lists of gold sentences, each candidate marked gold or not. */
export async function goldLists(
  extractor: RankedSkillExtractor,
  taxonomy: RankingTaxonomy,
  sentences: readonly GoldSentence[],
): Promise<TrainingList[]> {
  const candidates = await extractor.candidates(sentences.map((s) => s.text));
  return candidates.map((list, i) => {
    const gold = new Set(sentences[i].gold);
    return {
      candidates: list,
      positive: list.map((c) => gold.has(taxonomy.skills[c.skill].uri)),
      goldCount: gold.size,
    };
  });
}

/** The two Decorte validation files (the only Decorte data training may read) as candidate lists. */
export async function validationLists(
  extractor: RankedSkillExtractor,
  taxonomy: RankingTaxonomy,
  uriByLabel: ReadonlyMap<string, string>,
): Promise<{ tech: TrainingList[]; house: TrainingList[] }> {
  const lists = async (file: string) =>
    goldLists(extractor, taxonomy, await readDecorte(file, uriByLabel, true));
  return {
    tech: await lists(DECORTE_FILES.techValidation),
    house: await lists(DECORTE_FILES.houseValidation),
  };
}

/**
 * Distant supervision (Decorte et al. 2022): advert sentences weakly labelled by the rule matcher.
 * The rule feature is hidden (set to 0) so the model learns what else identifies a skill the rules
 * found — the signal it needs for the skills the rules miss.
 */
export async function distantLists(
  extractor: RankedSkillExtractor,
  sentences: readonly string[],
): Promise<TrainingList[]> {
  const ruleIndex = RANKING_FEATURES.indexOf('rule');
  const candidates = await extractor.candidates(sentences);
  const out: TrainingList[] = [];
  for (const list of candidates) {
    const positive = list.map((c) => c.features[ruleIndex] === 1);
    const count = positive.filter(Boolean).length;
    if (count === 0) continue;
    for (const c of list) c.features[ruleIndex] = 0;
    out.push({ candidates: list, positive, goldCount: count });
  }
  return out;
}
