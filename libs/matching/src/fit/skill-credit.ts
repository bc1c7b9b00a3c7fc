/**
 * The one skill-credit formula. Holding a skill at level `have` earns `factor` (1 for the skill
 * itself, less through the hierarchy: see RELATION_CREDIT) towards a need at level `need`, scaled by
 * have/need when below it. Every fit — roles, rankings, candidates, a roadmap's jobs — uses this.
 */
export function levelCredit(have: number, need: number, factor = 1): number {
  if (have <= 0 || factor <= 0) return 0;
  return have >= need ? factor : (factor * have) / need;
}
