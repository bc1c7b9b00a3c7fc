import { haversineKm } from '../lib/geo';
import { SkillLevel } from '../lib/matching.types';
import { CodedPlanInput, codePlanningInstance } from './coded-plan-input';
import { DEFAULT_WEIGHTS, PlanningInstance, PlanningOpportunity } from './planning.types';

/**
 * A planning instance compiled to integers: "items" are the (skill, level) needs that matter (goal
 * needs and entry requirements the learner does not already meet), "ops" the usable opportunities that
 * can ever start and that cover at least one item. Ops are in id order so every tie breaks by id.
 */
export interface PlanProblem {
  n: number;
  m: number;
  /** Index into instance.opportunities for each op. */
  source: number[];
  ids: string[];
  /** Objective cost of each op. */
  cost: Float64Array;
  /** Money (pence) of each op. */
  money: Float64Array;
  /** Items each op covers (sorted). */
  cover: Int32Array[];
  /** Items each op needs first (learner-held needs removed, sorted). */
  reqs: Int32Array[];
  /** Ops covering each item, in op order. */
  providers: Int32Array[];
  itemSkill: string[];
  itemLevel: number[];
  /** Goal items the learner does not hold and something can cover. */
  goalItems: number[];
  isGoal: Uint8Array;
  /** Goal skills (deduplicated, max level) in input order. */
  goal: SkillLevel[];
  /** For each goal skill: its item, -1 when held by the learner, -2 when nothing usable can ever cover it. */
  goalItemOf: number[];
  budget: number;
  /** Ops filtered as unusable, unsupportable, irrelevant, or dominated. */
  stats: { usable: number; supportable: number; relevant: number; afterDominance: number };
}

export function maxLevels(skills: SkillLevel[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of skills) m.set(s.skill, Math.max(m.get(s.skill) ?? 0, s.level));
  return m;
}

/** Usable per the contract: mode accepted and, for attended delivery with both locations, within the radius. */
export function isUsable(opp: PlanningOpportunity, instance: PlanningInstance): boolean {
  const l = instance.learner;
  if (l.modes && !l.modes.includes(opp.mode)) return false;
  if (opp.mode !== 'ONLINE' && l.location && opp.location && l.travelRadiusKm !== undefined) {
    if (haversineKm(l.location, opp.location) > l.travelRadiusKm) return false;
  }
  return true;
}

