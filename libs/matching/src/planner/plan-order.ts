import { PlanProblem } from './plan-problem';

/**
 * Orders a set of ops so each one's requirements are covered by earlier ones (learner-held needs are
 * already gone from `reqs`). Ready ops are taken in the given order each pass, so the result is
 * deterministic. Ops that can never start (a cycle with no outside support) come back as `stuck`.
 */
export function orderOps(p: PlanProblem, ops: readonly number[]): { ordered: number[]; stuck: number[] } {
  const have = new Uint8Array(p.m);
  const ordered: number[] = [];
  let pending = [...ops];
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const next: number[] = [];
    for (const o of pending) {
      let ready = true;
      for (const r of p.reqs[o]) {
        if (!have[r]) {
          ready = false;
          break;
        }
      }
      if (ready) {
        ordered.push(o);
        for (const it of p.cover[o]) have[it] = 1;
        progress = true;
      } else next.push(o);
    }
    pending = next;
  }
  return { ordered, stuck: pending };
}

export interface PlanEvaluation {
  cost: number;
  money: number;
  /** Goal items covered. */
  covered: number;
  valid: boolean;
}

export function evaluateOps(p: PlanProblem, ops: readonly number[]): PlanEvaluation {
  const { stuck } = orderOps(p, ops);
  const have = new Uint8Array(p.m);
  let cost = 0;
  let money = 0;
  for (const o of ops) {
    cost += p.cost[o];
    money += p.money[o];
    for (const it of p.cover[o]) have[it] = 1;
  }
  let covered = 0;
  for (const g of p.goalItems) covered += have[g];
  return { cost, money, covered, valid: stuck.length === 0 && money <= p.budget };
}

/** Objective with every uncovered goal item costing more than any whole plan could. */
export function penalty(p: PlanProblem): number {
  let total = 0;
  for (let o = 0; o < p.n; o++) total += p.cost[o];
  return 1 + 2 * total;
}

export function penalisedCost(p: PlanProblem, e: PlanEvaluation, pen: number): number {
  return e.cost + pen * (p.goalItems.length - e.covered);
}

/**
 * Removes steps that can go without losing validity or coverage, most expensive first, so no step in
 * the result is useless. Returns ops in a valid order.
 */
export function pruneRedundant(p: PlanProblem, ops: readonly number[]): number[] {
  let current = orderOps(p, ops).ordered;
  const base = evaluateOps(p, current).covered;
  const byCost = [...current].sort((a, b) => p.cost[b] - p.cost[a] || p.money[b] - p.money[a] || b - a);
  for (const o of byCost) {
    const without = current.filter((x) => x !== o);
    const { ordered, stuck } = orderOps(p, without);
    if (stuck.length > 0) continue;
    if (evaluateOps(p, ordered).covered < base) continue;
    current = ordered;
  }
  return current;
}
