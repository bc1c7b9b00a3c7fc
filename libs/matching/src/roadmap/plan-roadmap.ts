import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord, OccupationRecord, SkillLevel } from '../lib/matching.types';
import { compilePlanProblem } from '../planner/plan-problem';
import { describeSolution, solvePlanProblem } from '../planner/plan-solver';
import { PlanningInstance, PlanningOpportunity, PlanningWeights } from '../planner/planning.types';
import { LearnerQuery } from '../ranking/learner-query';
import { LearnerFilter } from '../ranking/rank-opportunities';
import { GapHoursEstimator } from '../ranking/reachable-roles';

export interface RoadmapGoal {
  title: string;
  skills: SkillLevel[];
  /** When the goal is an occupation: used to end the roadmap in real jobs for it. */
  occupationId?: string;
}

export interface RoadmapOptions {
  /** Other occupations to suggest when the goal cannot be reached. */
  occupations?: readonly OccupationRecord[];
  /** ISO date the plan starts from (default: today). */
  today?: string;
  weights?: Partial<PlanningWeights>;
  nodeLimit?: number;
  /** Best candidates kept per needed skill. */
  candidatesPerSkill?: number;
}

export interface RoadmapStep {
  opportunityId: string;
  kind: string;
  title: string;
  position: number;
  skillsGained: SkillLevel[];
  why: string;
  hours: number;
  costToLearnerPence: number;
  plannedStart: string;
  plannedEnd: string;
  distanceKm?: number;
}

export interface RoadmapJob {
  opportunityId: string;
  kind: string;
  title: string;
  fit: number;
  distanceKm?: number;
  why: string;
}

export interface Roadmap {
  goal: string;
  reachable: boolean;
  coverage: number;
  steps: RoadmapStep[];
  jobs: RoadmapJob[];
  missingSkills: SkillLevel[];
  /** Goal skills that nothing on offer to this learner teaches. */
  untaughtSkills: string[];
  alternatives: { occupationId: string; title: string; gapHours: number }[];
  totals: { hours: number; costPence: number; weeks: number; objective: number };
  summary: string;
}

const LEARNING_KINDS = new Set(['COURSE', 'BOOTCAMP', 'APPRENTICESHIP']);
const DAY_MS = 86_400_000;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const DEFAULT_HOURS_PER_WEEK = 6;

/** Candidates: live usable offers teaching a goal skill, then (up to 3 levels) what unlocks them. */
function collectCandidates(index: CatalogueIndex, filter: LearnerFilter, goal: SkillLevel[], perSkill: number, held: Map<string, number>): number[] {
  const chosen = new Set<number>();
  let frontier = goal.filter((g) => (held.get(g.skill) ?? 0) < g.level);
  const seenNeeds = new Set<string>();
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: SkillLevel[] = [];
    // Goal skills get the full choice; what merely unlocks a course gets a shorter list.
    const limit = depth === 0 ? perSkill : Math.max(4, Math.ceil(perSkill / 5));
    for (const need of frontier) {
      const key = `${need.skill}\u0000${need.level}`;
      if (seenNeeds.has(key)) continue;
      seenNeeds.add(key);
      const code = index.findSkill(need.skill);
      if (code === undefined) continue;
      // Teachers come cheapest-first (by list price), so stop once enough usable ones are found; funding
      // can only make one cheaper, and the few cheapest in money are kept for tight budgets.
      const { slots: teachers, sorted } = index.teachersInOrder(code);
      const ok: { slot: number; value: number; money: number }[] = [];
      for (let t = 0; t < teachers.length; t++) {
        if (t < sorted && ok.length >= limit * 2) {
          t = sorted - 1;
          continue;
        }
        const slot = teachers[t];
        if (!LEARNING_KINDS.has(index.kindOf(slot)) || !filter.passesCheap(slot) || !filter.withinRadius(slot)) continue;
        let level = 0;
        for (let i = index.teaches.start.data[slot]; i < index.teaches.start.data[slot + 1]; i++) if (index.teaches.skill.data[i] === code) level = index.teaches.level.data[i];
        if (level < need.level) continue;
        const h = Number.isNaN(index.hours.data[slot]) ? 0 : index.hours.data[slot];
        ok.push({ slot, value: h + filter.costFor(slot) / 1000, money: filter.costFor(slot) });
      }
      const keep = new Set([
        ...[...ok].sort((a, b) => a.value - b.value || a.slot - b.slot).slice(0, limit),
        ...[...ok].sort((a, b) => a.money - b.money || a.value - b.value).slice(0, Math.ceil(limit / 4)),
      ]);
      for (const { slot } of keep) {
        if (chosen.has(slot)) continue;
        chosen.add(slot);
        for (let i = index.requires.start.data[slot]; i < index.requires.start.data[slot + 1]; i++) {
          const skill = index.skillName(index.requires.skill.data[i]);
          const level = index.requires.level.data[i];
          if ((held.get(skill) ?? 0) < level) next.push({ skill, level });
        }
      }
    }
    frontier = next;
  }
  return [...chosen];
}

