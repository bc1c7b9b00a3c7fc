import { isUsable, maxLevels, opCost } from '../planner/plan-problem';
import { PlanningInstance } from '../planner/planning.types';

/**
 * Tries every subset of usable opportunities (small instances only): a subset is a valid plan when it
 * can be ordered (fixpoint) and is within budget. Returns the best full-coverage cost, or the largest
 * coverage count when none covers the goal.
 */
export function solveExhaustively(instance: PlanningInstance): {
  feasible: boolean;
  cost: number;
  maxCovered: number;
} {
  const ops = instance.opportunities.filter((o) => isUsable(o, instance));
  if (ops.length > 16) throw new Error('too many opportunities for exhaustive search');
  const budget = instance.learner.budgetPence ?? Infinity;
  const goal = [...maxLevels(instance.goal.skills)];
  let bestCost = Infinity;
  let maxCovered = 0;
  for (let mask = 0; mask < 1 << ops.length; mask++) {
    const subset = ops.filter((_, k) => mask & (1 << k));
    if (subset.reduce((a, o) => a + (o.costPence ?? 0), 0) > budget) continue;
    const have = maxLevels(instance.learner.skills);
    let pending = subset;
    for (let progress = true; progress;) {
      progress = false;
      pending = pending.filter((o) => {
        if (!o.requires.every((r) => (have.get(r.skill) ?? 0) >= r.level)) return true;
        for (const t of o.teaches) if ((have.get(t.skill) ?? 0) < t.level) have.set(t.skill, t.level);
        progress = true;
        return false;
      });
    }
    if (pending.length > 0) continue;
    const covered = goal.filter(([s, l]) => (have.get(s) ?? 0) >= l).length;
    maxCovered = Math.max(maxCovered, covered);
    if (covered === goal.length)
      bestCost = Math.min(
        bestCost,
        subset.reduce((a, o) => a + opCost(o, instance), 0),
      );
  }
  return { feasible: bestCost < Infinity, cost: bestCost, maxCovered };
}
