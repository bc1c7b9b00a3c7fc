import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord, OccupationRecord } from '../lib/matching.types';
import { GapHoursEstimator } from '../ranking/gap-hours-estimator';
import { GoalContext } from './goal-context';
import { RoadmapGoal, RoadmapOptions } from './roadmap.types';
import { schedule } from './schedule';

export interface GoalHours {
  /** Hours of the plan the roadmap would make (partial when unreachable). */
  hours: number;
  costPence: number;
  weeks: number;
  reachable: boolean;
}

/** An occupation as a roadmap goal: its essential skills (what the roadmap plans for). */
export const occupationGoal = (occ: OccupationRecord): RoadmapGoal => ({
  title: occ.title,
  skills: occ.essential,
  occupationId: occ.id,
});

/**
 * The hours, cost and weeks of the plan `planRoadmap` makes for this goal with the same options: the
 * one computation behind "about 25 hours" on "Jobs in reach" and the roadmap's own totals.
 */
export function goalHours(
  index: CatalogueIndex,
  learner: LearnerRecord,
  goal: RoadmapGoal,
  opts: RoadmapOptions = {},
): GoalHours {
  return hoursOf(new GoalContext(index, learner, goal, opts));
}

export function hoursOf(ctx: GoalContext): GoalHours {
  const solved = ctx.solve();
  const s = schedule(ctx, solved.slots, solved.objective);
  return {
    hours: s.totals.hours,
    costPence: s.totals.costPence,
    weeks: s.totals.weeks,
    reachable: solved.reachable,
  };
}

export interface AlternativeQuery {
  index: CatalogueIndex;
  learner: LearnerRecord;
  goal: RoadmapGoal;
  opts: RoadmapOptions;
  occupations: readonly OccupationRecord[];
}

/**
 * Other occupations sharing a goal skill, nearest first. A quick estimate picks a shortlist; each of
 * those is then planned, so the hours shown are the hours its roadmap would have.
 */
export function suggestAlternatives(
  q: AlternativeQuery,
): { occupationId: string; title: string; gapHours: number }[] {
  const { index, learner, goal, occupations } = q;
  if (occupations.length === 0) return [];
  const first = new GoalContext(index, learner, goal, q.opts);
  const estimate = new GapHoursEstimator(index, first.filter);
  const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
  const goalSkills = new Set(goal.skills.map((g) => g.skill));
  const shortlist: { occ: OccupationRecord; estimate: number }[] = [];
  for (const occ of occupations) {
    if (occ.id === goal.occupationId || !occ.essential.some((e) => goalSkills.has(e.skill))) continue;
    let total = 0;
    for (const n of occ.essential) if ((held.get(n.skill) ?? 0) < n.level) total += estimate.hoursFor(n);
    if (Number.isFinite(total)) shortlist.push({ occ, estimate: total });
  }
  shortlist.sort((a, b) => a.estimate - b.estimate || (a.occ.id < b.occ.id ? -1 : 1));
  const out: { occupationId: string; title: string; gapHours: number }[] = [];
  for (const { occ } of shortlist.slice(0, 6)) {
    const h = goalHours(index, learner, occupationGoal(occ), { ...q.opts, skipDiagnosis: true });
    if (h.reachable) out.push({ occupationId: occ.id, title: occ.title, gapHours: h.hours });
  }
  return out
    .sort((a, b) => a.gapHours - b.gapHours || (a.occupationId < b.occupationId ? -1 : 1))
    .slice(0, 3);
}
