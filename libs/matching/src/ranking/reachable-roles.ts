import { CatalogueIndex } from '../index/catalogue-index';
import { JOB_KINDS, LearnerRecord, OccupationRecord } from '../lib/matching.types';
import { fitToOccupation } from '../fit/skill-fit';
import { GoalContext } from '../roadmap/goal-context';
import { hoursOf, occupationGoal } from '../roadmap/goal-hours';
import { RoadmapOptions } from '../roadmap/roadmap.types';
import { GapHoursEstimator } from './gap-hours-estimator';

export interface ReachableRole {
  occupationId: string;
  title: string;
  score: number;
  fit: number;
  /**
   * Hours of learning to close the essential gap: the hours of the roadmap planRoadmap makes for this
   * occupation with the same options (partial when a skill is out of reach).
   */
  gapHours: number;
  /** Live vacancies for this occupation within the learner's reach. */
  localDemand: number;
  missingSkills: { skill: string; need: number; have: number }[];
  /** Missing skills nothing on offer teaches to the level needed. */
  untaught: string[];
  explanation: string;
}

/** Roles planned per call: a quick estimate shortlists this many times k, each then planned for real hours. */
const PLANNED_PER_RESULT = 2;

/**
 * Occupations ranked by nearness (hours to close the gap) and local demand (live vacancies within
 * reach). Pass the roadmap's options (today, excluded steps) so the hours shown are the roadmap's.
 */
export function reachableRoles(
  index: CatalogueIndex,
  occupations: readonly OccupationRecord[],
  learner: LearnerRecord,
  k: number,
  opts: Pick<RoadmapOptions, 'today' | 'excludeOpportunityIds' | 'weights' | 'outcomes'> = {},
): ReachableRole[] {
  const base = new GoalContext(index, learner, { title: '', skills: [] }, opts);
  const filter = base.filter;
  const hours = new GapHoursEstimator(index, filter);
  const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
  const score = (gapHours: number, untaught: number, localDemand: number): number => {
    const nearness = untaught > 0 ? 0.1 / (1 + untaught) : 1 / (1 + gapHours / 40);
    const demand = 0.5 + 0.5 * Math.min(1, Math.log1p(localDemand) / Math.log(51));
    return Math.round(nearness * demand * 1e6) / 1e6;
  };
  const roles = occupations.map((occ) => {
    const fit = fitToOccupation(learner, occ, index.graph);
    const missing = occ.essential.filter((n) => (held.get(n.skill) ?? 0) < n.level);
    let gapHours = 0;
    const untaught: string[] = [];
    for (const n of missing) {
      const h = hours.hoursFor(n);
      if (h === Infinity) untaught.push(n.skill);
      else gapHours += h;
    }
    let localDemand = 0;
    for (const slot of index.slotsForOccupation(occ.id)) {
      if (JOB_KINDS.includes(index.kindOf(slot)) && filter.passesCheap(slot) && filter.withinRadius(slot))
        localDemand++;
    }
    return {
      occ,
      fit: Math.round(fit.score * 1e6) / 1e6,
      missing,
      untaught,
      gapHours,
      localDemand,
      score: score(gapHours, untaught.length, localDemand),
    };
  });
  const order = (
    a: { score: number; fit: number; occ: OccupationRecord },
    b: { score: number; fit: number; occ: OccupationRecord },
  ) => b.score - a.score || b.fit - a.fit || (a.occ.id < b.occ.id ? -1 : 1);
  roles.sort(order);
  // The shortlist gets the roadmap's own hours: one computation for "about N hours" and the roadmap.
  const shortlist = roles.slice(0, Math.max(k, k * PLANNED_PER_RESULT));
  for (const r of shortlist) {
    if (r.missing.length === 0) continue;
    const planned = hoursOf(
      new GoalContext(index, learner, occupationGoal(r.occ), { ...opts, skipDiagnosis: true }),
    );
    r.gapHours = planned.hours;
    r.score = score(planned.hours, r.untaught.length, r.localDemand);
  }
  shortlist.sort(order);
  return shortlist.slice(0, k).map((r): ReachableRole => {
    const { occ, missing, untaught, localDemand } = r;
    const lead =
      missing.length === 0
        ? `You already have the key skills for ${occ.title}.`
        : `About ${Math.round(r.gapHours)} hours of learning away from ${occ.title}.`;
    const jobs =
      localDemand === 0
        ? 'No open jobs near you right now.'
        : `${localDemand} open job${localDemand === 1 ? '' : 's'} near you.`;
    const gaps =
      untaught.length > 0
        ? ` Nothing on offer teaches ${untaught.map((s) => index.graph.label(s)).join(', ')} yet.`
        : '';
    return {
      occupationId: occ.id,
      title: occ.title,
      score: r.score,
      fit: r.fit,
      gapHours: Math.round(r.gapHours * 10) / 10,
      localDemand,
      missingSkills: missing.map((n) => ({ skill: n.skill, need: n.level, have: held.get(n.skill) ?? 0 })),
      untaught,
      explanation: `${lead} ${jobs}${gaps}`,
    };
  });
}
