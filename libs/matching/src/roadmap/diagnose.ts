import { FundingAsk, priceFor } from '../funding/price';
import { FLAG_NEEDS_DEVICE, FLAG_NOT_STEP_FREE } from '../index/catalogue-index';
import { DELIVERY_MODES, DeliveryMode, SkillLevel } from '../lib/matching.types';
import { LEARNING_KIND_CODES } from './candidates';
import { taughtLevel } from './teacher-columns';
import { isoDay, longDate, pounds } from './dates';
import { GoalContext, SolvedGoal } from './goal-context';
import { Blocker, BlockerKind, WhatIf } from './roadmap.types';
import { schedule } from './schedule';

/** The farthest a radius what-if looks: beyond this, a daily journey is no longer a real suggestion. */
export const MAX_RADIUS_WHAT_IF_KM = 80;

const MODE_WORDS: Record<DeliveryMode, string> = {
  IN_PERSON: 'in person',
  ONLINE: 'online',
  HYBRID: 'part online, part in person',
};

interface Violation {
  kind: Exclude<BlockerKind, 'NOTHING_TEACHES'>;
  /** How far off: pence over budget, km, days since closing — to pick the nearest miss. */
  size: number;
}

/** Live learning offers in the whole catalogue teaching a skill to the level (whatever the learner's constraints). */
export function teachersAnywhere(ctx: GoalContext, code: number | undefined, level: number): number[] {
  if (code === undefined) return [];
  const { index } = ctx;
  const out: number[] = [];
  for (const slot of index.teachersOf(code)) {
    if (!index.isAlive(slot) || !LEARNING_KIND_CODES[index.kind.data[slot]] || ctx.excluded.has(slot))
      continue;
    if (taughtLevel(index, slot, code) >= level) out.push(slot);
  }
  return out;
}

/**
 * Every live teacher of a need anywhere, with the learner's constraints each fails: the blockers and
 * the what-ifs both ask this of the same missing goal skills, so it is worked out once per context.
 */
function scoredTeachers(
  ctx: GoalContext,
  code: number | undefined,
  level: number,
): readonly { slot: number; v: Violation[] }[] {
  return ctx.memo(`scoredTeachers:${code}:${level}`, () =>
    teachersAnywhere(ctx, code, level).map((slot) => ({ slot, v: violations(ctx, slot) })),
  );
}

/** Each constraint of the learner's that rules this offer out, one by one. */
function violations(ctx: GoalContext, slot: number): Violation[] {
  const { index, learner, filter } = ctx;
  const out: Violation[] = [];
  const mode = index.modeOf(slot);
  const modes = learner.modes && learner.modes.length > 0 ? learner.modes : DELIVERY_MODES;
  if (!modes.includes(mode)) out.push({ kind: 'MODE', size: 1 });
  const closing = index.closingDay.data[slot];
  if (closing >= 0 && closing < ctx.todayDay) out.push({ kind: 'DATES', size: ctx.todayDay - closing });
  const flags = index.flags.data[slot];
  const attends = mode === 'IN_PERSON' || mode === 'HYBRID';
  const remote = mode === 'ONLINE' || mode === 'HYBRID';
  if (
    (learner.access?.stepFreeOnly && attends && (flags & FLAG_NOT_STEP_FREE) !== 0) ||
    ((learner.access?.noLaptop || learner.access?.mobileOnly) && remote && (flags & FLAG_NEEDS_DEVICE) !== 0)
  )
    out.push({ kind: 'ELIGIBILITY', size: 1 });
  if (!filter.withinRadius(slot)) out.push({ kind: 'DISTANCE', size: filter.distance(slot) });
  const price = filter.costFor(slot);
  if (learner.budgetPence !== undefined && price > learner.budgetPence)
    out.push({ kind: 'BUDGET', size: price - learner.budgetPence });
  return out;
}

interface Diagnosis {
  blockers: Blocker[];
  untaught: string[];
}

