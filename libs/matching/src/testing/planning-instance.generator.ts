import { DELIVERY_MODES, DeliveryMode, SkillLevel } from '../lib/matching.types';
import { PlanningInstance, PlanningOpportunity } from '../planner/planning.types';
import { SeededRandom } from './seeded-random';

export interface GeneratorOptions {
  opportunities: number;
  /** Allow requirements that can form cycles (same-skill upgrades, requirements on later skills). */
  cyclic?: boolean;
  /** Probability of a budget. */
  budgetChance?: number;
}

const MODES: DeliveryMode[] = [...DELIVERY_MODES];
const CENTRE = { lat: 53.4794, lon: -2.2453 };

/**
 * Random planning instances built to be hard for greedy: overlapping offers of different sizes with
 * economies of scale, cheap offers locked behind entry requirements, prerequisite chains, unusable
 * offers (wrong mode, too far), and budgets that bind. Without `cyclic`, every requirement is on a
 * skill with a lower index than anything its opportunity teaches, so requirements can never form a
 * cycle.
 */
export function generatePlanningInstance(seed: number, opts: GeneratorOptions): PlanningInstance {
  const rng = new SeededRandom(seed);
  const n = opts.opportunities;
  const skillCount = Math.max(8, Math.round(n / 3) + rng.int(0, 10));
  const skill = (i: number): string => `S${i}`;

  const learnerSkills: SkillLevel[] = [];
  for (let i = 0; i < Math.min(4, skillCount); i++)
    if (rng.chance(0.6)) learnerSkills.push({ skill: skill(i), level: rng.int(1, 3) });

  const goalCount = rng.int(3, Math.min(10, Math.max(3, Math.floor(skillCount / 3))));
  const goalSet = new Set<number>();
  while (goalSet.size < goalCount) goalSet.add(rng.int(Math.floor(skillCount / 4), skillCount - 1));
  const goal = [...goalSet].map((i) => ({ skill: skill(i), level: rng.int(1, 4) }));

  const opportunities: PlanningOpportunity[] = [];
  for (let k = 0; k < n; k++) {
    const width = rng.chance(0.25) ? rng.int(3, 6) : rng.int(1, 2);
    const anchor = rng.int(1, skillCount - 1);
    const taught = new Set<number>();
    for (let t = 0; t < width; t++) {
      const s = Math.min(skillCount - 1, Math.max(0, anchor + rng.int(-3, 3)));
      taught.add(rng.chance(0.3) ? rng.pick([...goalSet]) : s);
    }
    const teaches = [...taught].map((s) => ({ skill: skill(s), level: rng.int(1, 5) }));
    const minTaught = Math.min(...taught);
    const requires: SkillLevel[] = [];
    const reqCount = rng.chance(0.45) ? rng.int(1, 2) : 0;
    for (let r = 0; r < reqCount; r++) {
      if (opts.cyclic && rng.chance(0.5)) {
        const t = rng.pick(teaches);
        if (rng.chance(0.5) && t.level > 1) requires.push({ skill: t.skill, level: rng.int(1, t.level - 1) });
        else requires.push({ skill: skill(rng.int(0, skillCount - 1)), level: rng.int(1, 3) });
      } else if (minTaught > 0) {
        requires.push({
          skill: skill(rng.int(Math.max(0, minTaught - 6), minTaught - 1)),
          level: rng.int(1, 3),
        });
      }
    }
    // Wide offers are cheaper per skill (the greedy bait); locked offers (with requirements) are cheap.
    const perSkillHours = rng.int(8, 40) * (width >= 3 ? 0.75 : 1) * (requires.length > 0 ? 0.6 : 1);
    const hours = Math.round(perSkillHours * width * (0.7 + 0.6 * rng.next()));
    const costPence = rng.chance(0.3) ? 0 : rng.int(5, 60) * 1000 * width;
    const mode = rng.pick(MODES);
    const far = rng.chance(0.1);
    const location =
      mode === 'ONLINE'
        ? undefined
        : {
            lat: CENTRE.lat + (far ? 1 : 0.15) * (rng.next() - 0.5),
            lon: CENTRE.lon + (far ? 1.5 : 0.2) * (rng.next() - 0.5),
          };
    opportunities.push({
      id: `O${String(k).padStart(3, '0')}`,
      kind: 'COURSE',
      teaches,
      requires,
      hours,
      costPence,
      mode,
      ...(location ? { location } : {}),
    });
  }
  const withBudget = rng.chance(opts.budgetChance ?? 0.5);
  return {
    id: `gen-${seed}-${n}${opts.cyclic ? '-c' : ''}`,
    learner: {
      skills: learnerSkills,
      ...(withBudget ? { budgetPence: rng.int(2, 40) * 10000 } : {}),
      modes: rng.chance(0.8) ? MODES : rng.chance(0.5) ? ['ONLINE', 'HYBRID'] : ['IN_PERSON', 'ONLINE'],
      location: CENTRE,
      travelRadiusKm: rng.int(10, 40),
    },
    goal: { skills: goal },
    opportunities,
    weights: { perHour: 1, perPound: rng.pick([0.1, 0.05, 0.5]) },
  };
}
