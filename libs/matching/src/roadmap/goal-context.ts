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
import { describeSolution, solvePlanProblem } from '../planner/plan-solver';
import { DEFAULT_WEIGHTS } from '../planner/planning.types';
import { LearnerQuery } from '../ranking/learner-query';
import { LearnerFilter } from '../ranking/rank-opportunities';
import {
  LearnerSkillCodes,
  NeedScans,
  codeSkills,
  codedProblemInput,
  collectCandidates,
  newNeedScans,
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
  private readonly candidateMemo = new Map<boolean, number[]>();
  private readonly compiledMemo = new Map<boolean, CompiledCandidates>();
  /** The index scans behind both candidate sets (the diverse one looks further down the same lists). */
  private readonly scans: NeedScans = newNeedScans();

  constructor(
    readonly index: CatalogueIndex,
    readonly learner: LearnerRecord,
    readonly goal: RoadmapGoal,
    readonly opts: RoadmapOptions = {},
    /** From a context for the same learner's skills, modes and goal (a what-if): what does not change. */
    same?: GoalContext,
  ) {
    this.today = opts.today ?? new Date().toISOString().slice(0, 10);
    this.todayDay = dayOf(this.today);
    this.filter = new LearnerFilter(
      index,
      learner,
      same ? same.filter.query : new LearnerQuery(index, learner),
      this.today,
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
  }

  /** The same goal for a learner with some facts changed (a what-if). */
  with(change: Partial<LearnerRecord>): GoalContext {
    // The learner's skills and modes (all the compiled query and skill codes depend on) unchanged: reuse them.
    const same = !('skills' in change) && !('modes' in change) ? this : undefined;
    return new GoalContext(this.index, { ...this.learner, ...change }, this.goal, this.opts, same);
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
    return new GoalContext(this.index, this.learner, this.goal, opts, this);
  }

  get perSkill(): number {
    return this.opts.candidatesPerSkill ?? DEFAULT_CANDIDATES_PER_SKILL;
  }

  candidates(diverse = false): number[] {
    let c = this.candidateMemo.get(diverse);
    if (!c) {
      c = collectCandidates({
        index: this.index,
        filter: this.filter,
        codes: this.codes,
        perSkill: this.perSkill,
        excluded: this.excluded,
        diverse,
        scans: this.scans,
      });
      this.candidateMemo.set(diverse, c);
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
    let c = this.compiledMemo.get(diverse);
    if (!c) {
      const slots = this.candidates(diverse);
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
        bySlotId: new Map(slots.map((s) => [this.index.ids[s], s])),
      };
      this.compiledMemo.set(diverse, c);
    }
    return c;
  }

  /** Solves the goal with the same solver as the batch planner. */
  solve(w: Weighting = this.defaultWeighting(), diverse = false): SolvedGoal {
    const { slots, input, prepared, bySlotId } = this.compiled(diverse);
    const cost = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) cost[i] = this.costOf(slots[i], w);
    const problem = compileCodedProblem({ ...input, cost }, this.perSkill, prepared);
    const solved = solvePlanProblem(problem, {
      nodeLimit: this.opts.nodeLimit ?? DEFAULT_ROADMAP_NODE_LIMIT,
      improveRounds: 0,
    });
    const result = describeSolution(solved);
    return {
      slots: result.steps.map((id) => bySlotId.get(id) as number),
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
  bySlotId: Map<string, number>;
}
