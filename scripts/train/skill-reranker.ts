/**
 * Trains the ranked extractor's re-ranker and compares alternatives on the Decorte VALIDATION files
 * (TECH and HOUSE), cross-fitted: train on one, score on the other, average. The test files are
 * never read here. Writes the chosen model to libs/taxonomy/src/extraction/semantic/reranker-weights.json.
 *
 * Run (after scripts/train/build-skill-vectors.ts):
 *   SKILLPATH_SHARED_DATA=/path/to/shared/data node -r @swc-node/register scripts/train/skill-reranker.ts [--distant N]
 * Reproducible: fixed seed, deterministic data order.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { RANKING_FEATURES, RERANKER_WEIGHTS, RerankerWeights } from '@skillpath/taxonomy';
import { distantLists, rankingSetup, validationLists, singleFeatureWeights } from './ranking-setup';
import { BASE_FIT, SEED, fitRecipe } from './reranker-recipe';
import {
  TrainingList,
  fitReranker,
  modelScore,
  scoreRanking,
  scoreStored,
  storedBy,
} from './reranker-training';
import { readSkillSpan } from './training-data';

const OUT = path.join(__dirname, '../../libs/taxonomy/src/extraction/semantic/reranker-weights.json');
/** The stored set keeps a skill when its probability reaches the threshold chosen for this precision. */
const STORED_PRECISION = 0.7;
const OCCUPATION_LOGIT = 1;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const distantCount = argument('--distant', 700);
  const { taxonomy, extractor, uriByLabel, saveSentences } = await rankingSetup();
  const { tech, house } = await validationLists(extractor, taxonomy, uriByLabel);
  const distantSentences = readSkillSpan('train').slice(0, distantCount);
  const distant = await distantLists(extractor, distantSentences);
  await saveSentences();
  console.log(
    `validation: TECH ${tech.length} sentences, HOUSE ${house.length}; distant: ${distant.length} of ${distantSentences.length} SkillSpan train sentences have rule hits`,
  );

  type Variant = { name: string; fit?: (train: TrainingList[]) => RerankerWeights; fixed?: RerankerWeights };
  const base = BASE_FIT;
  const withDistant = (train: TrainingList[], weight: number) => ({
    lists: [...train, ...distant],
    listWeight: (i: number) => (i < train.length ? 1 : weight),
  });
  const variants: Variant[] = [
    { name: 'rules only (rule hits first, then nothing)', fixed: singleFeatureWeights('rule') },
    { name: 'encoder, preferred label only', fixed: singleFeatureWeights('cosPreferred') },
    { name: 'encoder, max over labels', fixed: singleFeatureWeights('cosLabelMax') },
    { name: 'encoder, mean of labels', fixed: singleFeatureWeights('cosLabelMean') },
    { name: 'encoder, description', fixed: singleFeatureWeights('cosDescription') },
    { name: 'BM25 over labels', fixed: singleFeatureWeights('bm25') },
    { name: 'logistic, validation only', fit: (t) => fitReranker(t, { ...base, version: 'lr' }) },
    {
      name: 'logistic, validation + distant (×0.3)',
      fit: (t) => {
        const d = withDistant(t, 0.3);
        return fitReranker(d.lists, { ...base, listWeight: d.listWeight, version: 'lr-d' });
      },
    },
    {
      name: 'logistic, validation + distant (×1)',
      fit: (t) => {
        const d = withDistant(t, 1);
        return fitReranker(d.lists, { ...base, listWeight: d.listWeight, version: 'lr-d1' });
      },
    },
    {
      name: 'MLP 8 tanh, validation only',
      fit: (t) => fitReranker(t, { ...base, hiddenUnits: 8, version: 'mlp' }),
    },
    {
      name: 'MLP 8 tanh, validation + distant (×0.3)',
      fit: (t) => {
        const d = withDistant(t, 0.3);
        return fitReranker(d.lists, { ...base, hiddenUnits: 8, listWeight: d.listWeight, version: 'mlp-d' });
      },
    },
  ];
  const ablate = (feature: string): Variant => ({
    name: `  logistic + distant (×0.3) without ${feature}`,
    fit: (t) => {
      const drop = RANKING_FEATURES.indexOf(feature as (typeof RANKING_FEATURES)[number]);
      const masked = (lists: TrainingList[]) =>
        lists.map((l) => ({
          ...l,
          candidates: l.candidates.map((c) => {
            const f = c.features.slice();
            f[drop] = 0;
            return { skill: c.skill, features: f };
          }),
        }));
      const d = withDistant(masked(t), 0.3);
      return fitReranker(d.lists, { ...base, listWeight: d.listWeight, version: `abl-${feature}` });
    },
  });
  for (const f of [
    'cosGroup',
    'groupMargin',
    'bm25',
    'coverage',
    'prior',
    'cosDescription',
    'labelRank',
    'labelGap',
  ])
    variants.push(ablate(f));

  console.log('\n| variant | TECH val RP@5 | HOUSE val RP@5 | mean RP@5 | mean RP@10 | mean MRR |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const results: { name: string; mean: number }[] = [];
  for (const v of variants) {
    const onHouse = v.fixed ?? v.fit!(tech);
    const onTech = v.fixed ?? v.fit!(house);
    const a = scoreRanking(tech, modelScore(onTech));
    const b = scoreRanking(house, modelScore(onHouse));
    const mean = (a.rp5 + b.rp5) / 2;
    results.push({ name: v.name, mean });
    console.log(
      `| ${v.name} | ${a.rp5.toFixed(3)} | ${b.rp5.toFixed(3)} | ${mean.toFixed(3)} | ${((a.rp10 + b.rp10) / 2).toFixed(3)} | ${((a.mrr + b.mrr) / 2).toFixed(3)} |`,
    );
  }
  const ceilingT = scoreRanking(tech, () => 0).candidateRecall;
  const ceilingH = scoreRanking(house, () => 0).candidateRecall;
  console.log(`\ncandidate recall (ceiling): TECH ${ceilingT.toFixed(3)}, HOUSE ${ceilingH.toFixed(3)}`);

  // The shipped model: the chosen recipe (RERANKER_RECIPE, default logistic + distant ×0.3) on both validation files.
  const recipe = process.env.RERANKER_RECIPE ?? 'lr-d';
  const fit = (train: TrainingList[], version: string) => fitRecipe(recipe, train, distant, version);
  // Threshold from out-of-fold probabilities: the lowest that keeps the stored set's precision.
  const oofT = fit(house, 'oof-t');
  const oofH = fit(tech, 'oof-h');
  // When no threshold reaches the precision (the case of the shipped 0.995: pooled 0.698 there), the
  // search keeps its starting value; say so rather than pass it off as a choice.
  let threshold = 0.995;
  let reached = false;
  for (let t = 0.995; t >= 0.3; t -= 0.005) {
    const a = scoreStored(tech, storedBy({ ...oofT, threshold: t, mention: RERANKER_WEIGHTS.mention }));
    const b = scoreStored(house, storedBy({ ...oofH, threshold: t, mention: RERANKER_WEIGHTS.mention }));
    const precision = (a.precision * a.stored + b.precision * b.stored) / Math.max(1, a.stored + b.stored);
    if (precision >= STORED_PRECISION) [threshold, reached] = [t, true];
  }
  if (!reached)
    console.log(
      `no threshold reaches out-of-fold precision ${STORED_PRECISION}: kept ${threshold} (the search's start)`,
    );
  const sT = scoreStored(tech, storedBy({ ...oofT, threshold, mention: RERANKER_WEIGHTS.mention }));
  const sH = scoreStored(house, storedBy({ ...oofH, threshold, mention: RERANKER_WEIGHTS.mention }));
  console.log(
    `\nrecipe ${recipe}: stored-set threshold ${threshold.toFixed(2)} → out-of-fold TECH val P ${sT.precision.toFixed(3)} R ${sT.recall.toFixed(3)}, HOUSE val P ${sH.precision.toFixed(3)} R ${sH.recall.toFixed(3)}`,
  );
  const final = fit([...tech, ...house], `${recipe}-seed${SEED}-distant${distantCount}`);
  final.threshold = Math.round(threshold * 1000) / 1000;
  // The mention gate does not depend on the re-ranker (scripts/train/mention-gate.ts): kept as shipped.
  final.mention = RERANKER_WEIGHTS.mention;
  // No training data names the listing's occupation, so its weight cannot be learned: a fixed lift
  // of +1 logit for a skill the occupation requires as essential (+0.5 optional).
  final.output[RANKING_FEATURES.indexOf('occupation')] = OCCUPATION_LOGIT;
  writeFileSync(OUT, `${JSON.stringify(final, null, 1)}\n`);
  console.log(
    `wrote ${path.relative(process.cwd(), OUT)} (best cross-fitted variant: ${results.sort((a, b) => b.mean - a.mean)[0].name})`,
  );
  extractor.dispose();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
