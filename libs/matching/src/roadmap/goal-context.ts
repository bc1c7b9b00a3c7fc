import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord } from '../lib/matching.types';
import { outcomeCostFactor } from '../outcomes/outcome-score';
import { CodedPlanInput } from '../planner/coded-plan-input';
import {
  PlanProblem,
  PreparedProblem,
  compileCodedProblem,
  prepareCodedProblem,
} from '../planner/plan-problem';
import { greedyComplete } from '../planner/greedy-planner';
import { evaluateOps, pruneRedundant } from '../planner/plan-order';
import { describeSolution, seedWeightings, solvePlanProblem } from '../planner/plan-solver';
import { DEFAULT_WEIGHTS } from '../planner/planning.types';
import { LearnerQuery } from '../ranking/learner-query';
import { LearnerFilter } from '../ranking/rank-opportunities';
import {
  LearnerSkillCodes,
  NeedScans,
  TeacherScans,
  codeSkills,
  codedProblemInput,
  collectCandidates,
  newNeedScans,
  newTeacherScans,
} from './candidates';
import { dayOf } from './dates';
import { RoadmapGoal, RoadmapOptions } from './roadmap.types';

export const DEFAULT_HOURS_PER_WEEK = 6;
export const DEFAULT_CANDIDATES_PER_SKILL = 20;
export const DEFAULT_ROADMAP_NODE_LIMIT = 500;

/** What a plan is weighed by: the contract's hours and money, plus (for alternatives) weeks and travel. */
export interface Weighting {
  perHour: number;
  perPound: number;
  /** Per week from today until the step ends (waiting for its start, then its duration). */
  perWeek?: number;
  /** Per km to an attended step. */
  perKm?: number;
}

/** A solved goal: steps as index slots in plan order, and what the solver says of them. */
export interface SolvedGoal {
  slots: number[];
  reachable: boolean;
  coverage: number;
  /** Goal skills not covered. */
  missing: string[];
  objective: number;
  problem: PlanProblem;
}

/** Work counters (for profiling harnesses): candidate collections, compilations and solves, and memo hits. */
export const roadmapWork = { collections: 0, compiles: 0, compileHits: 0, solves: 0, solveHits: 0 };

/** Learner facts a what-if may change while its context still shares its family's work. */
const FAMILY_FACTS: ReadonlySet<string> = new Set([
  'budgetPence',
  'travelRadiusKm',
  'modes',
  'access',
  'eligibility',
]);

/**
 * What the contexts of one learner and goal share across what-ifs that change only some of
 * FAMILY_FACTS (same skills, location, pace, day, options but the node limit): prices per eligibility;
 * index scans per (modes, access, eligibility), of which each radius and budget reads its own view;
 * candidates per view; and compiled candidate sets and solves, keyed by all they depend on (a what-if
 * whose candidates come out the same as another's is solved once).
 */
export class GoalFamily {
  readonly prices = new Map<string, Map<number, number>>();
  readonly scans = new Map<string, TeacherScans>();
  readonly views = new Map<string, FilterView>();
  readonly compiled = new Map<string, CompiledCandidates>();
}

/** One filter's (radius and budget's) scans and candidate sets. */
interface FilterView {
  scans: NeedScans;
  candidates: Map<boolean, number[]>;
}

/**
 * One learner and goal compiled against the index: the filter (mode, distance, access, closing date,
 * budget after funding), skill codes, and candidates — shared by the roadmap, its alternatives, its
 * what-ifs and the hours shown on "jobs in reach", so they all come from one computation.
 */
export class GoalContext {
  readonly today: string;
  readonly todayDay: number;
  readonly filter: LearnerFilter;
  readonly codes: LearnerSkillCodes;
  readonly excluded: ReadonlySet<number>;
  readonly hoursPerWeek: number;
  private readonly family: GoalFamily;
  private readonly view: FilterView;
  /** Keys of this context's prices (eligibility) and of its filter as the family's scans see it. */
  private readonly priceKey: string;

