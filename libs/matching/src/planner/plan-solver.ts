import { BranchAndBound } from './branch-and-bound';
import { GreedyWeighting, greedyComplete } from './greedy-planner';
import { PlanProblem, compilePlanProblem } from './plan-problem';
import { evaluateOps, orderOps, penalisedCost, penalty, pruneRedundant } from './plan-order';
import { PlanningInstance, PlanningResult, SolverOptions, SolverStats } from './planning.types';

export const DEFAULT_NODE_LIMIT = 20000;

export interface SolvedPlan {
  problem: PlanProblem;
  /** Ops in a valid order. */
  ops: number[];
  stats: SolverStats;
}

interface Candidate {
  ops: number[];
  value: number;
}

/** The greedy seeds the solver starts from (every one is considered before its search). */
export function seedWeightings(p: PlanProblem): GreedyWeighting[] {
  const out: GreedyWeighting[] = [{ costWeight: 1, moneyWeight: 0, prereqAware: true }];
  if (Number.isFinite(p.budget)) {
    // Budget-aware seeds: money priced so that spending the whole budget counts like the average plan cost.
    let totalCost = 0;
    for (let o = 0; o < p.n; o++) totalCost += p.cost[o];
    const scale = p.budget > 0 ? totalCost / Math.max(1, p.n) / Math.max(1, p.budget / 4) : 1;
    out.push({ costWeight: 1, moneyWeight: scale, prereqAware: true });
    out.push({ costWeight: 1e-6, moneyWeight: 1, prereqAware: true });
  }
  return out;
}

/**
 * Solves the compiled problem: strong greedy seeds, a budget-feasibility search when the seeds fall
 * short, branch and bound within a node budget, then local improvement when the search was cut off.
 * Deterministic: no randomness and no clocks influence the result.
 */
export function solvePlanProblem(p: PlanProblem, opts: SolverOptions = {}): SolvedPlan {
  const nodeLimit = opts.nodeLimit ?? DEFAULT_NODE_LIMIT;
  const pen = penalty(p);
  const value = (ops: number[]): number => {
    const e = evaluateOps(p, ops);
    return e.valid ? penalisedCost(p, e, pen) : Infinity;
  };
  let best: Candidate = { ops: [], value: value([]) };
  const consider = (ops: number[] | null): void => {
    if (!ops) return;
    const pruned = pruneRedundant(p, ops);
    const v = value(pruned);
    if (v < best.value - 1e-9) best = { ops: pruned, value: v };
  };
  const weightings = seedWeightings(p);
  for (const w of weightings) consider(greedyComplete(p, [], null, w));

  let nodes = 0;
  const fullCoverage = (c: Candidate): boolean => evaluateOps(p, c.ops).covered === p.goalItems.length;
  if (!fullCoverage(best) && Number.isFinite(p.budget)) {
    // Is any full-coverage plan within budget? Search on money alone first.
    let totalMoney = 0;
    for (let o = 0; o < p.n; o++) totalMoney += p.money[o];
    const moneyWeight = Float64Array.from(p.money, (m, o) => m + 1e-9 * p.cost[o]);
    const feas = new BranchAndBound(p, moneyWeight, 2 * totalMoney + 1, nodeLimit, Infinity).run();
    nodes += feas.nodes;
    consider(feas.ops);
  }

  const search = new BranchAndBound(p, p.cost, pen, nodeLimit, best.value).run();
  nodes += search.nodes;
  consider(search.ops);

  if (!search.complete) best = improveLocally(p, best, weightings, value, opts.improveRounds ?? 4);
  return {
    problem: p,
    ops: orderOps(p, best.ops).ordered,
    stats: { candidates: p.stats.relevant, afterDominance: p.n, nodes, provenOptimal: search.complete },
  };
}

/** Drop one step, let the greedy refill without it; keep the change when it is cheaper. */
function improveLocally(
  p: PlanProblem,
  start: Candidate,
  weightings: GreedyWeighting[],
  value: (ops: number[]) => number,
  rounds: number,
): Candidate {
  let best = start;
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    const order = [...best.ops].sort((a, b) => p.cost[b] - p.cost[a] || a - b);
    for (const s of order) {
      const excluded = new Uint8Array(p.n);
      excluded[s] = 1;
      const rest = orderOps(
        p,
        best.ops.filter((o) => o !== s),
      ).ordered;
      for (const w of weightings) {
        const cand = pruneRedundant(p, greedyComplete(p, rest, excluded, w));
        const v = value(cand);
        if (v < best.value - 1e-9) {
          best = { ops: cand, value: v };
          improved = true;
          break;
        }
      }
      if (improved) break;
    }
    if (!improved) break;
  }
  return best;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Turns a solved plan into the contract's result line (without `id` and `ms`). */
export function describeSolution(solved: SolvedPlan): Omit<PlanningResult, 'id' | 'ms'> {
  const p = solved.problem;
  const have = new Uint8Array(p.m);
  let cost = 0;
  for (const o of solved.ops) {
    cost += p.cost[o];
    for (const it of p.cover[o]) have[it] = 1;
  }
  const missing: string[] = [];
  let covered = 0;
  p.goal.forEach((g, idx) => {
    const it = p.goalItemOf[idx];
    if (it === -1 || (it >= 0 && have[it])) covered++;
    else missing.push(g.skill);
  });
  const coverage = p.goal.length === 0 ? 1 : covered / p.goal.length;
  return {
    reachable: missing.length === 0,
    steps: solved.ops.map((o) => p.ids[o]),
    cost: round6(cost),
    coverage: round6(coverage),
    missing,
  };
}

/** Solves one planning instance exactly as shared/contract/planning.md defines it. */
export function solvePlanningInstance(instance: PlanningInstance, opts: SolverOptions = {}): PlanningResult {
  const started = performance.now();
  const problem = compilePlanProblem(instance, opts.candidateCap ?? Infinity);
  const solved = solvePlanProblem(problem, opts);
  const result = describeSolution(solved);
  return { id: instance.id, ...result, ms: round6(performance.now() - started) };
}