export function opCost(opp: PlanningOpportunity, instance: PlanningInstance): number {
  const perHour = instance.weights?.perHour ?? DEFAULT_WEIGHTS.perHour;
  const perPound = instance.weights?.perPound ?? DEFAULT_WEIGHTS.perPound;
  return (opp.hours ?? 0) * perHour + ((opp.costPence ?? 0) / 100) * perPound;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compilePlanProblem(instance: PlanningInstance, candidateCap = Infinity): PlanProblem {
  const opps = instance.opportunities;
  return compileCodedProblem(
    codePlanningInstance(
      instance,
      (i) => opCost(opps[i], instance),
      (i) => isUsable(opps[i], instance),
    ),
    candidateCap,
  );
}

/** The empty item list, shared (item lists are never written to once compiled). */
const NO_ITEMS = new Int32Array(0);

/** One key per (skill code, level); levels are Uint8. */
const needKey = (code: number, level: number): number => code * 256 + level;

/**
 * The part of compilation that does not depend on the objective: id order, what is usable within
 * budget, what can ever start, and who teaches what. Depends only on the input's ops, money, usable
 * flags and budget, so one preparation serves the same candidates under any weighting.
 */
export interface PreparedProblem {
  rank: Int32Array;
  usableCount: number;
  supportableCount: number;
  /** Teachers per skill code, in id order: op number, level taught, op number, level … */
  teachersOf: Map<number, number[]>;
}

export function prepareCodedProblem(input: CodedPlanInput): PreparedProblem {
  const { held, budget, ids, teachStart, teachSkill, teachLevel, reqStart, reqSkill, reqLevel } = input;
  const count = ids.length;
  // Rank of each op in id order (stable), so later sorts compare integers.
  const idOrder = Array.from({ length: count }, (_, i) => i).sort((a, b) => byId(ids[a], ids[b]));
  const rank = new Int32Array(count);
  idOrder.forEach((op, r) => (rank[op] = r));
  const byRank = (a: number, b: number): number => rank[a] - rank[b];

  const usable = idOrder.filter((i) => input.money[i] <= budget && input.usable[i] === 1);

  // Forward closure: only opportunities whose requirements can ever be met may appear in a plan.
  const reach = Uint8Array.from(held);
  const supportable: number[] = [];
  let pending = usable;
  for (let changed = true; changed;) {
    changed = false;
    const next: number[] = [];
    for (const i of pending) {
      let ready = true;
      for (let r = reqStart[i]; r < reqStart[i + 1]; r++) {
        if (reach[reqSkill[r]] < reqLevel[r]) {
          ready = false;
          break;
        }
      }
      if (ready) {
        supportable.push(i);
        changed = true;
        for (let t = teachStart[i]; t < teachStart[i + 1]; t++)
          if (reach[teachSkill[t]] < teachLevel[t]) reach[teachSkill[t]] = teachLevel[t];
      } else next.push(i);
    }
    pending = next;
  }
  supportable.sort(byRank);

  // Teachers per skill, in id order: op numbers and the level each teaches.
  const teachersOf = new Map<number, number[]>();
  for (const i of supportable) {
    for (let t = teachStart[i]; t < teachStart[i + 1]; t++) {
      let list = teachersOf.get(teachSkill[t]);
      if (!list) teachersOf.set(teachSkill[t], (list = []));
      list.push(i, teachLevel[t]);
    }
  }

  return {
    rank,
    usableCount: usable.length,
    supportableCount: supportable.length,
    teachersOf,
  };
}

/**
 * Compiles a coded instance (see compilePlanProblem for the contract form). Op numbers are positions in
 * `input.ids`. `prepared` (from prepareCodedProblem on an input with the same ops, money, usable flags
 * and budget — costs may differ) skips the objective-free part.
 */
export function compileCodedProblem(
  input: CodedPlanInput,
  candidateCap = Infinity,
  prepared: PreparedProblem = prepareCodedProblem(input),
): PlanProblem {
  const { held, budget, ids, teachStart, teachSkill, teachLevel, reqStart, reqSkill, reqLevel } = input;
  const { rank, teachersOf } = prepared;
  const byRank = (a: number, b: number): number => rank[a] - rank[b];

  // Items: goal needs, then entry requirements of every relevant opportunity, to a fixpoint.
  const itemKey = new Map<number, number>();
  const itemCode: number[] = [];
  const itemLevel: number[] = [];
  const queue: number[] = [];
  const addItem = (code: number, level: number): number => {
    if (held[code] >= level) return -1;
    const key = needKey(code, level);
    let id = itemKey.get(key);
    if (id === undefined) {
      id = itemCode.length;
      itemKey.set(key, id);
      itemCode.push(code);
      itemLevel.push(level);
      queue.push(id);
    }
    return id;
  };
  const goalItemOf = input.goal.map((g) => addItem(g.code, g.level));
  const isRelevant = new Uint8Array(ids.length);
  const relevant: number[] = [];
  const { cost: opCostOf, money: opMoney } = input;
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head];
    const list = teachersOf.get(itemCode[item]);
    let teachers: number[] = [];
    if (list)
      for (let j = 0; j < list.length; j += 2) if (list[j + 1] >= itemLevel[item]) teachers.push(list[j]);
    if (teachers.length > candidateCap) teachers = keepCheapest(teachers, candidateCap, opCostOf, opMoney);
    for (const op of teachers) {
      if (isRelevant[op]) continue;
      isRelevant[op] = 1;
      relevant.push(op);
      for (let r = reqStart[op]; r < reqStart[op + 1]; r++) addItem(reqSkill[r], reqLevel[r]);
    }
  }
  const m = itemCode.length;
  let ops = relevant.sort(byRank);

  // Items of each skill code as linked lists: the first item per code, and the next item of the same code.
  const firstItem = new Int32Array(input.skillCount).fill(-1);
  const nextItem = new Int32Array(m).fill(-1);
  for (let i = m - 1; i >= 0; i--) {
    nextItem[i] = firstItem[itemCode[i]];
    firstItem[itemCode[i]] = i;
  }
  const out: number[] = [];
  const sortedItems = (): Int32Array => {
    if (out.length === 0) return NO_ITEMS;
    const a = Int32Array.from(out);
    if (a.length > 1) a.sort();
    out.length = 0;
    return a;
  };
  const coverOf = (i: number): Int32Array => {
    for (let t = teachStart[i]; t < teachStart[i + 1]; t++)
      for (let it = firstItem[teachSkill[t]]; it >= 0; it = nextItem[it])
        if (itemLevel[it] <= teachLevel[t]) out.push(it);
    return sortedItems();
  };
  const reqsOf = (i: number): Int32Array => {
    for (let r = reqStart[i]; r < reqStart[i + 1]; r++)
      for (let it = firstItem[reqSkill[r]]; it >= 0; it = nextItem[it])
        if (itemLevel[it] === reqLevel[r]) {
          out.push(it);
          break;
        }
    // A requirement the learner holds produced no item; one nobody teaches makes the op unsupportable (filtered above).
    return sortedItems();
  };

  let cover = ops.map(coverOf);
  let reqs = ops.map(reqsOf);
  let cost = ops.map((i) => opCostOf[i]);
  let money = ops.map((i) => opMoney[i]);
  const relevantCount = ops.length;

  const keep = dominanceFilter(ops.length, cover, reqs, cost, money, itemCode, itemLevel);
  ops = ops.filter((_, k) => keep[k]);
  cover = cover.filter((_, k) => keep[k]);
  reqs = reqs.filter((_, k) => keep[k]);
  cost = cost.filter((_, k) => keep[k]);
  money = money.filter((_, k) => keep[k]);

  const n = ops.length;
  const providerLists: number[][] = Array.from({ length: m }, () => []);
  for (let o = 0; o < n; o++) for (const it of cover[o]) providerLists[it].push(o);
  const isGoal = new Uint8Array(m);
  const goalItems: number[] = [];
  for (let g = 0; g < input.goal.length; g++) {
    const it = goalItemOf[g];
    if (it < 0) continue;
    if (providerLists[it].length === 0) goalItemOf[g] = -2;
    else if (!isGoal[it]) {
      isGoal[it] = 1;
      goalItems.push(it);
    }
  }
  return {
    n,
    m,
    source: ops,
    ids: ops.map((i) => ids[i]),
    cost: Float64Array.from(cost),
    money: Float64Array.from(money),
    cover,
    reqs,
    providers: providerLists.map((l) => Int32Array.from(l)),
    itemSkill: itemCode.map((c) => input.skillName(c)),
    itemLevel,
    goalItems,
    isGoal,
    goal: input.goal.map((g) => ({ skill: input.skillName(g.code), level: g.level })),
    goalItemOf,
    budget,
    stats: {
      usable: prepared.usableCount,
      supportable: prepared.supportableCount,
      relevant: relevantCount,
      afterDominance: n,
    },
  };
}