  constructor(
    readonly index: CatalogueIndex,
    readonly learner: LearnerRecord,
    readonly goal: RoadmapGoal,
    readonly opts: RoadmapOptions = {},
    /** From a context for the same learner's skills, modes and goal (a what-if): what does not change. */
    same?: GoalContext,
    /** The family of a context this one differs from only in FAMILY_FACTS or the node limit. */
    family?: GoalFamily,
  ) {
    this.today = opts.today ?? new Date().toISOString().slice(0, 10);
    this.todayDay = dayOf(this.today);
    this.family = family ?? new GoalFamily();
    this.priceKey = JSON.stringify(learner.eligibility ?? null);
    let prices = this.family.prices.get(this.priceKey);
    if (!prices) this.family.prices.set(this.priceKey, (prices = new Map()));
    this.filter = new LearnerFilter(
      index,
      learner,
      same ? same.filter.query : new LearnerQuery(index, learner),
      this.today,
      prices,
    );
    this.codes = same ? same.codes : codeSkills(index, learner, goal.skills);
    const excluded = new Set<number>();
    for (const id of opts.excludeOpportunityIds ?? []) {
      const slot = index.slotOf(id);
      if (slot !== undefined) excluded.add(slot);
    }
    this.excluded = excluded;
    this.hoursPerWeek =
      learner.hoursPerWeek && learner.hoursPerWeek > 0 ? learner.hoursPerWeek : DEFAULT_HOURS_PER_WEEK;
    const scanKey = JSON.stringify([learner.modes ?? null, learner.access ?? null, this.priceKey]);
    let scans = this.family.scans.get(scanKey);
    if (!scans) this.family.scans.set(scanKey, (scans = newTeacherScans()));
    const viewKey = JSON.stringify([scanKey, learner.travelRadiusKm ?? null, learner.budgetPence ?? null]);
    let view = this.family.views.get(viewKey);
    if (!view) this.family.views.set(viewKey, (view = { scans: newNeedScans(scans), candidates: new Map() }));
    this.view = view;
  }

  /** The same goal for a learner with some facts changed (a what-if). */
  with(change: Partial<LearnerRecord>): GoalContext {
    // The learner's skills and modes (all the compiled query and skill codes depend on) unchanged: reuse them.
    const same = !('skills' in change) && !('modes' in change) ? this : undefined;
    const kin = Object.keys(change).every((k) => FAMILY_FACTS.has(k));
    return new GoalContext(
      this.index,
      { ...this.learner, ...change },
      this.goal,
      this.opts,
      same,
      kin ? this.family : undefined,
    );
  }

  private readonly memos = new Map<string, unknown>();
  private unbudgetedCtx: GoalContext | undefined;

  /** Something worked out once per context (the learner, goal and options do not change). */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  /** The same goal with no budget (what funding could bring within reach), made once. */
  get unbudgeted(): GoalContext {
    this.unbudgetedCtx ??= this.with({ budgetPence: undefined });
    return this.unbudgetedCtx;
  }

  /** The same learner and goal planned with other options (a probe's node limit). */
  withOpts(opts: RoadmapOptions): GoalContext {
    const keys = new Set([...Object.keys(opts), ...Object.keys(this.opts)]) as Set<keyof RoadmapOptions>;
    const kin = [...keys].every((k) => k === 'nodeLimit' || opts[k] === this.opts[k]);
    return new GoalContext(this.index, this.learner, this.goal, opts, this, kin ? this.family : undefined);
  }

  get perSkill(): number {
    return this.opts.candidatesPerSkill ?? DEFAULT_CANDIDATES_PER_SKILL;
  }

  candidates(diverse = false): number[] {
    let c = this.view.candidates.get(diverse);
    if (!c) {
      roadmapWork.collections++;
      c = collectCandidates({
        index: this.index,
        filter: this.filter,
        codes: this.codes,
        perSkill: this.perSkill,
        excluded: this.excluded,
        diverse,
        scans: this.view.scans,
      });
      this.view.candidates.set(diverse, c);
    }
    return c;
  }

  hours(slot: number): number {
    const h = this.index.hours.data[slot];
    return Number.isNaN(h) ? 0 : h;
  }

  /** Weeks a step takes: its stated duration, else its hours at the learner's (or its own, lower) pace. */
  durationWeeks(slot: number): number {
    const stated = this.index.durationWeeks.data[slot];
    if (!Number.isNaN(stated)) return stated;
    const own = this.index.hoursPerWeek.data[slot];
    const pace = Number.isNaN(own) ? this.hoursPerWeek : Math.min(this.hoursPerWeek, own);
    return Math.max(1, Math.ceil(this.hours(slot) / pace));
  }

  /** Weeks from today to the step's own start date (0 when it has none or it has passed). */
  waitWeeks(slot: number): number {
    const start = this.index.startDay.data[slot];
    return start > this.todayDay ? (start - this.todayDay) / 7 : 0;
  }

  /** Distance to an attended step, 0 for online or unknown. */
  travelKm(slot: number): number {
    const d = this.filter.distance(slot);
    return Number.isNaN(d) ? 0 : d;
  }

  costOf(slot: number, w: Weighting): number {
    let c = this.hours(slot) * w.perHour + (this.filter.costFor(slot) / 100) * w.perPound;
    if (w.perWeek) c += w.perWeek * (this.waitWeeks(slot) + this.durationWeeks(slot));
    if (w.perKm) c += w.perKm * this.travelKm(slot);
    return c * outcomeCostFactor(this.opts.outcomes?.get(this.index.ids[slot]));
  }

  defaultWeighting(): Weighting {
    return {
      perHour: this.opts.weights?.perHour ?? DEFAULT_WEIGHTS.perHour,
      perPound: this.opts.weights?.perPound ?? DEFAULT_WEIGHTS.perPound,
    };
  }

