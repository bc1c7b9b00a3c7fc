import { PlanProblem } from './plan-problem';
import { orderOps } from './plan-order';

export interface SearchResult {
  /** Best plan found (ops), or null when nothing beat the incumbent. */
  ops: number[] | null;
  value: number;
  nodes: number;
  /** True when the search space was exhausted within the node budget. */
  complete: boolean;
}

const EPS = 1e-9;

/**
 * Depth-first branch and bound over open needs. An open need is a goal item not yet covered, or an
 * entry requirement of a chosen op not yet covered. Each node branches on the open need with the fewest
 * remaining providers: child j takes provider j and forbids providers 1..j-1, so the children partition
 * the plans below the node; a goal need may also be left uncovered at `skipPenalty` (for the best
 * partial plan). Bound: a dual-feasible solution of the covering LP over the open needs (per-need
 * cheapest share, then dual ascent), which never exceeds the cost still to pay. A complete leaf whose
 * ops cannot be ordered (a cycle of requirements) branches on adding an op that breaks the cycle.
 * The objective is `weight` per op; money is bounded separately against the budget.
 */
export class BranchAndBound {
  private readonly chosen: Uint8Array;
  private readonly forbidden: Int32Array;
  private readonly coverCount: Int32Array;
  private readonly demand: Int32Array;
  private readonly goalActive: Uint8Array;
  private readonly k: Int32Array;
  private readonly slack: Float64Array;
  private readonly u: Float64Array;
  /** Children's sort keys (reduced costs), written just before each sort. */
  private readonly sortKey: Float64Array;
  /** A node's scratch: its open needs, their available providers (flattened, with starts), ops it counted. */
  private readonly open: Int32Array;
  private readonly availStart: Int32Array;
  private readonly availOps: Int32Array;
  private readonly touched: Int32Array;
  private readonly chosenList: number[] = [];
  private cost = 0;
  private money = 0;
  private nodes = 0;
  private aborted = false;
  private bestValue: number;
  private bestOps: number[] | null = null;

  constructor(
    private readonly p: PlanProblem,
    private readonly weight: Float64Array,
    private readonly skipPenalty: number,
    private readonly nodeLimit: number,
    incumbentValue: number,
  ) {
    this.chosen = new Uint8Array(p.n);
    this.forbidden = new Int32Array(p.n);
    this.coverCount = new Int32Array(p.m);
    this.demand = new Int32Array(p.m);
    this.goalActive = new Uint8Array(p.m);
    for (const g of p.goalItems) this.goalActive[g] = 1;
    this.k = new Int32Array(p.n);
    this.slack = new Float64Array(p.n);
    this.u = new Float64Array(p.m);
    this.sortKey = new Float64Array(p.n);
    this.open = new Int32Array(p.m);
    this.availStart = new Int32Array(p.m + 1);
    let providerEntries = 0;
    for (const list of p.providers) providerEntries += list.length;
    this.availOps = new Int32Array(providerEntries);
    this.touched = new Int32Array(p.n);
    this.bestValue = incumbentValue;
  }

  run(): SearchResult {
    this.dfs();
    return { ops: this.bestOps, value: this.bestValue, nodes: this.nodes, complete: !this.aborted };
  }

  private avail(o: number): boolean {
    return this.chosen[o] === 0 && this.forbidden[o] === 0;
  }

  private add(o: number): void {
    const p = this.p;
    this.chosen[o] = 1;
    this.chosenList.push(o);
    this.cost += this.weight[o];
    this.money += p.money[o];
    for (const it of p.cover[o]) this.coverCount[it]++;
    for (const r of p.reqs[o]) this.demand[r]++;
  }

  private remove(o: number): void {
    const p = this.p;
    this.chosen[o] = 0;
    this.chosenList.pop();
    this.cost -= this.weight[o];
    this.money -= p.money[o];
    for (const it of p.cover[o]) this.coverCount[it]--;
    for (const r of p.reqs[o]) this.demand[r]--;
  }

  private skippable(i: number): boolean {
    return this.demand[i] === 0 && this.goalActive[i] === 1;
  }

  private better(value: number): boolean {
    return value < this.bestValue - EPS * Math.max(1, Math.abs(this.bestValue));
  }