/**
 * Why each missing goal skill is out of reach. For every skill something in the catalogue teaches, the
 * nearest misses: per constraint, the best offer that fails only that one (cheapest over budget,
 * nearest beyond the radius …); failing that, the offer with the fewest failures. An offer that fails
 * none is blocked by what it needs first, which is diagnosed the same way. NOTHING_TEACHES only when
 * no live offer anywhere teaches the skill.
 */
export function findBlockers(ctx: GoalContext, solved: SolvedGoal): Diagnosis {
  const { index, goal } = ctx;
  const missing = goal.skills.filter((g) => solved.missing.includes(g.skill));
  const blockers = new Map<string, Blocker>();
  const untaught: string[] = [];
  const label = (skill: string) => index.graph.label(skill);
  const planned = new Map<string, number>();
  for (const s of ctx.learner.skills) planned.set(s.skill, Math.max(planned.get(s.skill) ?? 0, s.level));
  for (const slot of solved.slots)
    for (const t of index.record(slot).teaches)
      planned.set(t.skill, Math.max(planned.get(t.skill) ?? 0, t.level));

  let added = 0;
  const add = (b: Omit<Blocker, 'forSkillIds'>, forSkill: string): void => {
    added++;
    const key = `${b.kind}\u0000${b.skillId}\u0000${b.opportunityId ?? ''}`;
    const had = blockers.get(key);
    if (had) {
      if (!had.forSkillIds.includes(forSkill)) had.forSkillIds.push(forSkill);
    } else blockers.set(key, { ...b, forSkillIds: [forSkill] });
  };

  const describe = (slot: number, v: Violation, need: SkillLevel, forSkill: string, via?: string): void => {
    const title = index.titles[slot];
    const id = index.ids[slot];
    const skill = label(need.skill);
    const first = via ? `, which ${via} needs first` : '';
    const base = { skillId: need.skill, opportunityId: id, opportunityTitle: title };
    switch (v.kind) {
      case 'BUDGET': {
        const price = priceFor(ctx.learner.eligibility, index.pricing(slot));
        const ask =
          price.ask && price.ask.pricePence <= (ctx.learner.budgetPence ?? Infinity) ? price.ask : undefined;
        add(
          {
            ...base,
            kind: 'BUDGET',
            amountPence: price.pricePence,
            ...(ask ? { question: ask.question } : {}),
            message: `${pounds(price.pricePence)} for ${title} (it teaches ${skill}${first}); you have ${pounds(ctx.learner.budgetPence ?? 0)} to spend${ask ? `. But ${ask.message}` : ''}`,
          },
          forSkill,
        );
        return;
      }
      case 'DISTANCE': {
        const km = Math.round(ctx.filter.distance(slot) * 10) / 10;
        add(
          {
            ...base,
            kind: 'DISTANCE',
            distanceKm: km,
            message: `the nearest course teaching ${skill}${first} is ${km} km away; you said ${ctx.learner.travelRadiusKm} km`,
          },
          forSkill,
        );
        return;
      }
      case 'MODE': {
        const mode = index.modeOf(slot);
        add(
          {
            ...base,
            kind: 'MODE',
            message: `${title} teaches ${skill}${first}, but only ${MODE_WORDS[mode]}, which you said does not suit you`,
          },
          forSkill,
        );
        return;
      }
      case 'DATES': {
        const closing = index.closingDay.data[slot];
        add(
          {
            ...base,
            kind: 'DATES',
            date: isoDay(closing),
            message: `${title} teaches ${skill}${first}, but it closed to applications on ${longDate(closing)}`,
          },
          forSkill,
        );
        return;
      }
      case 'ELIGIBILITY':
        add(
          {
            ...base,
            kind: 'ELIGIBILITY',
            message: `${title} teaches ${skill}${first}, but it does not meet your access needs`,
          },
          forSkill,
        );
    }
  };

  /**
   * Adds what blocks `need`. Returns true when nothing does: a chain of offers the learner can use
   * teaches it for nothing — then the block lies with the course that needs it (its price, with the
   * plan's other steps), never with the free course below it (a budget blocker names what costs money).
   */
  const explain = (
    need: SkillLevel,
    forSkill: string,
    depth: number,
    via: string | undefined,
    seen: Map<string, boolean>,
  ): boolean => {
    const key = `${need.skill}:${need.level}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    // While it is being explained, a need met only through itself (a loop) is not open.
    seen.set(key, false);
    const open = explainNeed(need, forSkill, depth, via, seen);
    seen.set(key, open);
    return open;
  };

  const explainNeed = (
    need: SkillLevel,
    forSkill: string,
    depth: number,
    via: string | undefined,
    seen: Map<string, boolean>,
  ): boolean => {
    const scored = scoredTeachers(ctx, index.findSkill(need.skill), need.level);
    if (scored.length === 0) {
      if (depth === 0) untaught.push(need.skill);
      add(
        {
          kind: 'NOTHING_TEACHES',
          skillId: need.skill,
          message: `nothing in the catalogue teaches ${label(need.skill)}${via ? `, which ${via} needs first` : ''} yet`,
        },
        forSkill,
      );
      return false;
    }
    const byId = (a: number, b: number) =>
      index.ids[a] < index.ids[b] ? -1 : index.ids[a] > index.ids[b] ? 1 : 0;
    const clear = scored.filter((s) => s.v.length === 0);
    if (clear.length > 0) {
      // Usable on its own: what it needs first is the block, or the budget once the plan's other steps are paid.
      clear.sort((a, b) => ctx.filter.costFor(a.slot) - ctx.filter.costFor(b.slot) || byId(a.slot, b.slot));
      const slot = clear[0].slot;
      const rec = index.record(slot);
      const price = ctx.filter.costFor(slot);
      const needs = rec.requires.filter((r) => (planned.get(r.skill) ?? 0) < r.level);
      if (needs.length > 0) {
        const before = added;
        let allOpen = depth < 3;
        if (depth < 3)
          for (const r of needs) if (!explain(r, forSkill, depth + 1, rec.title, seen)) allOpen = false;
        if (added !== before) return false;
        if (!allOpen)
          // What it needs first is taught only by courses that need this first (a loop), or lies too deep.
          add(
            {
              kind: 'ELIGIBILITY',
              skillId: need.skill,
              opportunityId: rec.id,
              opportunityTitle: rec.title,
              message: `${rec.title} teaches ${label(need.skill)}, but asks for ${needs.map((r) => label(r.skill)).join(' and ')} first, which no course open to you teaches without it`,
            },
            forSkill,
          );
        // Otherwise what it needs first is free to learn: this course's own price is the block (below).
        else if (price === 0) return true;
        else addBudget(rec, need, price, forSkill);
        return false;
      }
      if (price === 0) return true;
      addBudget(rec, need, price, forSkill);
      return false;
    }
    const singles = scored.filter((s) => s.v.length === 1);
    if (singles.length > 0) {
      const kinds = [...new Set(singles.map((s) => s.v[0].kind))];
      for (const kind of kinds) {
        const best = singles
          .filter((s) => s.v[0].kind === kind)
          .sort((a, b) => a.v[0].size - b.v[0].size || byId(a.slot, b.slot))[0];
        describe(best.slot, best.v[0], need, forSkill, via);
      }
      return false;
    }
    const fewest = [...scored].sort((a, b) => a.v.length - b.v.length || byId(a.slot, b.slot))[0];
    for (const v of fewest.v) describe(fewest.slot, v, need, forSkill, via);
    return false;
  };

  const addBudget = (
    rec: { id: string; title: string },
    need: SkillLevel,
    price: number,
    forSkill: string,
  ) => {
    if (ctx.learner.budgetPence === undefined) return;
    add(
      {
        kind: 'BUDGET',
        skillId: need.skill,
        opportunityId: rec.id,
        opportunityTitle: rec.title,
        amountPence: price,
        message: `${pounds(price)} for ${rec.title} (it teaches ${label(need.skill)}), on top of the other steps, is more than your ${pounds(ctx.learner.budgetPence)}`,
      },
      forSkill,
    );
  };

  for (const m of missing) explain(m, m.skill, 0, undefined, new Map());
  return { blockers: [...blockers.values()], untaught };
}

/** Nodes a reachability probe may search unless the caller set a limit (a probe needs a plan, not the best). */
const PROBE_NODE_LIMIT = 60;

/** Whether the goal is reachable in this context (a cheaper search than a full solve). */
function probe(ctx: GoalContext): boolean {
  const limited =
    ctx.opts.nodeLimit === undefined ? ctx.withOpts({ ...ctx.opts, nodeLimit: PROBE_NODE_LIMIT }) : ctx;
  return limited.reaches();
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function outcome(
  ctx: GoalContext,
  lead: string,
): (Omit<WhatIf, 'kind' | 'message'> & { message: string }) | null {
  const solved = ctx.solve();
  if (!solved.reachable) return null;
  const s = schedule(ctx, solved.slots, solved.objective);
  const money = s.totals.costPence === 0 ? 'at no cost to you' : `for ${pounds(s.totals.costPence)}`;
  return {
    totals: s.totals,
    steps: s.steps.length,
    message: `${capital(lead)}: ${ctx.goal.title} in ${s.steps.length} step${s.steps.length === 1 ? '' : 's'}, about ${Math.round(s.totals.hours)} hours, ${money}.`,
  };
}

/**
 * Changes that make the goal reachable, each checked by planning again with it: the smallest budget,
 * the smallest travel radius (up to MAX_RADIUS_WHAT_IF_KM), one more way of studying, and answers to funding questions. None when a
 * goal skill is taught nowhere (no change of the learner's could help).
 */
export function findWhatIfs(ctx: GoalContext, solved: SolvedGoal, untaught: readonly string[]): WhatIf[] {
  if (untaught.length > 0) return [];
  const out: WhatIf[] = [];
  const { learner, index } = ctx;
  // Per missing goal skill, the teachers that fail at most the one constraint being relaxed: when a
  // skill has none, relaxing that constraint alone cannot reach the goal (saves re-planning).
  const missing = ctx.goal.skills.filter((g) => solved.missing.includes(g.skill));
  const teachers = missing.map((g) => scoredTeachers(ctx, index.findSkill(g.skill), g.level));
  const onlyFails = (kind: Violation['kind']) =>
    teachers.every((list) => list.some((t) => t.v.every((x) => x.kind === kind)));

  if (learner.budgetPence !== undefined && onlyFails('BUDGET')) {
    // The least money any full plan needs: plan on money alone without a budget, then check that budget.
    const free = ctx.unbudgeted;
    const cheapest = free.solve({ perHour: 1e-6, perPound: 1 });
    if (cheapest.reachable) {
      let need = 0;
      for (const slot of cheapest.slots) need += free.filter.costFor(slot);
      if (need > learner.budgetPence) {
        const r = outcome(ctx.with({ budgetPence: need }), `with ${pounds(need)} to spend`);
        if (r) out.push({ kind: 'BUDGET', budgetPence: need, ...r });
      }
    }
  }

  if (learner.location && learner.travelRadiusKm !== undefined && onlyFails('DISTANCE')) {
    // No radius below the farthest of the nearest usable teachers of each missing skill can do.
    let floor = 0;
    for (const list of teachers) {
      let nearest = Infinity;
      for (const t of list)
        if (t.v.every((x) => x.kind === 'DISTANCE')) nearest = Math.min(nearest, ctx.travelKm(t.slot));
      floor = Math.max(floor, nearest);
    }
    // Whole kilometres. No radius short of the nearest usable teacher of every missing skill can do, and
    // that radius usually does: try it first. Otherwise plan once at the farthest radius we suggest; the
    // plan found bounds the answer from above (its farthest step); search between the two.
    const said = learner.travelRadiusKm;
    const reaches = (km: number) => probe(ctx.with({ travelRadiusKm: km }));
    const floorKm = Math.max(Math.floor(said) + 1, Math.ceil(floor));
    let km: number | undefined;
    if (floorKm <= MAX_RADIUS_WHAT_IF_KM && reaches(floorKm)) km = floorKm;
    else if (floorKm < MAX_RADIUS_WHAT_IF_KM) {
      const far = ctx.with({ travelRadiusKm: Math.max(said, MAX_RADIUS_WHAT_IF_KM) });
      const farPlan = far.solve();
      if (farPlan.reachable) {
        let top = 0;
        for (const slot of farPlan.slots) top = Math.max(top, far.travelKm(slot));
        let lo = floorKm + 1;
        let hi = Math.max(lo, Math.ceil(top));
        if (hi <= MAX_RADIUS_WHAT_IF_KM && !reaches(hi)) hi = MAX_RADIUS_WHAT_IF_KM + 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (reaches(mid)) hi = mid;
          else lo = mid + 1;
        }
        km = lo;
      }
    }
    if (km !== undefined && km <= MAX_RADIUS_WHAT_IF_KM) {
      const r = outcome(
        ctx.with({ travelRadiusKm: km }),
        `if you could travel ${km} km (you said ${said} km)`,
      );
      if (r) out.push({ kind: 'DISTANCE', travelRadiusKm: km, ...r });
    }
  }

  const modes = learner.modes && learner.modes.length > 0 ? learner.modes : DELIVERY_MODES;
  if (modes.length < DELIVERY_MODES.length) {
    let found = false;
    for (const m of DELIVERY_MODES.filter((x) => !modes.includes(x))) {
      const allowed = [...modes, m];
      const r = outcome(ctx.with({ modes: allowed }), `if you could also study ${MODE_WORDS[m]}`);
      if (r) {
        out.push({ kind: 'MODE', modes: allowed, ...r });
        found = true;
      }
    }
    if (!found) {
      const r = outcome(ctx.with({ modes: [...DELIVERY_MODES] }), 'if you could study in any way');
      if (r) out.push({ kind: 'MODE', modes: [...DELIVERY_MODES], ...r });
    }
  }

  for (const ask of fundingQuestions(ctx)) {
    const answer = { ...learner.eligibility, ...ask.patch };
    const r = outcome(ctx.with({ eligibility: answer }), ask.message);
    if (r) out.push({ kind: 'ANSWER', question: ask.question, answer: ask.patch, ...r });
  }
  return out;
}

/** Unanswered questions that would lower the price of an offer this goal could use, one per question (lowest price). */
export function fundingQuestions(ctx: GoalContext, extraSlots: readonly number[] = []): FundingAsk[] {
  // Each of a goal's alternatives asks this of the same context: work it out once.
  return ctx.memo(`fundingQuestions:${extraSlots.join(',')}`, () => askFor(ctx, extraSlots));
}

function askFor(ctx: GoalContext, extraSlots: readonly number[]): FundingAsk[] {
  const open = ctx.learner.budgetPence === undefined ? ctx : ctx.unbudgeted;
  const best = new Map<string, FundingAsk>();
  for (const slot of [...open.candidates(), ...extraSlots]) {
    // No funding rule may apply: nothing to ask (and deciding the rules is the dear part).
    if (!ctx.index.mayBeFunded(slot)) continue;
    const ask = priceFor(ctx.learner.eligibility, ctx.index.pricing(slot)).ask;
    if (!ask) continue;
    const had = best.get(ask.question);
    if (!had || ask.pricePence < had.pricePence) best.set(ask.question, ask);
  }
  return [...best.values()].sort((a, b) => (a.question < b.question ? -1 : 1));
}
