/**
 * Equivalence check for roadmap speed work (not part of the recorded benchmark): plans many goals with
 * `planRoadmap` and `planOptions` and writes every output as JSON lines, so a change that should not alter
 * results can be compared with the code before it.
 *
 *   node -r @swc-node/register scripts/bench/matching/roadmap-equivalence.ts --write /tmp/before.jsonl
 *   node -r @swc-node/register scripts/bench/matching/roadmap-equivalence.ts --check /tmp/before.jsonl
 *
 * Two catalogues: the benchmark's own (its learners: no budget, 25 km, every mode) and a varied one
 * (start and closing dates, access flags, entitlements; learners with budgets, fewer modes, access needs,
 * unanswered funding questions, dropped courses), so every blocker kind and what-if is exercised.
 * `--goals N` per catalogue (default 300), `--courses N` (default 100,000).
 */
import {
  CatalogueIndex,
  DeliveryMode,
  LearnerRecord,
  OpportunityRecord,
  planOptions,
  planRoadmap,
} from '@skillpath/matching';
import { ENTITLEMENT_IDS } from '../../../libs/matching/src/funding/funding-rules';
import { SeededRandom } from '../../../libs/matching/src/testing/seeded-random';
import { CatalogueGenerator } from './catalogue-generator';
import { benchGoals, benchLearners, goalOccupations } from './bench-workload';
import { loadTaxonomy } from './esco-catalogue';
import { writeOrCheckSnapshot } from './equivalence-snapshot';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const GOALS = Number(arg('--goals') ?? 300);
const COURSES = Number(arg('--courses') ?? 100_000);
const VACANCIES = 50_000;
const today = '2025-01-06';

const taxonomy = loadTaxonomy();
const occs = goalOccupations(taxonomy.occupations);
const goalFor = benchGoals(taxonomy.occupations);
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const todayDay = Math.floor(Date.parse(today) / 86_400_000);

interface Case {
  name: string;
  index: CatalogueIndex;
  learners: LearnerRecord[];
  excludeFor: (i: number) => string[] | undefined;
}

function benchCase(): Case {
  const gen = new CatalogueGenerator(
    taxonomy.skills.map((s) => s.id),
    taxonomy.occupations.map((o) => o.id),
  );
  const records: OpportunityRecord[] = [];
  for (let i = 0; i < VACANCIES; i++) records.push(gen.vacancy(i));
  for (let i = 0; i < COURSES; i++) records.push(gen.course(i));
  const index = CatalogueIndex.build(records, taxonomy.skills);
  const learners = benchLearners(gen, GOALS);
  return { name: 'bench', index, learners, excludeFor: () => undefined };
}

function variedCase(): Case {
  const gen = new CatalogueGenerator(
    taxonomy.skills.map((s) => s.id),
    taxonomy.occupations.map((o) => o.id),
    new SeededRandom(777),
  );
  const r = new SeededRandom(4242);
  const records: OpportunityRecord[] = [];
  for (let i = 0; i < VACANCIES; i++) {
    const v = gen.vacancy(i);
    records.push(r.chance(0.3) ? { ...v, closingDate: isoOf(todayDay + r.int(-30, 120)) } : v);
  }
  for (let i = 0; i < COURSES; i++) {
    const c = gen.course(i);
    records.push({
      ...c,
      ...(r.chance(0.3) ? { startDate: isoOf(todayDay + r.int(-20, 200)) } : {}),
      ...(r.chance(0.15) ? { closingDate: isoOf(todayDay + r.int(-60, 60)) } : {}),
      ...(r.chance(0.2) ? { durationWeeks: r.int(1, 30) } : {}),
      ...(r.chance(0.2) ? { hoursPerWeek: r.int(2, 20) } : {}),
      ...(r.chance(0.2) ? { stepFree: false } : {}),
      ...(r.chance(0.2) ? { needsOwnDevice: true } : {}),
      ...(r.chance(0.25) ? { entitlements: [r.pick([...ENTITLEMENT_IDS])] } : {}),
    });
  }
  const index = CatalogueIndex.build(records, taxonomy.skills);
  const MODES: DeliveryMode[] = ['IN_PERSON', 'ONLINE', 'HYBRID'];
  const learners: LearnerRecord[] = Array.from({ length: GOALS }, (_, i) => {
    const variant = i % 6;
    const base: LearnerRecord = {
      skills: gen.skills(gen.int(10, 40), 1, 4),
      location: gen.location(),
      travelRadiusKm: r.pick([5, 10, 25, 40]),
      hoursPerWeek: r.int(3, 15),
      eligibility: r.chance(0.5) ? { employmentStatus: 'UNEMPLOYED' } : {},
    };
    if (variant === 1 || variant === 4) base.budgetPence = r.pick([0, 5_000, 20_000, 100_000, 400_000]);
    if (variant === 2 || variant === 4)
      base.modes = r.chance(0.5) ? [r.pick(MODES)] : [r.pick(MODES), 'ONLINE'];
    if (variant === 3) base.access = r.chance(0.5) ? { stepFreeOnly: true } : { noLaptop: true };
    if (variant === 5) {
      base.budgetPence = r.int(0, 50) * 2_000;
      base.eligibility = { ageBand: '19-23', receivingBenefits: r.chance(0.5) };
      base.modes = [r.pick(MODES)];
    }
    return base;
  });
  // Some learners dropped courses (the plan must not use them): a few of the first plan's steps.
  return {
    name: 'varied',
    index,
    learners,
    excludeFor: (i) =>
      i % 7 === 0 ? [`course-${(i * 37) % COURSES}`, `course-${(i * 101) % COURSES}`] : undefined,
  };
}

const lines: string[] = [];
const started = performance.now();
for (const make of [benchCase, variedCase]) {
  const c = make();
  for (let i = 0; i < GOALS; i++) {
    const opts = {
      today,
      occupations: i % 5 === 0 ? occs.slice(0, 400) : undefined,
      excludeOpportunityIds: c.excludeFor(i),
    };
    const roadmap = planRoadmap(c.index, c.learners[i], goalFor(i), opts);
    const options = planOptions(c.index, c.learners[i], goalFor(i), opts);
    lines.push(JSON.stringify({ case: c.name, i, roadmap, options }));
  }
  process.stderr.write(`${c.name}: ${GOALS} goals planned\n`);
}
process.stderr.write(`planned in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

writeOrCheckSnapshot(lines);
