import { CatalogueIndex } from '../index/catalogue-index';
import { LEARNING_KINDS, LearnerRecord, OPPORTUNITY_KINDS, SkillLevel } from '../lib/matching.types';
import { CodedPlanInput, CodedPlanInputBuilder } from '../planner/coded-plan-input';
import { LearnerFilter } from '../ranking/rank-opportunities';
import { teacherColumns } from './teacher-columns';

export const LEARNING_KIND_CODES = OPPORTUNITY_KINDS.map((k) => LEARNING_KINDS.includes(k));

/** Learner and goal skills as index codes; skills the index has never seen get codes after the index's own. */
export interface LearnerSkillCodes {
  skillCount: number;
  skillName: (code: number) => string;
  held: Uint8Array;
  goal: { code: number; level: number }[];
}

export function codeSkills(
  index: CatalogueIndex,
  learner: LearnerRecord,
  goal: SkillLevel[],
): LearnerSkillCodes {
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

/** How many times the kept count a diverse collection scans (price order) for the nearest and soonest. */
const DIVERSE_SCAN = 6;

export interface CandidateQuery {
  index: CatalogueIndex;
  filter: LearnerFilter;
  codes: LearnerSkillCodes;
  /** Best candidates kept per goal skill (prerequisites get a shorter list). */
  perSkill: number;
  excluded: ReadonlySet<number>;
  /** Also keep the nearest and soonest-starting few per need (for alternatives that trade money for time or travel). */
  diverse?: boolean;
  /**
   * Scans of the index already made for this filter (per need), to share between collections that
   * differ only in how deep they look (a roadmap and its alternatives): same filter, same answers.
   */
  scans?: NeedScans;
}

interface UsableTeacher {
  slot: number;
  value: number;
  money: number;
  /** Distance (0 online or unknown) and start day, worked out once when a diverse collection sorts by them. */
  km?: number;
  start?: number;
}

/**
 * One skill's live learning offers that pass every check but radius, budget and level (mode, access,
 * closing date, not excluded), read in the index's price order as far as any view has asked: those
 * from the price-ordered part (in order) and the unordered tail (appended since the last compaction,
 * read whole once), as positions in `found`; and where the read stopped.
 */
interface TeacherScan {
  found: FoundTeachers;
  passed: number[];
  next: number;
  tail: number[] | undefined;
}

/**
 * What is known of each teacher a scan found, worked out when a view first asks (-1 before): its
 * distance for the radius check (NaN online or unknown), its price, and the teacher as a candidate
 * list holds it.
 */
interface FoundTeachers {
  slot: number[];
  /** Place in the skill's posting list (and its TeacherColumns). */
  pos: number[];
  d: number[];
  money: number[];
  teacher: (UsableTeacher | undefined)[];
}

/**
 * Per skill code, what the scan found so far. Valid for filters that agree on all but radius and
 * budget (the same learner's skills, location, modes, access and eligibility, and the same day and
 * exclusions): what-ifs that change only the radius or the budget read the same scans, each through
 * its own view.
 */
export interface TeacherScans {
  skills: Map<number, TeacherScan>;
}

/**
 * One filter's view of the shared scans, per (skill, level) need: the usable teachers in price order
 * (those of the shared list within its radius and budget that teach to the level), how far into the
 * shared list it has read, and its usable tail.
 */
interface NeedScan {
  sortedOk: UsableTeacher[];
  read: number;
  tail: UsableTeacher[] | undefined;
}

export interface NeedScans {
  shared: TeacherScans;
  needs: Map<number, NeedScan>;
}

export function newTeacherScans(): TeacherScans {
  return { skills: new Map() };
}

export const newNeedScans = (shared: TeacherScans = newTeacherScans()): NeedScans => ({
  shared,
  needs: new Map(),
});

/**
 * The first `enough` usable teachers in price order plus every usable one in the unordered tail,
 * in that order — exactly what one scan that stops at `enough` would find; continues an earlier,
 * shorter scan instead of starting again. Usable: a live learning offer, not excluded, passing the
 * filter (mode, access, closing date, budget, radius) and teaching the need to its level.
 */
function usableTeachers(
  q: CandidateQuery,
  scans: NeedScans,
  need: { code: number; level: number },
  enough: number,
): UsableTeacher[] {
  const { index, filter, excluded } = q;
  const shared = scans.shared;
  let base = shared.skills.get(need.code);
  if (!base) {
    const found: FoundTeachers = { slot: [], pos: [], d: [], money: [], teacher: [] };
    shared.skills.set(need.code, (base = { found, passed: [], next: 0, tail: undefined }));
  }
  const key = need.code * 256 + need.level;
  let scan = scans.needs.get(key);
  if (!scan) scans.needs.set(key, (scan = { sortedOk: [], read: 0, tail: undefined }));
  const { slots: teachers, sorted } = index.teachersInOrder(need.code);
  const cols = teacherColumns(index, need.code);
  const hours = index.hours.data;
  const found = base.found;
  const pass = (pos: number, into: number[]): void => {
    cols.reach(pos);
    const slot = teachers[pos];
    if (
      !LEARNING_KIND_CODES[cols.kind[pos]] ||
      excluded.has(slot) ||
      !filter.passesAllButBudgetOf(cols.flags[pos], cols.mode[pos], cols.closingDay[pos])
    )
      return;
    into.push(found.slot.length);
    found.slot.push(slot);
    found.pos.push(pos);
    found.d.push(-1);
    found.money.push(-1);
    found.teacher.push(undefined);
  };
  const radius = filter.radius;
  const budget = filter.budgetPence;
  // The checks in the order the filter makes them: radius, then level, then price.
  const fits = (i: number): boolean => {
    const slot = found.slot[i];
    if (radius !== Infinity) {
      let d = found.d[i];
      if (d === -1) {
        const pos = found.pos[i];
        found.d[i] = d = filter.distanceOf(cols.lat[pos], cols.lon[pos], cols.mode[pos]);
      }
      if (!(Number.isNaN(d) || d <= radius)) return false;
    }
    if (cols.level[found.pos[i]] < need.level) return false;
    let money = found.money[i];
    if (money === -1) found.money[i] = money = filter.costFor(slot);
    return !(budget !== undefined && money > budget);
  };
  const teacher = (i: number): UsableTeacher => {
    let t = found.teacher[i];
    if (!t) {
      const slot = found.slot[i];
      const h = Number.isNaN(hours[slot]) ? 0 : hours[slot];
      const money = found.money[i];
      // The distance the radius check worked out, if it did, is the one a diverse collection sorts by.
      const d = found.d[i];
      const km = d === -1 ? undefined : Number.isNaN(d) ? 0 : d;
      found.teacher[i] = t = { slot, value: h + money / 1000, money, km, start: undefined };
    }
    return t;
  };
  const passed = base.passed;
  while (scan.sortedOk.length < enough) {
    if (scan.read < passed.length) {
      const i = passed[scan.read++];
      if (fits(i)) scan.sortedOk.push(teacher(i));
    } else if (base.next < sorted) pass(base.next++, passed);
    else break;
  }
  if (!scan.tail) {
    if (!base.tail) {
      base.tail = [];
      for (let t = sorted; t < teachers.length; t++) pass(t, base.tail);
    }
    scan.tail = base.tail.filter(fits).map(teacher);
  }
  const head = scan.sortedOk.length > enough ? scan.sortedOk.slice(0, enough) : scan.sortedOk;
  return scan.tail.length === 0 ? head : [...head, ...scan.tail];
}

/** Candidates: live usable offers teaching a goal skill, then (up to 3 levels) what unlocks them. */
export function collectCandidates(q: CandidateQuery): number[] {
  const { index, filter, codes, perSkill } = q;
  const scans = q.scans ?? newNeedScans();
  const held = codes.held;
  const chosen = new Set<number>();
  let frontier = codes.goal.filter((g) => held[g.code] < g.level);
  const seenNeeds = new Set<number>();
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: { code: number; level: number }[] = [];
    // Goal skills get the full choice; what merely unlocks a course gets a shorter list.
    const limit = depth === 0 ? perSkill : Math.max(4, Math.ceil(perSkill / 5));
    for (const need of frontier) {
      const key = need.code * 256 + need.level;
      if (seenNeeds.has(key)) continue;
      seenNeeds.add(key);
      // Teachers come cheapest-first (by list price), so stop once enough usable ones are found; funding
      // can only make one cheaper, and the few cheapest in money are kept for tight budgets.
      // Alternatives look further down the price order for nearer or sooner offers, within a bound.
      const ok = usableTeachers(q, scans, need, q.diverse ? limit * DIVERSE_SCAN : limit * 2);
      const few = Math.ceil(limit / 4);
      const keep = new Set([
        ...[...ok].sort((x, y) => x.value - y.value || x.slot - y.slot).slice(0, limit),
        ...[...ok].sort((x, y) => x.money - y.money || x.value - y.value).slice(0, few),
      ]);
      if (q.diverse) {
        for (const o of ok) {
          if (o.km === undefined) {
            const d = filter.distance(o.slot);
            o.km = Number.isNaN(d) ? 0 : d;
          }
          o.start ??= Math.max(0, index.startDay.data[o.slot]);
        }
        for (const o of [...ok]
          .sort((x, y) => (x.km as number) - (y.km as number) || x.value - y.value)
          .slice(0, few))
          keep.add(o);
        for (const o of [...ok]
          .sort((x, y) => (x.start as number) - (y.start as number) || x.value - y.value)
          .slice(0, few))
          keep.add(o);
      }
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

export interface CodedProblemQuery {
  index: CatalogueIndex;
  filter: LearnerFilter;
  codes: LearnerSkillCodes;
  slots: readonly number[];
  budgetPence: number;
  /** Planning cost of a slot (the objective term). */
  costOf: (slot: number) => number;
}

/** The planning problem straight from the index's columns, without building records. */
export function codedProblemInput(q: CodedProblemQuery): CodedPlanInput {
  const { index: ix, filter, codes } = q;
  // The held table is copied whole: a loop over every skill code here ran on-stack-replaced code that
  // deoptimised at its exit on every call, leaving the rest of the function to the interpreter.
  const b = new CodedPlanInputBuilder(codes.skillCount, codes.skillName, q.budgetPence, codes.held);
  for (const g of codes.goal) b.need(g.code, g.level);
  for (const slot of q.slots) {
    b.op(ix.ids[slot], q.costOf(slot), filter.costFor(slot), true);
    for (let i = ix.teaches.start.data[slot]; i < ix.teaches.start.data[slot + 1]; i++)
      b.teach(ix.teaches.skill.data[i], ix.teaches.level.data[i]);
    for (let i = ix.requires.start.data[slot]; i < ix.requires.start.data[slot + 1]; i++)
      b.require(ix.requires.skill.data[i], ix.requires.level.data[i]);
  }
  return b.build();
}
