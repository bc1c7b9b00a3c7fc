import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord } from '../lib/matching.types';
import { dayOf, longDate, pounds } from './dates';
import { GoalContext, SolvedGoal, Weighting } from './goal-context';
import { buildRoadmap, diagnoseGoal } from './plan-roadmap';
import { OptionLabel, Roadmap, RoadmapGoal, RoadmapOption, RoadmapOptions } from './roadmap.types';
import { schedule } from './schedule';

interface Candidate {
  solved: SolvedGoal;
  key: string;
  cost: number;
  weeks: number;
  hours: number;
  travel: number;
}

/** Ways of weighing a plan besides the roadmap's own (mostly hours): money, time to the first job, travel. */
const WEIGHINGS: { weighting: Weighting; diverse: boolean }[] = [
  { weighting: { perHour: 0.01, perPound: 1 }, diverse: false },
  { weighting: { perHour: 0.01, perPound: 0.001, perWeek: 1 }, diverse: true },
  { weighting: { perHour: 0.01, perPound: 0.001, perKm: 1 }, diverse: true },
];

const dominates = (a: Candidate, b: Candidate): boolean =>
  a.cost <= b.cost &&
  a.weeks <= b.weeks &&
  a.hours <= b.hours &&
  a.travel <= b.travel &&
  (a.cost < b.cost || a.weeks < b.weeks || a.hours < b.hours || a.travel < b.travel);

const byKey = (a: Candidate, b: Candidate): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Up to three Pareto-distinct plans for a goal: the cheapest; the soonest finished (weeks until the
 * last step ends, from real start dates); and the one with least travel or, failing that, fewest
 * hours. Each covers as much of the goal as any plan can, none is worse than another on every
 * measure, and each says its trade-off in a sentence. Deterministic: ties break by step ids.
 */
export function planOptions(
  index: CatalogueIndex,
  learner: LearnerRecord,
  goal: RoadmapGoal,
  opts: RoadmapOptions = {},
): RoadmapOption[] {
  const ctx = new GoalContext(index, learner, goal, opts);
  const base = ctx.solve();
  const all: Candidate[] = [];
  const seen = new Set<string>();
  for (const solved of [base, ...WEIGHINGS.map((w) => ctx.solve(w.weighting, w.diverse))]) {
    const key = solved.slots
      .map((s) => index.ids[s])
      .sort()
      .join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const s = schedule(ctx, solved.slots, solved.objective);
    all.push({
      solved,
      key,
      cost: s.totals.costPence,
      weeks: s.totals.weeks,
      hours: s.totals.hours,
      travel: s.totals.travelKm,
    });
  }
  const bestCoverage = Math.max(...all.map((c) => c.solved.coverage));
  const front = all
    .filter((c) => c.solved.coverage === bestCoverage)
    .filter((c, _, xs) => !xs.some((d) => dominates(d, c)))
    .sort(byKey);
  const pick = (cmp: (a: Candidate, b: Candidate) => number): Candidate =>
    [...front].sort((a, b) => cmp(a, b) || byKey(a, b))[0];
  const chosen: { c: Candidate; label: OptionLabel }[] = [];
  const sameMeasures = (a: Candidate, b: Candidate) =>
    a.cost === b.cost && a.weeks === b.weeks && a.hours === b.hours && a.travel === b.travel;
  const offer = (c: Candidate, label: OptionLabel, better: (x: Candidate, y: Candidate) => boolean): void => {
    if (chosen.length >= 3) return;
    if (chosen.some((o) => o.c.key === c.key || sameMeasures(o.c, c))) return;
    if (!chosen.every((o) => better(c, o.c))) return;
    chosen.push({ c, label });
  };
  const cheapest = pick(
    (a, b) => a.cost - b.cost || a.weeks - b.weeks || a.hours - b.hours || a.travel - b.travel,
  );
  chosen.push({ c: cheapest, label: 'CHEAPEST' });
  offer(
    pick((a, b) => a.weeks - b.weeks || a.cost - b.cost || a.hours - b.hours || a.travel - b.travel),
    'SOONEST',
    (x, y) => x.weeks < y.weeks,
  );
  const beforeThird = chosen.length;
  offer(
    pick((a, b) => a.travel - b.travel || a.cost - b.cost || a.weeks - b.weeks || a.hours - b.hours),
    'LEAST_TRAVEL',
    (x, y) => x.travel < y.travel,
  );
  if (chosen.length === beforeThird)
    offer(
      pick((a, b) => a.hours - b.hours || a.cost - b.cost || a.weeks - b.weeks || a.travel - b.travel),
      'FEWEST_HOURS',
      (x, y) => x.hours < y.hours,
    );

  const diagnosis = diagnoseGoal(ctx, base);
  const roadmaps = chosen.map(({ c, label }) => ({
    label,
    c,
    roadmap: buildRoadmap(ctx, c.solved, diagnosis),
  }));
  const soonest = roadmaps.find((r) => r.label === 'SOONEST');
  return roadmaps.map(({ label, c, roadmap }) => {
    const withNote: Roadmap =
      roadmap.startNote &&
      soonest &&
      soonest.c.key !== c.key &&
      (soonest.roadmap.firstStart ?? '') < (roadmap.firstStart ?? '')
        ? {
            ...roadmap,
            startNote: `${roadmap.startNote} The soonest option starts on ${longDate(dayOf(soonest.roadmap.firstStart!))}.`,
          }
        : roadmap;
    return { ...withNote, label, tradeOff: tradeOff(label, c, cheapest, chosen.length) };
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function tradeOff(label: OptionLabel, c: Candidate, cheapest: Candidate, count: number): string {
  if (label === 'CHEAPEST') {
    const price = c.cost === 0 ? 'Costs you nothing' : `The lowest price, ${pounds(c.cost)}`;
    return count === 1
      ? `${price}; no other plan is cheaper or sooner.`
      : `${price}, finished in about ${plural(Math.ceil(c.weeks), 'week')}.`;
  }
  const extra = c.cost - cheapest.cost;
  const money = extra > 0 ? `${pounds(extra)} more` : 'The same price';
  const joiner = extra > 0 ? 'but' : 'and';
  if (label === 'SOONEST') {
    const weeks = cheapest.weeks - c.weeks;
    const sooner =
      weeks >= 1 ? plural(Math.round(weeks), 'week') : plural(Math.max(1, Math.round(weeks * 7)), 'day');
    return `${money} ${joiner} you could start work ${sooner} sooner.`;
  }
  if (label === 'LEAST_TRAVEL')
    return `${money} ${joiner} ${Math.round((cheapest.travel - c.travel) * 10) / 10} km less travel.`;
  return `${money} ${joiner} ${plural(Math.round(cheapest.hours - c.hours), 'hour')} less study.`;
}
