import type { DemoOccupation, DemoOpportunity, DemoSkillLevel } from './demo-data.types';
import { LEARNING_KINDS } from '@skillpath/vocabulary';

/** Skill code → highest level held. */
export type HeldSkills = Map<string, number>;

const meets = (held: HeldSkills, required: DemoSkillLevel[]): boolean =>
  required.every(({ skill, level }) => (held.get(skill) ?? 0) >= level);

/**
 * Every skill (at its highest level) that a learner starting from `start` could gain from the
 * courses, bootcamps and apprenticeships on offer, ignoring time, money and distance: repeatedly
 * take each learning opportunity whose entry requirements are met until nothing changes.
 * A check on the catalogue, not the planner.
 */
export function reachableSkills(opportunities: DemoOpportunity[], start: HeldSkills = new Map()): HeldSkills {
  const held = new Map(start);
  const learning = opportunities.filter((o) => LEARNING_KINDS.includes(o.kind));
  let changed = true;
  while (changed) {
    changed = false;
    for (const opportunity of learning) {
      if (!meets(held, opportunity.skillsRequired)) continue;
      for (const { skill, level } of opportunity.skillsTaught) {
        if ((held.get(skill) ?? 0) < level) {
          held.set(skill, level);
          changed = true;
        }
      }
    }
  }
  return held;
}

/** The essential skills of an occupation that `held` does not reach, with the level short by. */
export function missingEssentials(
  occupation: DemoOccupation,
  held: HeldSkills,
): { skill: string; need: number; have: number }[] {
  return occupation.essential
    .filter(({ skill, level }) => (held.get(skill) ?? 0) < level)
    .map(({ skill, level }) => ({ skill, need: level, have: held.get(skill) ?? 0 }));
}
