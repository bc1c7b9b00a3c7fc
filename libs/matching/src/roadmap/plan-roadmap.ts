import { CatalogueIndex } from '../index/catalogue-index';
import { distanceWords } from '../lib/geo';
import { LearnerRecord, OPPORTUNITY_KINDS, OccupationRecord, SkillLevel } from '../lib/matching.types';
import { CodedPlanInput, CodedPlanInputBuilder } from '../planner/coded-plan-input';
import { compileCodedProblem } from '../planner/plan-problem';
import { describeSolution, solvePlanProblem } from '../planner/plan-solver';
import { DEFAULT_WEIGHTS, PlanningWeights } from '../planner/planning.types';
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
  /** Opportunities the plan must not use, neither as steps nor as jobs (e.g. steps the learner dropped). */
  excludeOpportunityIds?: readonly string[];
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

const LEARNING_KIND_CODES = OPPORTUNITY_KINDS.map(
  (k) => k === 'COURSE' || k === 'BOOTCAMP' || k === 'APPRENTICESHIP',
);
const DAY_MS = 86_400_000;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "3 February 2025": plain, and the same in every locale and time zone. */
const longDate = (day: number): string => {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
const DEFAULT_HOURS_PER_WEEK = 6;

/** Candidates: live usable offers teaching a goal skill, then (up to 3 levels) what unlocks them. Skills are index codes. */
function collectCandidates(
  index: CatalogueIndex,
  filter: LearnerFilter,
  goal: { code: number; level: number }[],
  perSkill: number,
  held: Uint8Array,
  excluded: ReadonlySet<number>,
): number[] {
  const chosen = new Set<number>();
  let frontier = goal.filter((g) => held[g.code] < g.level);
  const seenNeeds = new Set<number>();
  const kinds = index.kind.data;
  const teachStart = index.teaches.start.data;
  const teachSkill = index.teaches.skill.data;
  const teachLevel = index.teaches.level.data;
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: { code: number; level: number }[] = [];
    // Goal skills get the full choice; what merely unlocks a course gets a shorter list.
    const limit = depth === 0 ? perSkill : Math.max(4, Math.ceil(perSkill / 5));
    for (const need of frontier) {
      const key = need.code * 256 + need.level;
      if (seenNeeds.has(key)) continue;
      seenNeeds.add(key);
      const code = need.code;
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
        if (
          !LEARNING_KIND_CODES[kinds[slot]] ||
          excluded.has(slot) ||
          !filter.passesCheap(slot) ||
          !filter.withinRadius(slot)
        )
          continue;
        let level = 0;
        for (let i = teachStart[slot]; i < teachStart[slot + 1]; i++)
          if (teachSkill[i] === code) level = teachLevel[i];
        if (level < need.level) continue;
        const h = Number.isNaN(index.hours.data[slot]) ? 0 : index.hours.data[slot];
        const money = filter.costFor(slot);
        ok.push({ slot, value: h + money / 1000, money });
      }
      const keep = new Set([
        ...[...ok].sort((x, y) => x.value - y.value || x.slot - y.slot).slice(0, limit),
        ...[...ok].sort((x, y) => x.money - y.money || x.value - y.value).slice(0, Math.ceil(limit / 4)),
      ]);
      for (const { slot } of keep) {
        if (chosen.has(slot)) continue;
        chosen.add(slot);
        for (let i = index.requires.start.data[slot]; i < index.requires.start.data[slot + 1]; i++) {
          const c = index.requires.skill.data[i];
          const level = index.requires.level.data[i];
          if (held[c] < level) next.push({ code: c, level });
        }
      }
    }
    frontier = next;
  }
  return [...chosen];
}

/** The planning problem straight from the index's columns, without building records. */
function codedProblemInput(
  index: CatalogueIndex,
  filter: LearnerFilter,
  learner: LearnerRecord,
  codes: LearnerSkillCodes,
  slots: number[],
  weights: Partial<PlanningWeights> | undefined,
): CodedPlanInput {
  const perHour = weights?.perHour ?? DEFAULT_WEIGHTS.perHour;
  const perPound = weights?.perPound ?? DEFAULT_WEIGHTS.perPound;
  const b = new CodedPlanInputBuilder(codes.skillCount, codes.skillName, learner.budgetPence ?? Infinity);
  for (let code = 0; code < codes.held.length; code++)
    if (codes.held[code] > 0) b.hold(code, codes.held[code]);
  for (const g of codes.goal) b.need(g.code, g.level);
  const ix = index;
  for (const slot of slots) {
    const hours = Number.isNaN(ix.hours.data[slot]) ? 0 : ix.hours.data[slot];
    const money = filter.costFor(slot);
    b.op(ix.ids[slot], hours * perHour + (money / 100) * perPound, money, true);
    for (let i = ix.teaches.start.data[slot]; i < ix.teaches.start.data[slot + 1]; i++)
      b.teach(ix.teaches.skill.data[i], ix.teaches.level.data[i]);
    for (let i = ix.requires.start.data[slot]; i < ix.requires.start.data[slot + 1]; i++)
      b.require(ix.requires.skill.data[i], ix.requires.level.data[i]);
  }
  return b.build();
}

