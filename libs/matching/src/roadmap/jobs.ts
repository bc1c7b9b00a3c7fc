import { JOB_KINDS, OPPORTUNITY_KINDS, SkillLevel } from '../lib/matching.types';
import { distanceWords } from '../lib/geo';
import { longDate } from './dates';
import { GoalContext } from './goal-context';
import { RoadmapJob } from './roadmap.types';

const JOB_KIND_CODES = OPPORTUNITY_KINDS.map((k) => JOB_KINDS.includes(k));

/**
 * The best-fitting live jobs for the goal, as the learner will be once the plan is done (fit by the
 * one skill-credit formula, related skills included, as everywhere else). Adverts rarely stay open as
 * long as a plan takes: one that closes before the plan ends still shows the kind of job it leads to,
 * and its reason says so, with how many like it are open near the learner now.
 */
export function bestJobs(
  ctx: GoalContext,
  have: ReadonlyMap<string, number>,
  planEndDay: number,
): RoadmapJob[] {
  const { index, filter, goal } = ctx;
  if (!goal.occupationId) return [];
  // The learner's own query plus what the plan adds (the same as building one from `have`).
  const gained: SkillLevel[] = [];
  const own = new Map<string, number>();
  for (const s of ctx.learner.skills) own.set(s.skill, Math.max(own.get(s.skill) ?? 0, s.level));
  for (const [skill, level] of have) if ((own.get(skill) ?? 0) < level) gained.push({ skill, level });
  const q = filter.query.plus(gained);
  const scored: { slot: number; fit: number }[] = [];
  for (const slot of index.slotsForOccupation(goal.occupationId)) {
    if (
      !JOB_KIND_CODES[index.kind.data[slot]] ||
      ctx.excluded.has(slot) ||
      !filter.passesCheap(slot) ||
      !filter.withinRadius(slot)
    )
      continue;
    const a = index.requires.start.data[slot];
    const b = index.requires.start.data[slot + 1];
    let got = 0;
    for (let i = a; i < b; i++) got += q.credit(index.requires.skill.data[i], index.requires.level.data[i]);
    scored.push({ slot, fit: b > a ? got / (b - a) : 1 });
  }
  scored.sort((x, y) => y.fit - x.fit || (index.ids[x.slot] < index.ids[y.slot] ? -1 : 1));
  const openNow = scored.length;
  return scored.slice(0, 3).map(({ slot, fit }) => {
    const d = filter.distance(slot);
    const pct = Math.round(fit * 100);
    const closing = index.closingDay.data[slot];
    const parts = [`After these steps you will have ${pct}% of the skills this job asks for.`];
    if (!Number.isNaN(d)) parts.push(distanceWords(d));
    const closesEarly = closing >= 0 && closing < planEndDay;
    if (closesEarly)
      parts.push(
        `This advert closes on ${longDate(closing)}, before your plan ends. Jobs like it come up often: ${openNow === 1 ? '1 is' : `${openNow} are`} open near you now.`,
      );
    return {
      opportunityId: index.ids[slot],
      kind: index.kindOf(slot),
      title: index.titles[slot],
      fit: Math.round(fit * 1e4) / 1e4,
      ...(Number.isNaN(d) ? {} : { distanceKm: Math.round(d * 10) / 10 }),
      why: parts.join(' '),
      ...(closesEarly ? { closesBeforePlanEnds: true } : {}),
    };
  });
}