/**
 * The product's roadmap: candidates from the index that this learner can use (mode, distance, access,
 * closing date, budget after funding), the same solver as the batch planner, then a schedule by start
 * dates and hours per week, the best live jobs for the goal at the end, and plain-English reasons.
 */
export function planRoadmap(index: CatalogueIndex, learner: LearnerRecord, goal: RoadmapGoal, opts: RoadmapOptions = {}): Roadmap {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const q = new LearnerQuery(index, learner);
  const filter = new LearnerFilter(index, learner, q, today);
  const held = new Map<string, number>();
  for (const s of learner.skills) held.set(s.skill, Math.max(held.get(s.skill) ?? 0, s.level));
  const slots = collectCandidates(index, filter, goal.skills, opts.candidatesPerSkill ?? 20, held);
  const bySlot = new Map<string, number>();
  const opportunities: PlanningOpportunity[] = slots.map((slot) => {
    const rec = index.record(slot);
    bySlot.set(rec.id, slot);
    return { id: rec.id, kind: rec.kind, teaches: rec.teaches, requires: rec.requires, hours: rec.hours ?? 0, costPence: filter.costFor(slot), mode: rec.mode };
  });
  const instance: PlanningInstance = {
    id: goal.title,
    learner: { skills: learner.skills, ...(learner.budgetPence !== undefined ? { budgetPence: learner.budgetPence } : {}) },
    goal: { skills: goal.skills },
    opportunities,
    ...(opts.weights ? { weights: opts.weights } : {}),
  };
  const problem = compilePlanProblem(instance, opts.candidatesPerSkill ?? 20);
  const solved = solvePlanProblem(problem, { nodeLimit: opts.nodeLimit ?? 500, improveRounds: 0 });
  const result = describeSolution(solved);

  // Schedule: in plan order, each step starts when the previous ends, or at its own later start date.
  const hpw = learner.hoursPerWeek && learner.hoursPerWeek > 0 ? learner.hoursPerWeek : DEFAULT_HOURS_PER_WEEK;
  let cursor = Math.floor(Date.parse(today) / DAY_MS);
  const firstDay = cursor;
  const have = new Map(held);
  const goalLevels = new Map(goal.skills.map((g) => [g.skill, g.level]));
  const steps: RoadmapStep[] = [];
  let totalHours = 0;
  let totalCost = 0;
  result.steps.forEach((id, position) => {
    const slot = bySlot.get(id) as number;
    const rec = index.record(slot);
    const start = Math.max(cursor, index.startDay.data[slot] >= cursor ? index.startDay.data[slot] : cursor);
    const hours = rec.hours ?? 0;
    const weeks = rec.durationWeeks ?? Math.max(1, Math.ceil(hours / Math.min(hpw, rec.hoursPerWeek ?? hpw)));
    const end = start + Math.ceil(weeks * 7);
    cursor = end;
    const gained = rec.teaches.filter((t) => (have.get(t.skill) ?? 0) < t.level);
    for (const t of gained) have.set(t.skill, t.level);
    const cost = filter.costFor(slot);
    const distance = filter.distance(slot);
    totalHours += hours;
    totalCost += cost;
    steps.push({
      opportunityId: id,
      kind: rec.kind,
      title: rec.title,
      position: position + 1,
      skillsGained: gained.map((t) => ({ skill: t.skill, level: t.level })),
      why: explainStep(index, rec.accreditedSkills ?? [], gained, goalLevels, goal.title, cost, rec.costPence, distance, rec.mode),
      hours,
      costToLearnerPence: cost,
      plannedStart: isoDay(start),
      plannedEnd: isoDay(end),
      ...(Number.isNaN(distance) ? {} : { distanceKm: Math.round(distance * 10) / 10 }),
    });
  });

  const jobs = goal.occupationId ? bestJobs(index, filter, goal.occupationId, have) : [];
  const missingSkills = goal.skills.filter((g) => result.missing.includes(g.skill));
  const untaught = missingSkills.filter((m) => !problem.goalItemOf.some((it, i) => problem.goal[i].skill === m.skill && it >= 0)).map((m) => m.skill);
  const alternatives = result.reachable ? [] : suggestAlternatives(index, filter, learner, goal, opts.occupations ?? []);
  const weeks = Math.round(((cursor - firstDay) / 7) * 10) / 10;
  return {
    goal: goal.title,
    reachable: result.reachable,
    coverage: result.coverage,
    steps,
    jobs,
    missingSkills,
    untaughtSkills: untaught,
    alternatives,
    totals: { hours: Math.round(totalHours * 10) / 10, costPence: totalCost, weeks, objective: result.cost },
    summary: summarise(index, goal.title, result.reachable, steps.length, totalHours, totalCost, weeks, missingSkills, jobs.length, alternatives),
  };
}

