import { haversineKm } from '../lib/geo';
import { SkillLevel } from '../lib/matching.types';
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
  const held = maxLevels(instance.learner.skills);
  const budget = instance.learner.budgetPence ?? Infinity;
  const opps = instance.opportunities;

  const usable: number[] = [];
  for (let i = 0; i < opps.length; i++) {
    if ((opps[i].costPence ?? 0) <= budget && isUsable(opps[i], instance)) usable.push(i);
  }
  usable.sort((a, b) => byId(opps[a].id, opps[b].id));

  const teachMax = new Map<number, Map<string, number>>();
  const reqMax = new Map<number, Map<string, number>>();
  const teachesOf = (i: number): Map<string, number> => {
    let m = teachMax.get(i);
    if (!m) teachMax.set(i, (m = maxLevels(opps[i].teaches)));
    return m;
  };
  const requiresOf = (i: number): Map<string, number> => {
    let m = reqMax.get(i);
    if (!m) reqMax.set(i, (m = maxLevels(opps[i].requires)));
    return m;
  };

  // Forward closure: only opportunities whose requirements can ever be met may appear in a plan.
  const reach = new Map(held);
  const supportable: number[] = [];
  let pending = usable;
  for (let changed = true; changed; ) {
    changed = false;
    const next: number[] = [];
    for (const i of pending) {
      let ready = true;
      for (const [skill, level] of requiresOf(i)) {
        if ((reach.get(skill) ?? 0) < level) {
          ready = false;
          break;
        }
      }
      if (ready) {
        supportable.push(i);
        changed = true;
        for (const [skill, level] of teachesOf(i)) if ((reach.get(skill) ?? 0) < level) reach.set(skill, level);
      } else next.push(i);
    }
    pending = next;
  }
  supportable.sort((a, b) => byId(opps[a].id, opps[b].id));

  const teachersOf = new Map<string, { op: number; level: number }[]>();
  for (const i of supportable) {
    for (const [skill, level] of teachesOf(i)) {
      let list = teachersOf.get(skill);
      if (!list) teachersOf.set(skill, (list = []));
      list.push({ op: i, level });
    }
  }

  // Items: goal needs, then entry requirements of every relevant opportunity, to a fixpoint.
  const itemKey = new Map<string, number>();
  const itemSkill: string[] = [];
  const itemLevel: number[] = [];
  const queue: number[] = [];
  const addItem = (skill: string, level: number): number => {
    if ((held.get(skill) ?? 0) >= level) return -1;
    const key = `${skill}\u0000${level}`;
    let id = itemKey.get(key);
    if (id === undefined) {
      id = itemSkill.length;
      itemKey.set(key, id);
      itemSkill.push(skill);
      itemLevel.push(level);
      queue.push(id);
    }
    return id;
  };
  const goal = [...maxLevels(instance.goal.skills)].map(([skill, level]) => ({ skill, level }));
  const goalItemOf = goal.map((g) => addItem(g.skill, g.level));
  const relevant = new Set<number>();
  const costOf = new Map<number, number>();
  const capRank = (i: number): number => {
    let c = costOf.get(i);
    if (c === undefined) costOf.set(i, (c = opCost(opps[i], instance)));
    return c;
  };
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head];
    let teachers = (teachersOf.get(itemSkill[item]) ?? []).filter((t) => t.level >= itemLevel[item]);
    if (teachers.length > candidateCap) {
      // Large catalogues: keep the cheapest few per item, plus the cheapest in money (budget feasibility).
      const byCost = [...teachers].sort((a, b) => capRank(a.op) - capRank(b.op) || a.op - b.op);
      const byMoney = [...teachers].sort(
        (a, b) => (opps[a.op].costPence ?? 0) - (opps[b.op].costPence ?? 0) || capRank(a.op) - capRank(b.op),
      );
      const keep = new Set([...byCost.slice(0, candidateCap), ...byMoney.slice(0, Math.ceil(candidateCap / 4))]);
      teachers = teachers.filter((t) => keep.has(t));
    }
    for (const t of teachers) {
      if (relevant.has(t.op)) continue;
      relevant.add(t.op);
      for (const [skill, level] of requiresOf(t.op)) addItem(skill, level);
    }
  }
  const m = itemSkill.length;
  let ops = [...relevant].sort((a, b) => byId(opps[a].id, opps[b].id));

  const itemsBySkill = new Map<string, number[]>();
  for (let i = 0; i < m; i++) {
    let list = itemsBySkill.get(itemSkill[i]);
    if (!list) itemsBySkill.set(itemSkill[i], (list = []));
    list.push(i);
  }
  const coverOf = (i: number): number[] => {
    const out: number[] = [];
    for (const [skill, level] of teachesOf(i)) {
      for (const it of itemsBySkill.get(skill) ?? []) if (itemLevel[it] <= level) out.push(it);
    }
    return out.sort((a, b) => a - b);
  };
  const reqsOf = (i: number): number[] => {
    const out: number[] = [];
    for (const [skill, level] of requiresOf(i)) {
      const it = itemKey.get(`${skill}\u0000${level}`);
      if (it !== undefined) out.push(it);
      // A requirement the learner holds produced no item; one nobody teaches makes the op unsupportable (filtered above).
    }
    return out.sort((a, b) => a - b);
  };

  let cover = ops.map((i) => Int32Array.from(coverOf(i)));
  let reqs = ops.map((i) => Int32Array.from(reqsOf(i)));
  let cost = ops.map((i) => opCost(opps[i], instance));
  let money = ops.map((i) => opps[i].costPence ?? 0);
  const relevantCount = ops.length;

  const keep = dominanceFilter(ops.length, cover, reqs, cost, money, itemSkill, itemLevel);
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
  for (let g = 0; g < goal.length; g++) {
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
    ids: ops.map((i) => opps[i].id),
    cost: Float64Array.from(cost),
    money: Float64Array.from(money),
    cover,
    reqs,
    providers: providerLists.map((l) => Int32Array.from(l)),
    itemSkill,
    itemLevel,
    goalItems,
    isGoal,
    goal,
    goalItemOf,
    budget,
    stats: { usable: usable.length, supportable: supportable.length, relevant: relevantCount, afterDominance: n },
  };
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
  itemSkill: string[],
  itemLevel: number[],
): boolean {
  for (const r of small) {
    let ok = false;
    for (const q of big) {
      if (itemSkill[q] === itemSkill[r] && itemLevel[q] >= itemLevel[r]) {
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
  itemSkill: string[],
  itemLevel: number[],
): boolean[] {
  const keep = new Array<boolean>(n).fill(true);
  const byFirstItem = new Map<number, number[]>();
  for (let o = 0; o < n; o++) {
    for (const it of cover[o]) {
      let l = byFirstItem.get(it);
      if (!l) byFirstItem.set(it, (l = []));
      l.push(o);
    }
  }
  for (let o = 0; o < n; o++) {
    if (cover[o].length === 0) {
      keep[o] = false;
      continue;
    }
    // Any dominator must cover o's rarest item; scan only those.
    let rarest = cover[o][0];
    for (const it of cover[o]) if ((byFirstItem.get(it)?.length ?? 0) < (byFirstItem.get(rarest)?.length ?? 0)) rarest = it;
    for (const d of byFirstItem.get(rarest) ?? []) {
      if (d === o || !keep[d]) continue;
      if (cost[d] > cost[o] || money[d] > money[o] || cover[d].length < cover[o].length) continue;
      if (!isSubset(cover[o], cover[d])) continue;
      if (!requiresNoMore(reqs[d], reqs[o], itemSkill, itemLevel)) continue;
      const strictlyBetter =
        cost[d] < cost[o] ||
        money[d] < money[o] ||
        cover[d].length > cover[o].length ||
        !requiresNoMore(reqs[o], reqs[d], itemSkill, itemLevel);
      if (strictlyBetter || d < o) {
        keep[o] = false;
        break;
      }
    }
  }
  return keep;
}
