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
  ) {
    this.factor = new Float32Array(index.skillCount);
    this.level = new Uint8Array(index.skillCount);
    for (const s of learner.skills) {
      const code = index.findSkill(s.skill);
      if (code === undefined) continue;
      this.direct.set(code, Math.max(this.direct.get(code) ?? 0, s.level));
      this.offer(code, 1, s.level);
      for (const r of index.graph.related(s.skill)) {
        const rc = index.findSkill(r.skill);
        if (rc !== undefined) this.offer(rc, r.credit, s.level);
      }
    }
    const modes = learner.modes && learner.modes.length > 0 ? learner.modes : DELIVERY_MODES;
    this.modeMask = modes.reduce((m, mode) => m | (1 << DELIVERY_MODES.indexOf(mode)), 0);
  }

  private offer(code: number, factor: number, level: number): void {
    const f = this.factor[code];
    if (factor > f || (factor === f && level > this.level[code])) {
      this.factor[code] = factor;
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
