import { SkillGraph } from '../fit/skill-graph';
import { PriceDecision } from '../funding/price';
import { SkillLevel } from '../lib/matching.types';
import { distanceWords } from '../lib/geo';
import { pounds } from './dates';

export interface StepFacts {
  graph: SkillGraph;
  accredited: readonly string[];
  gained: readonly SkillLevel[];
  goalLevels: ReadonlyMap<string, number>;
  goalTitle: string;
  price: PriceDecision;
  /** km, NaN when it does not apply. */
  distance: number;
  mode: string;
}

const names = (graph: SkillGraph, xs: readonly SkillLevel[]): string =>
  xs
    .slice(0, 3)
    .map((x) => graph.label(x.skill))
    .join(' and ');

/** Why a step is in the plan, what it costs the learner and why, and where it is. */
export function explainStep(f: StepFacts): string {
  const forGoal = f.gained.filter((g) => f.goalLevels.has(g.skill));
  const stepping = f.gained.filter((g) => !f.goalLevels.has(g.skill));
  const parts: string[] = [];
  if (forGoal.length > 0)
    parts.push(`Teaches ${names(f.graph, forGoal)} to the level ${f.goalTitle} asks for.`);
  if (stepping.length > 0)
    parts.push(
      `${forGoal.length > 0 ? 'Also teaches' : 'Teaches'} ${names(f.graph, stepping)}, which you need before a later step.`,
    );
  if (f.accredited.some((s) => f.gained.some((g) => g.skill === s)))
    parts.push('Employers back this course.');
  const { pricePence, listPence, ask } = f.price;
  parts.push(
    pricePence === 0
      ? listPence > 0
        ? 'Free for you (funded).'
        : 'Free for you.'
      : `Costs you ${pounds(pricePence)}${ask ? `, but ${ask.message}` : ''}.`,
  );
  if (f.price.note) parts.push(f.price.note);
  if (!Number.isNaN(f.distance)) parts.push(distanceWords(f.distance));
  else if (f.mode === 'ONLINE') parts.push('Online, so you can do it from home.');
  return parts.join(' ');
}

export interface SummaryFacts {
  graph: SkillGraph;
  goal: string;
  reachable: boolean;
  steps: number;
  hours: number;
  costPence: number;
  weeks: number;
  missing: readonly SkillLevel[];
  /** Missing goal skills that nothing in the catalogue teaches. */
  untaught: readonly string[];
  /** Missing goal skills that only courses the learner dropped teach. */
  droppedTeaching?: readonly string[];
  /** The first blocker's message, when something on offer teaches a missing skill but is out of reach. */
  firstBlocker?: string;
  jobs: number;
  alternatives: readonly { title: string }[];
}

export function summarise(f: SummaryFacts): string {
  const money = f.costPence === 0 ? 'at no cost to you' : `for ${pounds(f.costPence)}`;
  if (f.reachable && f.steps === 0)
    return `You already have the skills ${f.goal} asks for.${f.jobs > 0 ? ` There ${f.jobs === 1 ? 'is 1 job' : `are ${f.jobs} jobs`} to look at.` : ''}`;
  if (f.reachable)
    return `${f.steps} step${f.steps === 1 ? '' : 's'} to ${f.goal}: about ${Math.round(f.hours)} hours over ${Math.ceil(f.weeks)} weeks, ${money}.${f.jobs > 0 ? ` Then ${f.jobs === 1 ? 'a job' : `${f.jobs} jobs`} to apply for.` : ''}`;
  const label = (skills: readonly string[]) =>
    skills
      .slice(0, 3)
      .map((s) => f.graph.label(s))
      .join(', ');
  const sentences: string[] = [];
  const dropped = f.droppedTeaching ?? [];
  const untaught = f.untaught.filter((s) => !dropped.includes(s));
  if (untaught.length > 0) sentences.push(`Nothing on offer teaches ${label(untaught)} yet.`);
  if (dropped.length > 0)
    sentences.push(`Only a course you dropped teaches ${label(dropped)}: bring it back to reach ${f.goal}.`);
  const blocked = f.missing
    .map((m) => m.skill)
    .filter((s) => !f.untaught.includes(s) && !dropped.includes(s));
  if (blocked.length > 0)
    sentences.push(
      `${label(blocked)} ${blocked.length === 1 ? 'is' : 'are'} out of reach for now${f.firstBlocker ? `: ${f.firstBlocker}` : ''}.`,
    );
  // Never "These 0 steps": with no step, there is nothing to point at.
  if (f.steps > 0)
    sentences.push(
      `${f.steps === 1 ? 'This step gets' : `These ${f.steps} steps get`} you as close to ${f.goal} as we can.`,
    );
  if (f.alternatives.length > 0)
    sentences.push(`You could aim for ${f.alternatives.map((a) => a.title).join(' or ')} instead.`);
  return sentences.join(' ');
}
