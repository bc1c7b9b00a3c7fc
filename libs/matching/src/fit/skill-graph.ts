import { SkillRecord } from '../lib/matching.types';

/** Share of credit a related skill earns: the skill itself, its parent or child, a sibling. */
export const RELATION_CREDIT = { same: 1, parentOrChild: 0.5, sibling: 0.25 } as const;

/** The skill hierarchy (ids, labels, broader links) used for partial credit and for readable text. */
export class SkillGraph {
  private readonly byId = new Map<string, SkillRecord>();
  private readonly children = new Map<string, string[]>();

  constructor(skills: readonly SkillRecord[] = []) {
    for (const s of skills) this.byId.set(s.id, s);
    for (const s of skills) {
      if (!s.broader) continue;
      let list = this.children.get(s.broader);
      if (!list) this.children.set(s.broader, (list = []));
      list.push(s.id);
    }
  }

  label(id: string): string {
    return this.byId.get(id)?.label ?? id;
  }

  parentOf(id: string): string | undefined {
    return this.byId.get(id)?.broader;
  }

  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /** Skills related to `id` with the credit they earn towards it (excluding `id` itself). */
  related(id: string): { skill: string; credit: number }[] {
    const out: { skill: string; credit: number }[] = [];
    const parent = this.parentOf(id);
    if (parent) {
      out.push({ skill: parent, credit: RELATION_CREDIT.parentOrChild });
      for (const sib of this.childrenOf(parent))
        if (sib !== id) out.push({ skill: sib, credit: RELATION_CREDIT.sibling });
    }
    for (const c of this.childrenOf(id)) out.push({ skill: c, credit: RELATION_CREDIT.parentOrChild });
    return out;
  }
}
