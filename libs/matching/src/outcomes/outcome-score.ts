/**
 * Outcomes in ranking, without punishing the new: each course's (or provider's) rates are shrunk
 * towards the average by a beta prior fitted to all of them (empirical Bayes, method of moments):
 * rate = (jobs + m * average) / (starts + m), m the prior's strength in starts. A course with no
 * history scores exactly average.
 *
 * Privacy: residents see outcome figures only from OUTCOME_MIN_STARTS people up (smaller counts are
 * suppressed), and a ranking is something residents see too, so it must not say more than the figures.
 * A course with fewer starts therefore gets no weight at all — its score is exactly the average, the
 * same as a course nobody has started, whatever its few people did — and its counts are left out of
 * the average that every other course is compared with. Shrinkage alone would not do: a lucky course
 * with 2 starts and 2 jobs would rank a little higher than one with 2 starts and no jobs, and the
 * order would tell a reader which. A figure hidden for a course above the threshold (say 3 jobs from
 * 40 starts) is likewise not used: pass it as null and that rate is taken as average.
 */

export interface OutcomeCounts {
  starts: number;
  completions: number;
  interviews: number;
  jobs: number;
}

/** Starts below which a course's outcomes are neither shown nor used (the display's suppression threshold). */
export const OUTCOME_MIN_STARTS = 5;

/** Outcome figures as residents are shown them: null where a figure is hidden to protect privacy. */
export interface ShownOutcomes {
  starts: number | null;
  completions: number | null;
  jobs: number | null;
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

/** The prior from the courses whose figures may be used (enough starts, the figure shown). */
export function fitOutcomePrior(all: Iterable<OutcomeCounts | ShownOutcomes>): OutcomePrior {
  const list = [...all].filter((c) => usable(c.starts));
  const pairs = (of: (c: OutcomeCounts | ShownOutcomes) => number | null) =>
    list.flatMap((c) => {
      const n = of(c);
      return n === null ? [] : [{ successes: n, trials: c.starts as number }];
    });
  return {
    completion: fitBetaPrior(pairs((c) => c.completions)),
    job: fitBetaPrior(pairs((c) => c.jobs)),
  };
}

const usable = (starts: number | null | undefined): starts is number =>
  starts !== null && starts !== undefined && starts >= OUTCOME_MIN_STARTS;

const posterior = (prior: BetaPrior, successes: number, trials: number): number =>
  (prior.mean * prior.strength + Math.min(successes, trials)) / (prior.strength + trials);

/**
 * One course's shrunk rates and relative score. No counts (a new course), fewer than
 * OUTCOME_MIN_STARTS starts, or hidden starts: exactly the average (score 1). A hidden figure: that
 * rate is the average.
 */
export function outcomeScore(
  counts: OutcomeCounts | ShownOutcomes | undefined,
  prior: OutcomePrior,
): OutcomeScore {
  if (!counts || !usable(counts.starts))
    return { completionRate: prior.completion.mean, jobRate: prior.job.mean, score: 1 };
  const starts = counts.starts;
  const completionRate =
    counts.completions === null
      ? prior.completion.mean
      : posterior(prior.completion, counts.completions, starts);
  const jobRate = counts.jobs === null ? prior.job.mean : posterior(prior.job, counts.jobs, starts);
  const score =
    JOB_SHARE * (jobRate / prior.job.mean) + (1 - JOB_SHARE) * (completionRate / prior.completion.mean);
  return { completionRate, jobRate, score };
}

/** Scores for many opportunities at once, with the prior fitted to all of them (those that may be used). */
export function outcomeScores(
  counts: ReadonlyMap<string, OutcomeCounts | ShownOutcomes>,
): Map<string, number> {
  const prior = fitOutcomePrior(counts.values());
  const out = new Map<string, number>();
  for (const [id, c] of counts) out.set(id, outcomeScore(c, prior).score);
  return out;
}

/** How far outcomes may move a course's match score (±10%): enough to order otherwise equal courses. */
export const RANK_OUTCOME_WEIGHT = 0.1;

/** Multiplier on a course's match score: 1 for average or unknown, up to 1.1 for the best, down to 0.9. */
export function outcomeRankFactor(score: number | undefined): number {
  if (score === undefined || !Number.isFinite(score)) return 1;
  return 1 + RANK_OUTCOME_WEIGHT * clamp(score - 1, -1, 1);
}

/** Multiplier on a step's planning cost: 1 for average or unknown, down to 0.95 for the best, up to 1.05. */
export function outcomeCostFactor(score: number | undefined): number {
  if (score === undefined || !Number.isFinite(score)) return 1;
  return 1 + OUTCOME_WEIGHT * clamp(1 - score, -1, 1);
}