  /**
   * The candidates as a planning input and its objective-free compilation, once per candidate set:
   * alternatives weigh the same candidates differently, and only the costs change between them.
   */
  private compiled(diverse: boolean): CompiledCandidates {
    const slots = this.candidates(diverse);
    // Besides the slots, the input depends on prices (eligibility) and the budget only. Keyed by a hash
    // of the slots, checked in full: on a clash the set is compiled afresh (and not kept).
    let h = 0x811c9dc5;
    for (const slot of slots) h = Math.imul(h ^ slot, 16777619);
    const key = `${this.priceKey}|${this.learner.budgetPence ?? ''}|${slots.length}|${h >>> 0}`;
    let c = this.family.compiled.get(key);
    const clash = c !== undefined && c.slots.some((slot, i) => slot !== slots[i]);
    if (c && !clash) roadmapWork.compileHits++;
    else roadmapWork.compiles++;
    if (!c || clash) {
      const input = codedProblemInput({
        index: this.index,
        filter: this.filter,
        codes: this.codes,
        slots,
        budgetPence: this.learner.budgetPence ?? Infinity,
        costOf: () => 0,
      });
      c = {
        slots,
        input,
        prepared: prepareCodedProblem(input),
        solved: new Map(),
      };
      if (!clash) this.family.compiled.set(key, c);
    }
    return c;
  }

  /** Solves the goal with the same solver as the batch planner. */
  solve(w: Weighting = this.defaultWeighting(), diverse = false): SolvedGoal {
    const compiled = this.compiled(diverse);
    const { nodeLimit, key } = this.solveKey(w);
    let solved = compiled.solved.get(key);
    if (solved) roadmapWork.solveHits++;
    else roadmapWork.solves++;
    if (!solved) {
      solved = this.solveProblem(compiled, this.problemFor(compiled, w), nodeLimit);
      compiled.solved.set(key, solved);
    }
    return { ...solved, slots: [...solved.slots] };
  }

  /**
   * Whether solve() would find the goal reachable, without its search when the answer is already
   * certain: a goal skill nothing usable covers cannot be reached; and when one of the solver's own
   * greedy seeds covers every goal item within the budget, the solver keeps a plan that does (a plan
   * covering fewer items always weighs more), so it is reachable.
   */
  reaches(): boolean {
    const compiled = this.compiled(false);
    const w = this.defaultWeighting();
    const { nodeLimit, key } = this.solveKey(w);
    const known = compiled.solved.get(key);
    if (known) return known.reachable;
    const problem = this.problemFor(compiled, w);
    if (problem.goalItemOf.some((it) => it === -2)) return false;
    // (With a cost that is not finite the solver's weighing breaks down: leave that to the solver.)
    let total = 0;
    for (let o = 0; o < problem.n; o++) total += problem.cost[o];
    for (const seed of Number.isFinite(total) ? seedWeightings(problem) : []) {
      const e = evaluateOps(problem, pruneRedundant(problem, greedyComplete(problem, [], null, seed)));
      if (e.valid && e.covered === problem.goalItems.length) return true;
    }
    roadmapWork.solves++;
    const solved = this.solveProblem(compiled, problem, nodeLimit);
    compiled.solved.set(key, solved);
    return solved.reachable;
  }

  /**
   * A compiled set's solves are kept per node limit and weighting: costs depend on the weighting and
   * on facts the whole family shares (pace, location, day, outcomes).
   */
  private solveKey(w: Weighting): { nodeLimit: number; key: string } {
    const nodeLimit = this.opts.nodeLimit ?? DEFAULT_ROADMAP_NODE_LIMIT;
    return { nodeLimit, key: `${nodeLimit}|${JSON.stringify(w)}` };
  }

  private problemFor(c: CompiledCandidates, w: Weighting): PlanProblem {
    const cost = new Float64Array(c.slots.length);
    for (let i = 0; i < c.slots.length; i++) cost[i] = this.costOf(c.slots[i], w);
    return compileCodedProblem({ ...c.input, cost }, this.perSkill, c.prepared);
  }

  private solveProblem(c: CompiledCandidates, problem: PlanProblem, nodeLimit: number): SolvedGoal {
    const solved = solvePlanProblem(problem, { nodeLimit, improveRounds: 0 });
    const result = describeSolution(solved);
    return {
      // Steps as slots: each op's source is its place in the input, which lists the candidate slots in order.
      slots: solved.ops.map((o) => c.slots[problem.source[o]]),
      reachable: result.reachable,
      coverage: result.coverage,
      missing: result.missing,
      objective: result.cost,
      problem,
    };
  }
}

interface CompiledCandidates {
  slots: number[];
  /** Costs are placeholders: each solve supplies its own. */
  input: CodedPlanInput;
  prepared: PreparedProblem;
  /** Solves of this set, per node limit and weighting. */
  solved: Map<string, SolvedGoal>;
}
