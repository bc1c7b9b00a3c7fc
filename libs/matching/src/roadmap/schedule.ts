import { priceFor } from '../funding/price';
import { SkillLevel } from '../lib/matching.types';
import { explainStep } from './explain';
import { isoDay } from './dates';
import { GoalContext } from './goal-context';
import { RoadmapStep, RoadmapTotals } from './roadmap.types';

export interface Schedule {
  steps: RoadmapStep[];
  /** Skill levels held once every step is done. */
  have: Map<string, number>;
  firstDay: number;
  /** Day the last step ends (today when there are none). */
  endDay: number;
  /** Day the first step starts (undefined with no steps). */
  firstStartDay?: number;
  totals: RoadmapTotals;
}

/** In plan order, each step starts when the previous ends, or at its own later start date. */
export function schedule(ctx: GoalContext, slots: readonly number[], objective: number): Schedule {
  const { index, filter, goal } = ctx;
  let cursor = ctx.todayDay;
  const have = new Map<string, number>();
  for (const s of ctx.learner.skills) have.set(s.skill, Math.max(have.get(s.skill) ?? 0, s.level));
  const goalLevels = new Map(goal.skills.map((g) => [g.skill, g.level]));
  const steps: RoadmapStep[] = [];
  let totalHours = 0;
  let totalCost = 0;
  let travel = 0;
  let firstStartDay: number | undefined;
  slots.forEach((slot, position) => {
    const rec = index.record(slot);
    const own = index.startDay.data[slot];
    const start = own >= cursor ? own : cursor;
    if (firstStartDay === undefined) firstStartDay = start;
    const end = start + Math.ceil(ctx.durationWeeks(slot) * 7);
    cursor = end;
    const gained = rec.teaches.filter((t) => (have.get(t.skill) ?? 0) < t.level);
    for (const t of gained) have.set(t.skill, t.level);
    const price = priceFor(ctx.learner.eligibility, index.pricing(slot));
    const distance = filter.distance(slot);
    const hours = rec.hours ?? 0;
    totalHours += hours;
    totalCost += price.pricePence;
    if (!Number.isNaN(distance)) travel += distance;
    steps.push({
      opportunityId: rec.id,
      kind: rec.kind,
      title: rec.title,
      position: position + 1,
      skillsGained: gained.map((t): SkillLevel => ({ skill: t.skill, level: t.level })),
      why: explainStep({
        graph: index.graph,
        accredited: rec.accreditedSkills ?? [],
        gained,
        goalLevels,
        goalTitle: goal.title,
        price,
        distance,
        mode: rec.mode,
      }),
      hours,
      costToLearnerPence: price.pricePence,
      listPricePence: price.listPence,
      ...(price.ruleId ? { fundingRuleId: price.ruleId } : {}),
      ...(price.ask ? { ask: price.ask } : {}),
      plannedStart: isoDay(start),
      plannedEnd: isoDay(end),
      ...(Number.isNaN(distance) ? {} : { distanceKm: Math.round(distance * 10) / 10 }),
    });
  });
  return {
    steps,
    have,
    firstDay: ctx.todayDay,
    endDay: cursor,
    firstStartDay,
    totals: {
      hours: Math.round(totalHours * 10) / 10,
      costPence: totalCost,
      weeks: Math.round(((cursor - ctx.todayDay) / 7) * 10) / 10,
      objective,
      travelKm: Math.round(travel * 10) / 10,
    },
  };
}
