import { RerankerWeights } from '@skillpath/taxonomy';
import { FitOptions, TrainingList, fitReranker } from './reranker-training';

/** Seed of every shipped fit (training is reproducible from it). */
export const SEED = 20261207;

/** The optimiser settings every variant shares. */
export const BASE_FIT: Omit<FitOptions, 'version'> = {
  seed: SEED,
  hiddenUnits: 0,
  epochs: 60,
  learningRate: 0.05,
  l2: 1e-3,
};

/**
 * The shipped re-ranker's recipe by name: `lr` logistic or `mlp` 8 tanh units, then `-d` distant
 * supervision at weight 0.3 or `-d1` at weight 1 (no suffix: gold lists only).
 */
export function fitRecipe(
  recipe: string,
  train: readonly TrainingList[],
  distant: readonly TrainingList[],
  version: string,
): RerankerWeights {
  const hiddenUnits = recipe.startsWith('mlp') ? 8 : 0;
  const distantWeight = recipe.endsWith('-d') ? 0.3 : recipe.endsWith('-d1') ? 1 : 0;
  if (distantWeight === 0) return fitReranker(train, { ...BASE_FIT, hiddenUnits, version });
  return fitReranker([...train, ...distant], {
    ...BASE_FIT,
    hiddenUnits,
    listWeight: (i) => (i < train.length ? 1 : distantWeight),
    version,
  });
}