/** Learner and goal skills as index codes; skills the index has never seen get codes after the index's own. */
interface LearnerSkillCodes {
  skillCount: number;
  skillName: (code: number) => string;
  held: Uint8Array;
  goal: { code: number; level: number }[];
}

function codeSkills(index: CatalogueIndex, learner: LearnerRecord, goal: SkillLevel[]): LearnerSkillCodes {
  const base = index.skillCount;
  const extra: string[] = [];
  const extraCodes = new Map<string, number>();
  const code = (skill: string): number => {
    const known = index.findSkill(skill);
    if (known !== undefined) return known;
    let c = extraCodes.get(skill);
    if (c === undefined) {
      c = base + extra.length;
      extraCodes.set(skill, c);
      extra.push(skill);
    }
    return c;
  };
  const heldPairs = learner.skills.map((s) => [code(s.skill), s.level] as const);
  const goalPairs = goal.map((g) => ({ code: code(g.skill), level: g.level }));
  const held = new Uint8Array(base + extra.length);
  for (const [c, level] of heldPairs) if (level > held[c]) held[c] = level;
  return {
    skillCount: held.length,
    skillName: (c) => (c < base ? index.skillName(c) : extra[c - base]),
    held,
    goal: goalPairs,
  };
}

/**
 * The product's roadmap: candidates from the index that this learner can use (mode, distance, access,
 * closing date, budget after funding), the same solver as the batch planner, then a schedule by start
 * dates and hours per week, the best live jobs for the goal at the end, and plain-English reasons.
 */
export function planRoadmap(
  index: CatalogueIndex,
  learner: LearnerRecord,
  goal: RoadmapGoal,
  opts: RoadmapOptions = {},
): Roadmap {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const q = new LearnerQuery(index, learner);
  const filter = new LearnerFilter(index, learner, q, today);
  const held = new Map<string, number>();
  for (const s of learner.skills) held.set(s.skill, Math.max(held.get(s.skill) ?? 0, s.level));
  const excluded = new Set<number>();
  for (const id of opts.excludeOpportunityIds ?? []) {
    const slot = index.slotOf(id);
    if (slot !== undefined) excluded.add(slot);
  }
  const codes = codeSkills(index, learner, goal.skills);
  const slots = collectCandidates(
    index,
    filter,
    codes.goal,
    opts.candidatesPerSkill ?? 20,
    codes.held,
    excluded,
  );
  const bySlot = new Map<string, number>();
  for (const slot of slots) bySlot.set(index.ids[slot], slot);
  const problem = compileCodedProblem(
    codedProblemInput(index, filter, learner, codes, slots, opts.weights),
    opts.candidatesPerSkill ?? 20,
  );
  const solved = solvePlanProblem(problem, { nodeLimit: opts.nodeLimit ?? 500, improveRounds: 0 });
  const result = describeSolution(solved);

  // Schedule: in plan order, each step starts when the previous ends, or at its own later start date.
  const hpw =
    learner.hoursPerWeek && learner.hoursPerWeek > 0 ? learner.hoursPerWeek : DEFAULT_HOURS_PER_WEEK;
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
      why: explainStep(
        index,
        rec.accreditedSkills ?? [],
        gained,
        goalLevels,
        goal.title,
        cost,
        rec.costPence,
        distance,
        rec.mode,
      ),
      hours,
      costToLearnerPence: cost,
      plannedStart: isoDay(start),
      plannedEnd: isoDay(end),
      ...(Number.isNaN(distance) ? {} : { distanceKm: Math.round(distance * 10) / 10 }),
    });
  });

  const jobs = goal.occupationId ? bestJobs(index, filter, goal.occupationId, have, excluded, cursor) : [];
  const missingSkills = goal.skills.filter((g) => result.missing.includes(g.skill));
  const untaught = missingSkills
    .filter((m) => !problem.goalItemOf.some((it, i) => problem.goal[i].skill === m.skill && it >= 0))
    .map((m) => m.skill);
  const alternatives = result.reachable
    ? []
    : suggestAlternatives(index, filter, learner, goal, opts.occupations ?? []);
  // A missing skill that a course the learner dropped would teach is not "taught by nothing".
  const droppedTeaching = new Set(
    missingSkills
      .filter((m) =>
        [...excluded].some((slot) =>
          index.record(slot).teaches.some((t) => t.skill === m.skill && t.level >= m.level),
        ),
      )
      .map((m) => m.skill),
  );
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
    summary: summarise(
      index,
      goal.title,
      result.reachable,
      steps.length,
      totalHours,
      totalCost,
      weeks,
      missingSkills,
      jobs.length,
      alternatives,
      droppedTeaching,
    ),
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
  const names = (xs: SkillLevel[]) =>
    xs
      .slice(0, 3)
      .map((x) => index.graph.label(x.skill))
      .join(' and ');
  const parts: string[] = [];
  if (forGoal.length > 0) parts.push(`Teaches ${names(forGoal)} to the level ${goalTitle} asks for.`);
  if (stepping.length > 0)
    parts.push(
      `${forGoal.length > 0 ? 'Also teaches' : 'Teaches'} ${names(stepping)}, which you need before a later step.`,
    );
  if (accredited.some((s) => gained.some((g) => g.skill === s))) parts.push('Employers back this course.');
  parts.push(
    cost === 0
      ? listPrice > 0
        ? 'Free for you (funded).'
        : 'Free for you.'
      : `Costs you £${(cost / 100).toFixed(2)}.`,
  );
  if (!Number.isNaN(distance)) parts.push(distanceWords(distance));
  else if (mode === 'ONLINE') parts.push('Online, so you can do it from home.');
  return parts.join(' ');
}