/**
 * Large catalogues: of an item's teachers, keep the `cap` cheapest (by cost, then op number), plus the
 * quarter as many cheapest in money (budget feasibility; ties by cost, then place in the list), in list
 * order. Places are ranked, as a stable sort would, and an op kept at any place is kept at every place.
 */
export function keepCheapest(
  teachers: readonly number[],
  cap: number,
  cost: ArrayLike<number>,
  money: ArrayLike<number>,
): number[] {
  const keep = new Set<number>();
  const byCost = (x: number, y: number): number => {
    const a = teachers[x];
    const b = teachers[y];
    return cost[a] - cost[b] || a - b || x - y;
  };
  for (const x of smallest(teachers.length, cap, byCost)) keep.add(teachers[x]);
  const byMoney = (x: number, y: number): number => {
    const a = teachers[x];
    const b = teachers[y];
    return money[a] - money[b] || cost[a] - cost[b] || x - y;
  };
  for (const x of smallest(teachers.length, Math.ceil(cap / 4), byMoney)) keep.add(teachers[x]);
  return teachers.filter((t) => keep.has(t));
}

/**
 * The places 0..len-1 of the k smallest under `cmp` (a strict total order), in no particular order:
 * what the first k of a sort would hold, found by quickselect instead of sorting.
 */
