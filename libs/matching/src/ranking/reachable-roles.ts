import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord, OccupationRecord, SkillLevel } from '../lib/matching.types';
import { fitToOccupation } from '../fit/skill-fit';
import { LearnerQuery } from './learner-query';
import { LearnerFilter } from './rank-opportunities';

export interface ReachableRole {
  occupationId: string;
  title: string;
  score: number;
  fit: number;
  /** Estimated hours of learning to close the essential gap, from what the catalogue offers. */
  gapHours: number;
  /** Live vacancies for this occupation within the learner's reach. */
  localDemand: number;
  missingSkills: { skill: string; need: number; have: number }[];
  /** Missing skills nothing on offer teaches to the level needed. */
  untaught: string[];
  explanation: string;
}

const LEARNING = new Set(['COURSE', 'BOOTCAMP', 'APPRENTICESHIP']);

/** Cheapest hours per skill among live usable offers teaching it to the level (hours shared across taught skills). */
export class GapHoursEstimator {
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly index: CatalogueIndex,
    private readonly filter: LearnerFilter,
  ) {}

  hoursFor(need: SkillLevel): number {
    const key = `${need.skill}\u0000${need.level}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const ix = this.index;
    const code = ix.findSkill(need.skill);
    let best = Infinity;
    for (const slot of code === undefined ? [] : ix.teachersOf(code)) {
      if (!LEARNING.has(ix.kindOf(slot)) || !ix.isAlive(slot)) continue;
      let level = 0;
      for (let i = ix.teaches.start.data[slot]; i < ix.teaches.start.data[slot + 1]; i++)
        if (ix.teaches.skill.data[i] === code) level = ix.teaches.level.data[i];
      if (level < need.level) continue;
      if (!this.filter.passesCheap(slot) || !this.filter.withinRadius(slot)) continue;
      const width = ix.teaches.start.data[slot + 1] - ix.teaches.start.data[slot];
      const h = Number.isNaN(ix.hours.data[slot]) ? 30 : ix.hours.data[slot];
      best = Math.min(best, h / width);
    }
    this.memo.set(key, best);
    return best;
  }
}

/** Occupations ranked by nearness (hours to close the gap) and local demand (live vacancies within reach). */
export function reachableRoles(
  index: CatalogueIndex,
  occupations: readonly OccupationRecord[],
  learner: LearnerRecord,
  k: number,
): ReachableRole[] {
  const q = new LearnerQuery(index, learner);
  const filter = new LearnerFilter(index, learner, q);
  const hours = new GapHoursEstimator(index, filter);
  const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
  const roles: ReachableRole[] = occupations.map((occ) => {
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
      const kind = index.kindOf(slot);
      if (
        (kind === 'VACANCY' || kind === 'APPRENTICESHIP') &&
        filter.passesCheap(slot) &&
        filter.withinRadius(slot)
      )
        localDemand++;
    }
    const nearness = untaught.length > 0 ? 0.1 / (1 + untaught.length) : 1 / (1 + gapHours / 40);
    const demand = 0.5 + 0.5 * Math.min(1, Math.log1p(localDemand) / Math.log(51));
    const score = Math.round(nearness * demand * 1e6) / 1e6;
    const lead =
      missing.length === 0
        ? `You already have the key skills for ${occ.title}.`
        : `About ${Math.round(gapHours)} hours of learning away from ${occ.title}.`;
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
      score,
      fit: Math.round(fit.score * 1e6) / 1e6,
      gapHours: Math.round(gapHours * 10) / 10,
      localDemand,
      missingSkills: missing.map((n) => ({ skill: n.skill, need: n.level, have: held.get(n.skill) ?? 0 })),
      untaught,
      explanation: `${lead} ${jobs}${gaps}`,
    };
  });
  roles.sort((a, b) => b.score - a.score || b.fit - a.fit || (a.occupationId < b.occupationId ? -1 : 1));
  return roles.slice(0, k);
}
