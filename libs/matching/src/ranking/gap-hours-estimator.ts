import { CatalogueIndex } from '../index/catalogue-index';
import { LEARNING_KINDS, SkillLevel } from '../lib/matching.types';
import { LearnerFilter } from './rank-opportunities';

const LEARNING = new Set<string>(LEARNING_KINDS);

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