function explainStep(
  index: CatalogueIndex,
  accredited: string[],
  gained: SkillLevel[],
  goalLevels: Map<string, number>,
  goalTitle: string,
  cost: number,
  listPrice: number,
  distance: number,
  mode: string,
): string {
  const forGoal = gained.filter((g) => goalLevels.has(g.skill));
  const stepping = gained.filter((g) => !goalLevels.has(g.skill));
  const names = (xs: SkillLevel[]) => xs.slice(0, 3).map((x) => index.graph.label(x.skill)).join(' and ');
  const parts: string[] = [];
  if (forGoal.length > 0) parts.push(`Teaches ${names(forGoal)} to the level ${goalTitle} asks for.`);
  if (stepping.length > 0) parts.push(`${forGoal.length > 0 ? 'Also teaches' : 'Teaches'} ${names(stepping)}, which you need before a later step.`);
  if (accredited.some((s) => gained.some((g) => g.skill === s))) parts.push('Employers back this course.');
  parts.push(cost === 0 ? (listPrice > 0 ? 'Free for you (funded).' : 'Free for you.') : `Costs you £${(cost / 100).toFixed(2)}.`);
  if (!Number.isNaN(distance)) parts.push(`${distance.toFixed(1)} km away.`);
  else if (mode === 'ONLINE') parts.push('Online, so you can do it from home.');
  return parts.join(' ');
}

function bestJobs(index: CatalogueIndex, filter: LearnerFilter, occupationId: string, have: Map<string, number>): RoadmapJob[] {
  const scored: { slot: number; fit: number }[] = [];
  for (const slot of index.slotsForOccupation(occupationId)) {
    const kind = index.kindOf(slot);
    if ((kind !== 'VACANCY' && kind !== 'APPRENTICESHIP') || !filter.passesCheap(slot) || !filter.withinRadius(slot)) continue;
    const a = index.requires.start.data[slot];
    const b = index.requires.start.data[slot + 1];
    let got = 0;
    for (let i = a; i < b; i++) got += Math.min(1, (have.get(index.skillName(index.requires.skill.data[i])) ?? 0) / index.requires.level.data[i]);
    scored.push({ slot, fit: b > a ? got / (b - a) : 1 });
  }
  scored.sort((x, y) => y.fit - x.fit || (index.ids[x.slot] < index.ids[y.slot] ? -1 : 1));
  return scored.slice(0, 3).map(({ slot, fit }) => {
    const d = filter.distance(slot);
    const pct = Math.round(fit * 100);
    return {
      opportunityId: index.ids[slot],
      kind: index.kindOf(slot),
      title: index.titles[slot],
      fit: Math.round(fit * 1e4) / 1e4,
      ...(Number.isNaN(d) ? {} : { distanceKm: Math.round(d * 10) / 10 }),
      why: `After these steps you will have ${pct}% of the skills this job asks for.${Number.isNaN(d) ? '' : ` ${d.toFixed(1)} km away.`}`,
    };
  });
}

function suggestAlternatives(index: CatalogueIndex, filter: LearnerFilter, learner: LearnerRecord, goal: RoadmapGoal, occupations: readonly OccupationRecord[]) {
  const hours = new GapHoursEstimator(index, filter);
  const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
  const goalSkills = new Set(goal.skills.map((g) => g.skill));
  const out: { occupationId: string; title: string; gapHours: number }[] = [];
  for (const occ of occupations) {
    if (occ.id === goal.occupationId || !occ.essential.some((e) => goalSkills.has(e.skill))) continue;
    let total = 0;
    for (const n of occ.essential) if ((held.get(n.skill) ?? 0) < n.level) total += hours.hoursFor(n);
    if (Number.isFinite(total)) out.push({ occupationId: occ.id, title: occ.title, gapHours: Math.round(total * 10) / 10 });
  }
  return out.sort((a, b) => a.gapHours - b.gapHours || (a.occupationId < b.occupationId ? -1 : 1)).slice(0, 3);
}

function summarise(
  index: CatalogueIndex,
  goal: string,
  reachable: boolean,
  count: number,
  hours: number,
  cost: number,
  weeks: number,
  missing: SkillLevel[],
  jobs: number,
  alternatives: { title: string }[],
): string {
  const money = cost === 0 ? 'at no cost to you' : `for £${(cost / 100).toFixed(2)}`;
  if (reachable && count === 0) return `You already have the skills ${goal} asks for.${jobs > 0 ? ` There ${jobs === 1 ? 'is 1 job' : `are ${jobs} jobs`} to look at.` : ''}`;
  if (reachable) return `${count} step${count === 1 ? '' : 's'} to ${goal}: about ${Math.round(hours)} hours over ${Math.ceil(weeks)} weeks, ${money}.${jobs > 0 ? ` Then ${jobs === 1 ? 'a job' : `${jobs} jobs`} to apply for.` : ''}`;
  const names = missing.slice(0, 3).map((m) => index.graph.label(m.skill)).join(', ');
  const alt = alternatives.length > 0 ? ` You could aim for ${alternatives.map((a) => a.title).join(' or ')} instead.` : '';
  return `Nothing on offer to you yet teaches ${names} for ${goal}. These ${count} step${count === 1 ? '' : 's'} get you as close as we can.${alt}`;
}
