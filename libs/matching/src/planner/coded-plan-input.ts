import { Growable } from '../index/growable-array';
import { PlanningInstance } from './planning.types';

/**
 * A planning instance with skills as integer codes, which is what compilation works on. Each op's
 * taught and required skills are listed once, at their highest level, in first-listed order (as
 * `maxLevels` would give them).
 */
export interface CodedPlanInput {
  /** Skill codes are 0..skillCount-1. */
  skillCount: number;
  skillName(code: number): string;
  /** Highest level the learner holds, per skill code (0 = none). */
  held: Uint8Array;
  /** Goal needs: distinct skills at their highest level, in first-listed order. */
  goal: { code: number; level: number }[];
  ids: string[];
  teachStart: Int32Array;
  teachSkill: Int32Array;
  teachLevel: Uint8Array;
  reqStart: Int32Array;
  reqSkill: Int32Array;
  reqLevel: Uint8Array;
  /** Objective cost and money (pence) per op. */
  cost: Float64Array;
  money: Float64Array;
  /** 1 when the op's mode and distance suit the learner (money is checked against `budget` later). */
  usable: Uint8Array;
  budget: number;
}

/** Collects ops one by one into a CodedPlanInput. */
export class CodedPlanInputBuilder {
  private readonly ids: string[] = [];
  private readonly teachStart = new Growable(Int32Array, 64);
  private readonly teachSkill = new Growable(Int32Array, 256);
  private readonly teachLevel = new Growable(Uint8Array, 256);
  private readonly reqStart = new Growable(Int32Array, 64);
  private readonly reqSkill = new Growable(Int32Array, 256);
  private readonly reqLevel = new Growable(Uint8Array, 256);
  private readonly cost = new Growable(Float64Array, 64);
  private readonly money = new Growable(Float64Array, 64);
  private readonly usable = new Growable(Uint8Array, 64);
  private readonly goal: { code: number; level: number }[] = [];
  readonly held: Uint8Array;

  constructor(
    private readonly skillCount: number,
    private readonly skillName: (code: number) => string,
    private readonly budget: number,
    /** Levels held per skill code to start from (copied), as hold() for each. */
    held?: Uint8Array,
  ) {
    this.held = held ? Uint8Array.from(held) : new Uint8Array(skillCount);
    this.teachStart.push(0);
    this.reqStart.push(0);
  }

  hold(code: number, level: number): void {
    if (level > this.held[code]) this.held[code] = level;
  }

  need(code: number, level: number): void {
    const g = this.goal.find((x) => x.code === code);
    if (g) g.level = Math.max(g.level, level);
    else this.goal.push({ code, level });
  }

  /** Starts an op; follow with teach()/require() calls for its skills. */
  op(id: string, cost: number, money: number, usable: boolean): void {
    this.ids.push(id);
    this.cost.push(cost);
    this.money.push(money);
    this.usable.push(usable ? 1 : 0);
    this.teachStart.push(this.teachSkill.length);
    this.reqStart.push(this.reqSkill.length);
  }

  teach(code: number, level: number): void {
    this.add(this.teachStart, this.teachSkill, this.teachLevel, code, level);
  }

  require(code: number, level: number): void {
    this.add(this.reqStart, this.reqSkill, this.reqLevel, code, level);
  }

  private add(
    start: Growable<Int32Array>,
    skill: Growable<Int32Array>,
    lvl: Growable<Uint8Array>,
    code: number,
    level: number,
  ): void {
    const from = start.data[start.length - 2];
    for (let i = from; i < skill.length; i++) {
      if (skill.data[i] === code) {
        if (level > lvl.data[i]) lvl.data[i] = level;
        return;
      }
    }
    skill.push(code);
    lvl.push(level);
    start.data[start.length - 1] = skill.length;
  }

  build(): CodedPlanInput {
    const cut = <T extends Int32Array | Uint8Array | Float64Array>(g: Growable<T>): T =>
      g.data.slice(0, g.length) as T;
    return {
      skillCount: this.skillCount,
      skillName: this.skillName,
      held: this.held,
      goal: this.goal,
      ids: this.ids,
      teachStart: cut(this.teachStart),
      teachSkill: cut(this.teachSkill),
      teachLevel: cut(this.teachLevel),
      reqStart: cut(this.reqStart),
      reqSkill: cut(this.reqSkill),
      reqLevel: cut(this.reqLevel),
      cost: cut(this.cost),
      money: cut(this.money),
      usable: cut(this.usable),
      budget: this.budget,
    };
  }
}

/** Codes a contract instance: skill names are numbered in order of first appearance. */
export function codePlanningInstance(
  instance: PlanningInstance,
  costOf: (i: number) => number,
  usableOf: (i: number) => boolean,
): CodedPlanInput {
  const codes = new Map<string, number>();
  const names: string[] = [];
  const code = (skill: string): number => {
    let c = codes.get(skill);
    if (c === undefined) {
      c = names.length;
      codes.set(skill, c);
      names.push(skill);
    }
    return c;
  };
  for (const s of instance.learner.skills) code(s.skill);
  for (const s of instance.goal.skills) code(s.skill);
  for (const o of instance.opportunities) {
    for (const s of o.teaches) code(s.skill);
    for (const s of o.requires) code(s.skill);
  }
  const b = new CodedPlanInputBuilder(
    names.length,
    (c) => names[c],
    instance.learner.budgetPence ?? Infinity,
  );
  for (const s of instance.learner.skills) b.hold(code(s.skill), s.level);
  for (const s of instance.goal.skills) b.need(code(s.skill), s.level);
  instance.opportunities.forEach((o, i) => {
    b.op(o.id, costOf(i), o.costPence ?? 0, usableOf(i));
    for (const s of o.teaches) b.teach(code(s.skill), s.level);
    for (const s of o.requires) b.require(code(s.skill), s.level);
  });
  return b.build();
}
