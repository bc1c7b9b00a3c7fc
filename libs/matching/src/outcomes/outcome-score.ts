/**
 * Outcomes in ranking, without punishing the new: each course's (or provider's) rates are shrunk
 * towards the average by a beta prior fitted to all of them (empirical Bayes, method of moments), so a
 * course with no history scores exactly average and one with a handful of starts moves only a little.
 */

export interface OutcomeCounts {
  starts: number;
  completions: number;
  interviews: number;
  jobs: number;
}

/** A beta prior for one rate: the average, and how many starts' worth of evidence it counts as. */
export interface BetaPrior {
  mean: number;
  strength: number;
}

export interface OutcomePrior {
  completion: BetaPrior;
  job: BetaPrior;
}

export interface OutcomeScore {
  /** Posterior completions per start. */
  completionRate: number;
  /** Posterior jobs per start. */
  jobRate: number;
  /** Relative to the average course: 1 = average, above 1 better. */
  score: number;
}

/** Opportunity id → relative outcome score (1 = average); what planners and rankers take. */
export type OutcomeScores = ReadonlyMap<string, number>;

/** Share of the score from jobs per start; the rest from completions per start. */
export const JOB_SHARE = 0.7;
/** How far outcomes may move a step's planning cost (±5%): a tie-break, never a reason to pay more. */
export const OUTCOME_WEIGHT = 0.05;
const MIN_STRENGTH = 2;
const MAX_STRENGTH = 200;
/** With no history anywhere: a neutral prior (only the ratio to it matters). */
const FALLBACK: BetaPrior = { mean: 0.5, strength: MIN_STRENGTH };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Fits one rate's prior: pooled mean, and the spread between courses beyond binomial noise. */
export function fitBetaPrior(pairs: readonly { successes: number; trials: number }[]): BetaPrior {
  const used = pairs.filter((p) => p.trials > 0);
  const trials = used.reduce((s, p) => s + p.trials, 0);
  if (trials === 0) return FALLBACK;
  const mean = clamp(used.reduce((s, p) => s + Math.min(p.successes, p.trials), 0) / trials, 1e-3, 1 - 1e-3);
  if (used.length < 2) return { mean, strength: MAX_STRENGTH / 10 };
  // Variance of the observed rates, weighted by trials, minus the binomial noise each carries.
  let spread = 0;
  let noise = 0;
  for (const p of used) {
    const rate = Math.min(p.successes, p.trials) / p.trials;
    spread += p.trials * (rate - mean) ** 2;
    noise += mean * (1 - mean);
  }
  const between = (spread - noise) / trials;
  const strength =
    between <= 0 ? MAX_STRENGTH : clamp((mean * (1 - mean)) / between - 1, MIN_STRENGTH, MAX_STRENGTH);
  return { mean, strength };
}

export function fitOutcomePrior(all: Iterable<OutcomeCounts>): OutcomePrior {
  const list = [...all];
  return {
    completion: fitBetaPrior(list.map((c) => ({ successes: c.completions, trials: c.starts }))),
    job: fitBetaPrior(list.map((c) => ({ successes: c.jobs, trials: c.starts }))),
  };
}

const posterior = (prior: BetaPrior, successes: number, trials: number): number =>
  (prior.mean * prior.strength + Math.min(successes, trials)) / (prior.strength + trials);

/** One course's shrunk rates and relative score; no counts (a new course) scores exactly 1. */
export function outcomeScore(counts: OutcomeCounts | undefined, prior: OutcomePrior): OutcomeScore {
  const starts = Math.max(0, counts?.starts ?? 0);
  const completionRate = posterior(prior.completion, counts?.completions ?? 0, starts);
  const jobRate = posterior(prior.job, counts?.jobs ?? 0, starts);
  const score =
    JOB_SHARE * (jobRate / prior.job.mean) + (1 - JOB_SHARE) * (completionRate / prior.completion.mean);
  return { completionRate, jobRate, score };
}

/** Scores for many opportunities at once, with the prior fitted to all of them. */
export function outcomeScores(counts: ReadonlyMap<string, OutcomeCounts>): Map<string, number> {
  const prior = fitOutcomePrior(counts.values());
  const out = new Map<string, number>();
  for (const [id, c] of counts) out.set(id, outcomeScore(c, prior).score);
  return out;
}

/** Multiplier on a step's planning cost: 1 for average or unknown, down to 0.95 for the best, up to 1.05. */
export function outcomeCostFactor(score: number | undefined): number {
  if (score === undefined || !Number.isFinite(score)) return 1;
  return 1 + OUTCOME_WEIGHT * clamp(1 - score, -1, 1);
}
