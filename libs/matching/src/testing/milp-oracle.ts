import { isUsable, maxLevels, opCost } from '../planner/plan-problem';
import { PlanningInstance } from '../planner/planning.types';

/** Minimal view of the `highs` wasm solver (dev dependency; tests and benchmarks only). */
export interface HighsSolver {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, { Primal: number }>;
  };
}

export interface OracleResult {
  /** Whether a full-coverage valid plan exists. */
  feasible: boolean;
  /** Optimal objective when feasible. */
  cost: number;
  /** Largest number of goal skills any valid plan covers (goal skills held count). */
  maxCovered: number;
  steps: string[];
  ms: number;
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(9));

/**
 * The planning problem as a MILP, built straight from the instance (not from the solver's compiled
 * form). x_o: step chosen. Ordering is modelled, so requirement cycles cannot fool it: t_o is a step's
 * position, tau_i the time requirement i becomes held; y_pi picks a provider p for i that must come
 * strictly before every chosen step needing i:
 *   sum_p y_pi >= x_o (o needs i), y_pi <= x_p, tau_i >= t_p + 1 - (N+1)(1 - y_pi), t_o >= tau_i - N(1 - x_o).
 * A feasible assignment orders chosen steps by t with every requirement provided earlier; any valid
 * plan gives one (t = position, y = earliest provider). With `maximiseCoverage`, goal rows become
 * z_g <= sum x and the objective maximises sum z_g first.
 */
export function buildPlanningMilp(
  instance: PlanningInstance,
  maximiseCoverage: boolean,
): { lp: string; names: Map<string, string>; trivialInfeasible: boolean } {
  const held = maxLevels(instance.learner.skills);
  const budget = instance.learner.budgetPence ?? Infinity;
  const ops = instance.opportunities.filter((o) => isUsable(o, instance));
  const N = ops.length + 1;
  const names = new Map<string, string>();
  ops.forEach((o, k) => names.set(`x${k}`, o.id));
  const teaches = ops.map((o) => maxLevels(o.teaches));
  const providersOf = (skill: string, level: number): number[] =>
    ops.map((_, k) => k).filter((k) => (teaches[k].get(skill) ?? 0) >= level);

  const rows: string[] = [];
  const binaries = ops.map((_, k) => `x${k}`);
  const bounds: string[] = [];
  const goal = [...maxLevels(instance.goal.skills)].filter(([s, l]) => (held.get(s) ?? 0) < l);
  const zTerms: string[] = [];
  let trivialInfeasible = false;
  goal.forEach(([s, l], g) => {
    const prov = providersOf(s, l);
    const sum = prov.map((k) => `x${k}`).join(' + ');
    if (maximiseCoverage) {
      zTerms.push(`z${g}`);
      bounds.push(`0 <= z${g} <= 1`);
      rows.push(prov.length ? `g${g}: ${sum} - z${g} >= 0` : `g${g}: z${g} <= 0`);
    } else {
      if (prov.length) rows.push(`g${g}: ${sum} >= 1`);
      else trivialInfeasible = true;
    }
  });

  const itemIndex = new Map<string, number>();
  ops.forEach((o, k) => {
    for (const [s, l] of maxLevels(o.requires)) {
      if ((held.get(s) ?? 0) >= l) continue;
      const key = `${s}\u0000${l}`;
      let i = itemIndex.get(key);
      if (i === undefined) {
        i = itemIndex.size;
        itemIndex.set(key, i);
        bounds.push(`0 <= tau${i} <= ${N}`);
        for (const p of providersOf(s, l)) {
          binaries.push(`y${p}_${i}`);
          rows.push(`yx${p}_${i}: y${p}_${i} - x${p} <= 0`);
          rows.push(`yt${p}_${i}: tau${i} - t${p} - ${N + 1} y${p}_${i} >= ${1 - (N + 1)}`);
        }
      }
      const prov = providersOf(s, l);
      const sum = prov.map((p) => `y${p}_${i}`).join(' + ');
      rows.push(prov.length ? `r${k}_${i}: ${sum} - x${k} >= 0` : `r${k}_${i}: x${k} <= 0`);
      rows.push(`o${k}_${i}: t${k} - tau${i} - ${N} x${k} >= ${-N}`);
    }
  });
  ops.forEach((_, k) => bounds.push(`0 <= t${k} <= ${N}`));
  if (Number.isFinite(budget) && ops.length > 0) {
    rows.push(`budget: ${ops.map((o, k) => `${num(o.costPence ?? 0)} x${k}`).join(' + ')} <= ${num(budget)}`);
  }
  const costTerms = ops.map((o, k) => `${num(opCost(o, instance))} x${k}`);
  let objective: string;
  if (maximiseCoverage) {
    const total = ops.reduce((a, o) => a + opCost(o, instance), 0);
    const big = num(2 * total + 1);
    objective = `obj: ${[...costTerms, ...zTerms.map((z) => `- ${big} ${z}`)].join(' + ').replace(/\+ -/g, '-')}`;
  } else objective = `obj: ${costTerms.join(' + ') || '0 x0'}`;
  if (ops.length === 0 || (goal.length === 0 && !maximiseCoverage && rows.length === 0))
    return {
      lp: 'Minimize\n obj: 0 dummy\nSubject To\n c: dummy >= 0\nEnd\n',
      names,
      trivialInfeasible: goal.length > 0 && !maximiseCoverage,
    };
  const lp = [
    'Minimize',
    ` ${objective}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
    '',
  ].join('\n');
  return { lp, names, trivialInfeasible };
}

export function solveWithMilp(highs: HighsSolver, instance: PlanningInstance): OracleResult {
  const started = performance.now();
  const goalSkills = [...maxLevels(instance.goal.skills)];
  const heldGoal = goalSkills.filter(
    ([s, l]) => (maxLevels(instance.learner.skills).get(s) ?? 0) >= l,
  ).length;
  const opts = { mip_rel_gap: 1e-7, output_flag: false };
  const exact = buildPlanningMilp(instance, false);
  const sol = exact.trivialInfeasible ? null : highs.solve(exact.lp, opts);
  if (sol && sol.Status === 'Optimal') {
    const steps = [...exact.names].filter(([v]) => (sol.Columns[v]?.Primal ?? 0) > 0.5).map(([, id]) => id);
    return {
      feasible: true,
      cost: sol.ObjectiveValue,
      maxCovered: goalSkills.length,
      steps,
      ms: performance.now() - started,
    };
  }
  if (sol && sol.Status !== 'Infeasible') throw new Error(`HiGHS status ${sol.Status}`);
  const partial = buildPlanningMilp(instance, true);
  const ps = highs.solve(partial.lp, opts);
  if (ps.Status !== 'Optimal') throw new Error(`HiGHS status ${ps.Status} on coverage model`);
  let covered = 0;
  for (const [v, c] of Object.entries(ps.Columns)) if (v.startsWith('z') && c.Primal > 0.5) covered++;
  const steps = [...partial.names].filter(([v]) => (ps.Columns[v]?.Primal ?? 0) > 0.5).map(([, id]) => id);
  return {
    feasible: false,
    cost: NaN,
    maxCovered: covered + heldGoal,
    steps,
    ms: performance.now() - started,
  };
}
