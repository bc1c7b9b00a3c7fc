import { CatalogueIndex } from '../index/catalogue-index';
import { levelCredit } from '../fit/skill-credit';
import { DELIVERY_MODES, LearnerRecord, SkillLevel } from '../lib/matching.types';

/**
 * A learner compiled against an index: for each skill code, the best (credit factor, level) the learner
 * brings to a need for it, directly or through the hierarchy. Sparse: only touched codes are stored.
 */
export class LearnerQuery {
  /** Dense per skill code: credit factor (0 = nothing) and the level behind it. */
  readonly factor: Float32Array;
  readonly level: Uint8Array;
  readonly direct = new Map<number, number>();
  readonly modeMask: number;

  constructor(
    readonly index: CatalogueIndex,
    readonly learner: LearnerRecord,
    from?: LearnerQuery,
  ) {
    if (from) {
      this.factor = from.factor.slice();
      this.level = from.level.slice();
      for (const [code, level] of from.direct) this.direct.set(code, level);
    } else {
      this.factor = new Float32Array(index.skillCount);
      this.level = new Uint8Array(index.skillCount);
    }
    this.add(from ? [] : learner.skills);
    const modes = learner.modes && learner.modes.length > 0 ? learner.modes : DELIVERY_MODES;
    this.modeMask = modes.reduce((m, mode) => m | (1 << DELIVERY_MODES.indexOf(mode)), 0);
  }

  /**
   * This learner once they also hold `skills` (a plan's gains), without starting again: each code keeps
   * the best (factor, level) offered, and the best of a set does not depend on the order offers come
   * in, so this equals a query built from the learner's skills and `skills` together.
   */
  plus(skills: readonly SkillLevel[]): LearnerQuery {
    const q = new LearnerQuery(this.index, this.learner, this);
    q.add(skills);
    return q;
  }

  private add(skills: readonly SkillLevel[]): void {
    const index = this.index;
    for (const s of skills) {
      const code = index.findSkill(s.skill);
      if (code === undefined) continue;
      this.direct.set(code, Math.max(this.direct.get(code) ?? 0, s.level));
      this.offer(code, 1, s.level);
      const { codes, credits } = index.relatedCodes(code);
      for (let i = 0; i < codes.length; i++) this.offer(codes[i], credits[i], s.level);
    }
  }

  private offer(code: number, factor: number, level: number): void {
    const f = this.factor[code];
    // Compared as stored (float32), so the best (factor, level) wins whatever order offers come in.
    const f32 = Math.fround(factor);
    if (f32 > f || (f32 === f && level > this.level[code])) {
      this.factor[code] = f32;
      this.level[code] = level;
    }
  }

  /** Credit 0..1 the learner earns towards needing `code` at `need`. */
  credit(code: number, need: number): number {
    return levelCredit(this.level[code], need, this.factor[code]);
  }

  static codes(index: CatalogueIndex, skills: readonly SkillLevel[]): { code: number; level: number }[] {
    const out: { code: number; level: number }[] = [];
    for (const s of skills) {
      const code = index.findSkill(s.skill);
      if (code !== undefined) out.push({ code, level: s.level });
    }
    return out;
  }
}