export function smallest(len: number, k: number, cmp: (x: number, y: number) => number): number[] {
  const idx = Array.from({ length: len }, (_, i) => i);
  if (k >= len) return idx;
  let lo = 0;
  let hi = len - 1;
  while (lo < hi) {
    const pivot = idx[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (cmp(idx[i], pivot) < 0) i++;
      while (cmp(idx[j], pivot) > 0) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    // Now idx[lo..j] <= pivot <= idx[i..hi]; the k-th smallest lies in one part (or between, and is placed).
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  idx.length = k;
  return idx;
}

function isSubset(a: Int32Array, b: Int32Array): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j] < a[i]) j++;
    if (j >= b.length || b[j] !== a[i]) return false;
    j++;
  }
  return true;
}

/** o' asks for no more than o: every requirement of o' is met by some requirement of o (same skill, level >= ). */
function requiresNoMore(
  small: Int32Array,
  big: Int32Array,
  itemCode: number[],
  itemLevel: number[],
): boolean {
  for (const r of small) {
    let ok = false;
    for (const q of big) {
      if (itemCode[q] === itemCode[r] && itemLevel[q] >= itemLevel[r]) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

/**
 * Drops o when another op o' covers every item o covers, needs no more first, and costs no more in
 * objective and money: any plan using o stays valid and no dearer with o' in its place. Exact ties
 * keep the lower id.
 */
function dominanceFilter(
  n: number,
  cover: Int32Array[],
  reqs: Int32Array[],
  cost: number[],
  money: number[],
  itemCode: number[],
  itemLevel: number[],
): boolean[] {
  const keep = new Array<boolean>(n).fill(true);
  // Ops covering each item, in op order.
  const coverers: number[][] = Array.from({ length: itemCode.length }, () => []);
  for (let o = 0; o < n; o++) for (const it of cover[o]) coverers[it].push(o);
  for (let o = 0; o < n; o++) {
    if (cover[o].length === 0) {
      keep[o] = false;
      continue;
    }
    // Any dominator must cover o's rarest item; scan only those.
    let rarest = cover[o][0];
    for (const it of cover[o]) if (coverers[it].length < coverers[rarest].length) rarest = it;
    for (const d of coverers[rarest]) {
      if (d === o || !keep[d]) continue;
      if (cost[d] > cost[o] || money[d] > money[o] || cover[d].length < cover[o].length) continue;
      if (!isSubset(cover[o], cover[d])) continue;
      if (!requiresNoMore(reqs[d], reqs[o], itemCode, itemLevel)) continue;
      const strictlyBetter =
        cost[d] < cost[o] ||
        money[d] < money[o] ||
        cover[d].length > cover[o].length ||
        !requiresNoMore(reqs[o], reqs[d], itemCode, itemLevel);
      if (strictlyBetter || d < o) {
        keep[o] = false;
        break;
      }
    }
  }
  return keep;
}
