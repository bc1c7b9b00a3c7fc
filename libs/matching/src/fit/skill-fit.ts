import { LearnerRecord, OccupationRecord, OpportunityRecord, SkillLevel } from '../lib/matching.types';
import { SkillGraph } from './skill-graph';
import { levelCredit } from './skill-credit';

export const ESSENTIAL_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;

export interface SkillShortfall {
  skill: string;
  label: string;
  need: number;
  /** Level held of this very skill (0 when not held). */
  have: number;
  /** A related skill that earned partial credit, if any. */
  via?: string;
  essential: boolean;
}

export interface FitResult {
  /** Weighted coverage 0..1. */
  score: number;
  met: SkillLevel[];
  short: SkillShortfall[];
  explanation: string;
}

/** Credit 0..1 for one need: level-aware (have/need), and through the hierarchy at reduced credit. */
export function creditFor(
  held: ReadonlyMap<string, number>,
  need: SkillLevel,
  graph: SkillGraph,
): { credit: number; via?: string } {
  const own = held.get(need.skill) ?? 0;
  let best = { credit: levelCredit(own, need.level) } as { credit: number; via?: string };
  if (best.credit >= 1) return best;
  for (const r of graph.related(need.skill)) {
    const lvl = held.get(r.skill) ?? 0;
    const c = levelCredit(lvl, need.level, r.credit);
    if (c > best.credit) best = { credit: c, via: r.skill };
  }
  return best;
}

export function heldLevels(learner: Pick<LearnerRecord, 'skills'>): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of learner.skills) m.set(s.skill, Math.max(m.get(s.skill) ?? 0, s.level));
  return m;
}

function fitTo(
  learner: Pick<LearnerRecord, 'skills'>,
  needs: { need: SkillLevel; essential: boolean }[],
  target: string,
  graph: SkillGraph,
): FitResult {
  const held = heldLevels(learner);
  let total = 0;
  let got = 0;
  const met: SkillLevel[] = [];
  const short: SkillShortfall[] = [];
  for (const { need, essential } of needs) {
    const w = essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT;
    const { credit, via } = creditFor(held, need, graph);
    total += w;
    got += w * credit;
    if (credit >= 1) met.push(need);
    else {
      short.push({
        skill: need.skill,
        label: graph.label(need.skill),
        need: need.level,
        have: held.get(need.skill) ?? 0,
        ...(via ? { via } : {}),
        essential,
      });
    }
  }
  const score = total === 0 ? 1 : got / total;
  return { score, met, short, explanation: explainFit(score, met.length, short, target, graph) };
}

function explainFit(
  score: number,
  metCount: number,
  short: SkillShortfall[],
  target: string,
  graph: SkillGraph,
): string {
  const pct = Math.round(score * 100);
  const parts = [`You match ${pct}% of what ${target} asks for`];
  parts[0] += metCount > 0 ? ` and already have ${metCount} of the skills.` : '.';
  const missing = short.filter((s) => s.essential).slice(0, 3);
  if (missing.length > 0) {
    const bits = missing.map((s) =>
      s.have > 0
        ? `${s.label} (level ${s.have} of ${s.need})`
        : s.via
          ? `${s.label} (you know ${graph.label(s.via)})`
          : s.label,
    );
    parts.push(`Still to learn: ${bits.join(', ')}${short.length > missing.length ? ' and more' : ''}.`);
  } else if (short.length === 0) parts.push('You have everything it needs.');
  return parts.join(' ');
}

export function fitToOccupation(
  learner: Pick<LearnerRecord, 'skills'>,
  occupation: OccupationRecord,
  graph = new SkillGraph(),
): FitResult {
  const needs = [
    ...occupation.essential.map((need) => ({ need, essential: true })),
    ...occupation.optional.map((need) => ({ need, essential: false })),
  ];
  return fitTo(learner, needs, occupation.title, graph);
}

/** Fit to an opportunity's entry requirements (for a vacancy: the skills it asks for). */
export function fitToOpportunity(
  learner: Pick<LearnerRecord, 'skills'>,
  opp: Pick<OpportunityRecord, 'requires' | 'title'>,
  graph = new SkillGraph(),
): FitResult {
  return fitTo(
    learner,
    opp.requires.map((need) => ({ need, essential: true })),
    opp.title || 'this opportunity',
    graph,
  );
}

/** Goal needs the learner does not fully meet (the gap). */
export function skillGap(learner: Pick<LearnerRecord, 'skills'>, needs: readonly SkillLevel[]): SkillLevel[] {
  const held = heldLevels(learner);
  return needs.filter((n) => (held.get(n.skill) ?? 0) < n.level);
}