  private dfs(): void {
    if (this.aborted) return;
    if (++this.nodes > this.nodeLimit) {
      this.aborted = true;
      return;
    }
    const p = this.p;
    const { k, slack, u, weight, chosen, forbidden, open, availStart, availOps: avail, touched } = this;
    let openCount = 0;
    // Open: not covered, and needed by a chosen op or a goal still wanted.
    const { coverCount, demand, goalActive } = this;
    for (let i = 0; i < p.m; i++)
      if (coverCount[i] === 0 && (demand[i] > 0 || goalActive[i] === 1)) open[openCount++] = i;
    if (openCount === 0) {
      this.leaf();
      return;
    }

    // The available providers of each open need, in provider order, gathered once for the passes below
    // (scratch shared by every node: each node is done with it before its children run).
    let len = 0;
    let touchedCount = 0;
    for (let j = 0; j < openCount; j++) {
      availStart[j] = len;
      const providers = p.providers[open[j]];
      for (let q = 0; q < providers.length; q++) {
        const o = providers[q];
        if (chosen[o] !== 0 || forbidden[o] !== 0) continue;
        avail[len++] = o;
        if (k[o] === 0) touched[touchedCount++] = o;
        k[o]++;
      }
    }
    availStart[openCount] = len;

    // Lower bound: per-need cheapest share, then dual ascent.
    let branchJ = -1;
    let branchCount = Infinity;
    let moneyLb = 0;
    let infeasible = false;
    for (let j = 0; j < openCount; j++) {
      const i = open[j];
      const skippable = this.skippable(i);
      let best = skippable ? this.skipPenalty : Infinity;
      let bestMoney = skippable ? 0 : Infinity;
      let count = skippable ? 1 : 0;
      for (let q = availStart[j]; q < availStart[j + 1]; q++) {
        const o = avail[q];
        count++;
        const share = weight[o] / k[o];
        if (share < best) best = share;
        const mShare = p.money[o] / k[o];
        if (mShare < bestMoney) bestMoney = mShare;
      }
      if (count === 0) {
        infeasible = true;
        break;
      }
      u[i] = best;
      moneyLb += bestMoney;
      if (count < branchCount || (count === branchCount && best > u[open[branchJ]])) {
        branchCount = count;
        branchJ = j;
      }
    }
    if (infeasible || this.money + moneyLb > p.budget + EPS) {
      for (let t = 0; t < touchedCount; t++) k[touched[t]] = 0;
      return;
    }
    for (let t = 0; t < touchedCount; t++) slack[touched[t]] = weight[touched[t]];
    for (let j = 0; j < openCount; j++) {
      const ui = u[open[j]];
      for (let q = availStart[j]; q < availStart[j + 1]; q++) slack[avail[q]] -= ui;
    }
    let lb = 0;
    for (let j = 0; j < openCount; j++) {
      const i = open[j];
      let d = this.skippable(i) ? this.skipPenalty - u[i] : Infinity;
      for (let q = availStart[j]; q < availStart[j + 1]; q++) if (slack[avail[q]] < d) d = slack[avail[q]];
      if (d > 0 && d !== Infinity) {
        u[i] += d;
        for (let q = availStart[j]; q < availStart[j + 1]; q++) slack[avail[q]] -= d;
      }
      lb += u[i];
    }
    if (!this.better(this.cost + lb)) {
      for (let t = 0; t < touchedCount; t++) k[touched[t]] = 0;
      return;
    }

    // Children: providers of the branching need, most promising (smallest reduced cost) first.
    const branchItem = open[branchJ];
    const cands: number[] = [];
    for (let q = availStart[branchJ]; q < availStart[branchJ + 1]; q++) cands.push(avail[q]);
    const key = this.sortKey;
    for (const o of cands) key[o] = Math.max(0, slack[o]);
    cands.sort((a, b) => key[a] - key[b] || weight[a] / k[a] - weight[b] / k[b] || a - b);
    for (let t = 0; t < touchedCount; t++) k[touched[t]] = 0;
    const canSkip = this.skippable(branchItem);

    const done: number[] = [];
    for (const o of cands) {
      if (this.money + p.money[o] <= p.budget + EPS) {
        this.add(o);
        this.dfs();
        this.remove(o);
      }
      this.forbidden[o]++;
      done.push(o);
      if (this.aborted || !this.better(this.cost + lb)) break;
    }
    if (canSkip && !this.aborted && done.length === cands.length) {
      this.goalActive[branchItem] = 0;
      this.cost += this.skipPenalty;
      this.dfs();
      this.cost -= this.skipPenalty;
      this.goalActive[branchItem] = 1;
    }
    for (const o of done) this.forbidden[o]--;
  }

  private leaf(): void {
    const p = this.p;
    const { ordered, stuck } = orderOps(p, this.chosenList);
    if (stuck.length === 0) {
      if (this.better(this.cost)) {
        this.bestValue = this.cost;
        this.bestOps = ordered;
      }
      return;
    }
    // A requirement cycle: some stuck op must get an unmet requirement from an op not yet chosen.
    const have = new Uint8Array(p.m);
    for (const o of ordered) for (const it of p.cover[o]) have[it] = 1;
    const unmet = new Uint8Array(p.m);
    for (const o of stuck) for (const r of p.reqs[o]) if (!have[r]) unmet[r] = 1;
    const cands: number[] = [];
    const seen = new Uint8Array(p.n);
    for (let i = 0; i < p.m; i++) {
      if (!unmet[i]) continue;
      for (const o of p.providers[i]) {
        if (!seen[o] && this.avail(o)) {
          seen[o] = 1;
          cands.push(o);
        }
      }
    }
    cands.sort((a, b) => this.weight[a] - this.weight[b] || a - b);
    const done: number[] = [];
    for (const o of cands) {
      if (!this.better(this.cost + this.weight[o])) break;
      if (this.money + p.money[o] <= p.budget + EPS) {
        this.add(o);
        this.dfs();
        this.remove(o);
      }
      this.forbidden[o]++;
      done.push(o);
      if (this.aborted) break;
    }
    for (const o of done) this.forbidden[o]--;
  }
}
