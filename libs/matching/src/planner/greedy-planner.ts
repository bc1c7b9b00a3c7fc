import { PlanProblem } from './plan-problem';
import { orderOps } from './plan-order';

export interface GreedyWeighting {
  costWeight: number;
  moneyWeight: number;
  /** When false, choose by the op's own price only and bolt its prerequisites on after (the naive greedy). */
  prereqAware: boolean;
}

const MAX_CHAIN = 12;

interface Bundle {
  ops: number[];
  weight: number;
  money: number;
}

function allHeld(reqs: Int32Array, have: Uint8Array): boolean {
  for (let i = 0; i < reqs.length; i++) if (!have[reqs[i]]) return false;
  return true;
}

/**
 * Greedy completion: repeatedly add the "bundle" (an opportunity plus the cheapest chain of
 * opportunities that unlock it, found recursively) with the best price per newly covered goal item,
 * within budget. Starts from `start` (a valid plan prefix); never uses `excluded` ops.
 */
export function greedyComplete(
  p: PlanProblem,
  start: readonly number[],
  excluded: Uint8Array | null,
  w: GreedyWeighting,
): number[] {
  const chosen = new Uint8Array(p.n);
  const have = new Uint8Array(p.m);
  const plan: number[] = [];
  let money = 0;
  const add = (o: number): void => {
    if (chosen[o]) return;
    chosen[o] = 1;
    plan.push(o);
    money += p.money[o];
    for (const it of p.cover[o]) have[it] = 1;
  };
  for (const o of orderOps(p, start).ordered) add(o);
  const weightOf = (o: number): number => w.costWeight * p.cost[o] + w.moneyWeight * p.money[o];

  // Per-round scratch, allocated once.
  const total = new Float64Array(p.n);
  const itemCost = new Float64Array(p.m);
  const via = new Int32Array(p.m);
  const isOpen = new Uint8Array(p.m);
  const seen = new Uint8Array(p.n);
  const gainedMark = new Int32Array(p.m);
  let gainStamp = 0;
  const waiting: number[] = [];

  for (;;) {
    const open = p.goalItems.filter((g) => !have[g]);
    if (open.length === 0) break;
    // Cost to unlock each op (its own price plus the cheapest way to each unmet requirement, summed,
    // solved as a fixpoint like the additive heuristic in AI planning), and the provider behind it.
    total.fill(Infinity);
    itemCost.fill(Infinity);
    via.fill(-1);
    // An op with no unmet requirement gets its final total in the first pass; later passes revisit
    // only the ops that wait on something (in the same order, so every update is as before).
    waiting.length = 0;
    for (let pass = 0, changed = true; changed && pass < 50; pass++) {
      changed = false;
      const count = pass === 0 ? p.n : waiting.length;
      for (let j = 0; j < count; j++) {
        const o = pass === 0 ? j : waiting[j];
        if (pass === 0) {
          if (chosen[o] || (excluded && excluded[o])) continue;
          if (!allHeld(p.reqs[o], have)) waiting.push(o);
        }
        let t = weightOf(o);
        for (const r of p.reqs[o]) if (!have[r]) t += itemCost[r];
        if (t < total[o] - 1e-12) {
          total[o] = t;
          changed = true;
          for (const it of p.cover[o]) {
            if (t < itemCost[it]) {
              itemCost[it] = t;
              via[it] = o;
            }
          }
        }
      }
    }
    // The chain of ops that unlocks o (its cheapest providers, recursively), for an op that needs something first.
    const chainOf = (o: number): Bundle | null => {
      const ops: number[] = [];
      const state = new Map<number, number>(); // 1 = in progress, 2 = done
      const covered = new Set<number>();
      const visit = (q: number, depth: number): boolean => {
        if (state.get(q) === 2) return true;
        if (state.get(q) === 1 || depth > MAX_CHAIN) return false;
        state.set(q, 1);
        for (const r of p.reqs[q]) {
          if (have[r] || covered.has(r)) continue;
          const provider = via[r];
          if (provider < 0 || !visit(provider, depth + 1)) return false;
        }
        state.set(q, 2);
        ops.push(q);
        for (const it of p.cover[q]) covered.add(it);
        return true;
      };
      if (!visit(o, 0)) return null;
      let weight = 0;
      let m = 0;
      for (const q of ops) {
        weight += weightOf(q);
        m += p.money[q];
      }
      return { ops, weight, money: m };
    };
    const openCovered = (o: number): number => {
      let gain = 0;
      for (const it of p.cover[o])
        if (isOpen[it] && gainedMark[it] !== gainStamp) {
          gainedMark[it] = gainStamp;
          gain++;
        }
      return gain;
    };

    // The best bundle: an op alone (when it needs nothing more) or with its chain.
    let best: number[] | null = null;
    let bestRatio = Infinity;
    let bestGain = 0;
    for (const g of open) isOpen[g] = 1;
    seen.fill(0);
    for (const g of open) {
      for (const o of p.providers[g]) {
        if (seen[o] || chosen[o] || (excluded && excluded[o])) continue;
        seen[o] = 1;
        if (total[o] === Infinity) continue;
        const alone = allHeld(p.reqs[o], have);
        const chain = alone ? null : chainOf(o);
        if (!alone && !chain) continue;
        const bundleMoney = chain ? chain.money : p.money[o];
        if (money + bundleMoney > p.budget) continue;
        gainStamp++;
        let gain = 0;
        if (w.prereqAware && chain) for (const q of chain.ops) gain += openCovered(q);
        else gain = openCovered(o);
        const ratio = (w.prereqAware && chain ? chain.weight : weightOf(o)) / gain;
        if (ratio < bestRatio - 1e-12 || (Math.abs(ratio - bestRatio) <= 1e-12 && gain > bestGain)) {
          best = chain ? chain.ops : [o];
          bestRatio = ratio;
          bestGain = gain;
        }
      }
    }
    for (const g of open) isOpen[g] = 0;
    if (!best) break;
    for (const q of best) add(q);
  }
  return orderOps(p, plan).ordered;
}