/**
 * The best-fitting live jobs for the goal, as the learner will be once the plan is done. Adverts rarely
 * stay open as long as a plan takes: one that closes before the plan ends still shows the kind of job
 * it leads to, and its reason says so, with how many like it are open near the learner now.
 */
function bestJobs(
  index: CatalogueIndex,
  filter: LearnerFilter,
  occupationId: string,
  have: Map<string, number>,
  excluded: ReadonlySet<number>,
  planEndDay: number,
): RoadmapJob[] {
  const scored: { slot: number; fit: number }[] = [];
  const haveByCode = new Map<number, number>();
  for (const [skill, level] of have) {
    const code = index.findSkill(skill);
    if (code !== undefined) haveByCode.set(code, level);
  }
  for (const slot of index.slotsForOccupation(occupationId)) {
    const kind = index.kindOf(slot);
    if (
      (kind !== 'VACANCY' && kind !== 'APPRENTICESHIP') ||
      excluded.has(slot) ||
      !filter.passesCheap(slot) ||
      !filter.withinRadius(slot)
    )
      continue;
    const a = index.requires.start.data[slot];
    const b = index.requires.start.data[slot + 1];
    let got = 0;
    for (let i = a; i < b; i++)
      got += Math.min(1, (haveByCode.get(index.requires.skill.data[i]) ?? 0) / index.requires.level.data[i]);
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
    if (closing >= 0 && closing < planEndDay)
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
    };
  });
}

function suggestAlternatives(
  index: CatalogueIndex,
  filter: LearnerFilter,
  learner: LearnerRecord,
  goal: RoadmapGoal,
  occupations: readonly OccupationRecord[],
) {
  const hours = new GapHoursEstimator(index, filter);
  const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
  const goalSkills = new Set(goal.skills.map((g) => g.skill));
  const out: { occupationId: string; title: string; gapHours: number }[] = [];
  for (const occ of occupations) {
    if (occ.id === goal.occupationId || !occ.essential.some((e) => goalSkills.has(e.skill))) continue;
    let total = 0;
    for (const n of occ.essential) if ((held.get(n.skill) ?? 0) < n.level) total += hours.hoursFor(n);
    if (Number.isFinite(total))
      out.push({ occupationId: occ.id, title: occ.title, gapHours: Math.round(total * 10) / 10 });
  }
  return out
    .sort((a, b) => a.gapHours - b.gapHours || (a.occupationId < b.occupationId ? -1 : 1))
    .slice(0, 3);
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
  droppedTeaching: ReadonlySet<string> = new Set(),
): string {
  const money = cost === 0 ? 'at no cost to you' : `for £${(cost / 100).toFixed(2)}`;
  if (reachable && count === 0)
    return `You already have the skills ${goal} asks for.${jobs > 0 ? ` There ${jobs === 1 ? 'is 1 job' : `are ${jobs} jobs`} to look at.` : ''}`;
  if (reachable)
    return `${count} step${count === 1 ? '' : 's'} to ${goal}: about ${Math.round(hours)} hours over ${Math.ceil(weeks)} weeks, ${money}.${jobs > 0 ? ` Then ${jobs === 1 ? 'a job' : `${jobs} jobs`} to apply for.` : ''}`;
  const label = (list: SkillLevel[]) =>
    list
      .slice(0, 3)
      .map((m) => index.graph.label(m.skill))
      .join(', ');
  const untaught = missing.filter((m) => !droppedTeaching.has(m.skill));
  const fromDropped = missing.filter((m) => droppedTeaching.has(m.skill));
  const alt =
    alternatives.length > 0
      ? ` You could aim for ${alternatives.map((a) => a.title).join(' or ')} instead.`
      : '';
  const gap = [
    untaught.length > 0 ? `Nothing on offer to you yet teaches ${label(untaught)} for ${goal}.` : '',
    fromDropped.length > 0
      ? `Only a course you dropped teaches ${label(fromDropped)}: bring it back to reach ${goal}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const sofar =
    count === 0
      ? ''
      : ` ${count === 1 ? 'This step gets' : `These ${count} steps get`} you as close as we can.`;
  return `${gap}${sofar}${alt}`;
}
