import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord } from '../lib/matching.types';
import { findBlockers, findWhatIfs, fundingQuestions } from './diagnose';
import { dayOf, isoDay, longDate } from './dates';
import { summarise } from './explain';
import { GoalContext, SolvedGoal } from './goal-context';
import { suggestAlternatives } from './goal-hours';
import { bestJobs } from './jobs';
import { Blocker, Roadmap, RoadmapGoal, RoadmapOptions, WhatIf } from './roadmap.types';
import { schedule } from './schedule';

export type { Roadmap, RoadmapGoal, RoadmapJob, RoadmapOptions, RoadmapStep } from './roadmap.types';

/** A first step further off than this gets a note, and the alternatives offer a sooner one. */
export const LATE_START_WEEKS = 8;

/** What is the same for every plan of one goal: why it is blocked, what would unblock it, what to ask. */
export interface GoalDiagnosis {
  blockers: Blocker[];
  whatIfs: WhatIf[];
  untaught: string[];
  /** Other occupations to aim for instead (when unreachable). */
  alternatives: { occupationId: string; title: string; gapHours: number }[];
}

export function diagnoseGoal(ctx: GoalContext, solved: SolvedGoal): GoalDiagnosis {
  if (solved.reachable) return { blockers: [], whatIfs: [], untaught: [], alternatives: [] };
  const { blockers, untaught } = findBlockers(ctx, solved);
  const alternatives = suggestAlternatives({
    index: ctx.index,
    learner: ctx.learner,
    goal: ctx.goal,
    opts: ctx.opts,
    occupations: ctx.opts.occupations ?? [],
  });
  if (ctx.opts.skipDiagnosis) return { blockers, whatIfs: [], untaught, alternatives };
  return { blockers, whatIfs: findWhatIfs(ctx, solved, untaught), untaught, alternatives };
}

/** A solved goal as the product's roadmap: schedule, jobs, reasons, blockers and what-ifs, summary. */
export function buildRoadmap(ctx: GoalContext, solved: SolvedGoal, diagnosis: GoalDiagnosis): Roadmap {
  const { index, goal } = ctx;
  const s = schedule(ctx, solved.slots, solved.objective);
  const jobs = bestJobs(ctx, s.have, s.endDay);
  const missingSkills = goal.skills.filter((g) => solved.missing.includes(g.skill));
  const alternatives = diagnosis.alternatives;
  const blockedSlots = diagnosis.blockers
    .map((b) => (b.opportunityId ? index.slotOf(b.opportunityId) : undefined))
    .filter((x): x is number => x !== undefined);
  const questions = fundingQuestions(ctx, blockedSlots).filter(
    (q) =>
      s.steps.some((st) => st.ask?.question === q.question) ||
      diagnosis.blockers.some((b) => b.question === q.question) ||
      diagnosis.whatIfs.some((w) => w.question === q.question),
  );
  // A missing skill that a course the learner dropped would teach is not "taught by nothing".
  const droppedTeaching = missingSkills
    .filter((m) =>
      [...ctx.excluded].some((slot) =>
        index.record(slot).teaches.some((t) => t.skill === m.skill && t.level >= m.level),
      ),
    )
    .map((m) => m.skill);
  const weeksAway = s.firstStartDay === undefined ? 0 : (s.firstStartDay - ctx.todayDay) / 7;
  // Why so late: the first course's next start is then (no earlier intake is known).
  const firstStep = s.steps.find((st) => st.plannedStart && dayOf(st.plannedStart) === s.firstStartDay);
  const startNote =
    s.firstStartDay !== undefined && weeksAway > LATE_START_WEEKS
      ? `The first step starts on ${longDate(s.firstStartDay)}, ${monthsOrWeeks(weeksAway)} from now${firstStep ? `: that is when ${firstStep.title} next starts` : ''}.`
      : undefined;
  return {
    goal: goal.title,
    reachable: solved.reachable,
    coverage: solved.coverage,
    steps: s.steps,
    jobs,
    missingSkills,
    untaughtSkills: diagnosis.untaught,
    alternatives,
    totals: s.totals,
    ...(s.firstStartDay !== undefined ? { firstStart: isoDay(s.firstStartDay) } : {}),
    ...(startNote ? { startNote } : {}),
    blockers: diagnosis.blockers,
    whatIfs: diagnosis.whatIfs,
    questions,
    summary: summarise({
      graph: index.graph,
      goal: goal.title,
      reachable: solved.reachable,
      steps: s.steps.length,
      hours: s.totals.hours,
      costPence: s.totals.costPence,
      weeks: s.totals.weeks,
      missing: missingSkills,
      untaught: diagnosis.untaught,
      droppedTeaching,
      firstBlocker: diagnosis.blockers.find((b) => b.kind !== 'NOTHING_TEACHES')?.message,
      jobs: jobs.length,
      alternatives,
    }),
  };
}

function monthsOrWeeks(weeks: number): string {
  const months = Math.round((weeks * 7) / 30.44);
  return months >= 2 ? `${months} months` : `${Math.round(weeks)} weeks`;
}

/**
 * The product's roadmap: candidates from the index that this learner can use (mode, distance, access,
 * closing date, budget after funding), the same solver as the batch planner, then a schedule by start
 * dates and hours per week, the best live jobs for the goal at the end, and plain-English reasons.
 * When the goal is out of reach: the most coverage the constraints allow (then cheapest), what blocks
 * the rest, and the changes (checked by re-planning) that would reach it.
 */
export function planRoadmap(
  index: CatalogueIndex,
  learner: LearnerRecord,
  goal: RoadmapGoal,
  opts: RoadmapOptions = {},
): Roadmap {
  const ctx = new GoalContext(index, learner, goal, opts);
  const solved = ctx.solve();
  return buildRoadmap(ctx, solved, diagnoseGoal(ctx, solved));
}
