import { isUsable, maxLevels, opCost } from './plan-problem';
import { PlanningInstance } from './planning.types';

export interface PlanCheck {
  errors: string[];
  cost: number;
  money: number;
  coverage: number;
  missing: string[];
}

/**
 * Checks a plan against the contract directly from the instance (independent of the solver's compiled
 * form): distinct usable ids, entry requirements in order, budget; reports objective and coverage.
 */
export function checkPlan(instance: PlanningInstance, steps: readonly string[]): PlanCheck {
  const errors: string[] = [];
  const byId = new Map(instance.opportunities.map((o) => [o.id, o]));
  const have = maxLevels(instance.learner.skills);
  const seen = new Set<string>();
  let cost = 0;
  let money = 0;
  steps.forEach((id, pos) => {
    const opp = byId.get(id);
    if (!opp) return void errors.push(`step ${pos}: unknown opportunity ${id}`);
    if (seen.has(id)) errors.push(`step ${pos}: ${id} repeated`);
    seen.add(id);
    if (!isUsable(opp, instance)) errors.push(`step ${pos}: ${id} is not usable`);
    for (const r of opp.requires) {
      if ((have.get(r.skill) ?? 0) < r.level)
        errors.push(`step ${pos}: ${id} needs ${r.skill}@${r.level} first`);
    }
    for (const t of opp.teaches) if ((have.get(t.skill) ?? 0) < t.level) have.set(t.skill, t.level);
    cost += opCost(opp, instance);
    money += opp.costPence ?? 0;
  });
  const budget = instance.learner.budgetPence ?? Infinity;
  if (money > budget) errors.push(`over budget: ${money} > ${budget}`);
  const goal = [...maxLevels(instance.goal.skills)];
  const missing = goal.filter(([s, l]) => (have.get(s) ?? 0) < l).map(([s]) => s);
  const coverage = goal.length === 0 ? 1 : (goal.length - missing.length) / goal.length;
  return { errors, cost, money, coverage, missing };
}

/** A step is useless when dropping it leaves the plan valid with the same coverage. */
export function uselessSteps(instance: PlanningInstance, steps: readonly string[]): string[] {
  const base = checkPlan(instance, steps);
  return steps.filter((id) => {
    const without = checkPlan(
      instance,
      steps.filter((s) => s !== id),
    );
    return without.errors.length === 0 && without.coverage >= base.coverage;
  });
}
