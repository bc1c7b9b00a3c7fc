/**
 * Equivalence check for top-50 speed work (not part of the recorded benchmark): ranks many learners with
 * `rankOpportunities` and writes every output as JSON lines, so a change that should not alter results
 * can be compared with the code before it.
 *
 *   node -r @swc-node/register scripts/bench/matching/top50-equivalence.ts --write /tmp/top50-before.jsonl
 *   node -r @swc-node/register scripts/bench/matching/top50-equivalence.ts --check /tmp/top50-before.jsonl
 *
 * Two catalogues: the benchmark's own (built as the benchmark builds it; `--vacancies N`, default
 * 1,000,000) with its 300 learners and the benchmark's query, then the same learners with other radii,
 * k, kinds and no location; and a varied one (inferred requirements, closing dates, access flags,
 * funding, online listings, appended and expired slots after the compaction) with learners who have
 * budgets, fewer modes, access needs, other radii, needed skills and outcome scores, over every kind.
 */
import {
  CatalogueIndex,
  DeliveryMode,
  LearnerRecord,
  OPPORTUNITY_KINDS,
  OpportunityKind,
  OpportunityRecord,
  rankOpportunities,
} from '@skillpath/matching';
import { ENTITLEMENT_IDS } from '../../../libs/matching/src/funding/funding-rules';
import { SeededRandom } from '../../../libs/matching/src/testing/seeded-random';
import { CatalogueGenerator } from './catalogue-generator';
import { benchLearners } from './bench-workload';
import { loadTaxonomy } from './esco-catalogue';
import { benchGenerator, feedBenchIndexes } from './bench-catalogue';
import { writeOrCheckSnapshot } from './equivalence-snapshot';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const VACANCIES = Number(arg('--vacancies') ?? 1_000_000);
const today = '2025-01-06';
const taxonomy = loadTaxonomy();
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const todayDay = Math.floor(Date.parse(today) / 86_400_000);
const lines: string[] = [];
const emit = (name: string, i: number, out: unknown) => lines.push(JSON.stringify({ case: name, i, out }));

function benchCase(): void {
  const gen = benchGenerator(taxonomy);
  const index = new CatalogueIndex(taxonomy.skills);
  feedBenchIndexes([index], gen, VACANCIES, VACANCIES / 10);
  const learners = benchLearners(gen, 300);
  for (let i = 0; i < learners.length; i++)
    emit('bench', i, rankOpportunities(index, learners[i], { kinds: ['VACANCY'], k: 50 }));
  const r = new SeededRandom(99);
  for (let i = 0; i < learners.length; i++) {
    const learner: LearnerRecord = { ...learners[i], travelRadiusKm: r.pick([1, 5, 10, 40, 100]) };
    if (i % 10 === 0) delete learner.location;
    if (i % 10 === 1) delete learner.travelRadiusKm;
    const kinds: OpportunityKind[] = r.pick([['VACANCY'], ['APPRENTICESHIP'], ['VACANCY', 'APPRENTICESHIP']]);
    const k = r.pick([0, 1, 10, 50, 200]);
    emit('bench-other', i, rankOpportunities(index, learner, { kinds, k }));
  }
  process.stderr.write(`bench: ${VACANCIES} vacancies, 600 rankings\n`);
}

function variedCase(): void {
  const gen = new CatalogueGenerator(
    taxonomy.skills.map((s) => s.id),
    taxonomy.occupations.map((o) => o.id),
    new SeededRandom(777),
  );
  const r = new SeededRandom(4242);
  const vacancies = 100_000;
  const courses = 20_000;
  const vary = (v: OpportunityRecord): OpportunityRecord => ({
    ...v,
    ...(r.chance(0.3) ? { closingDate: isoOf(todayDay + r.int(-30, 120)) } : {}),
    ...(r.chance(0.3) ? { inferredRequires: gen.skills(r.int(1, 6), 1, 4) } : {}),
    ...(r.chance(0.05) ? { requires: [], inferredRequires: gen.skills(r.int(1, 6), 1, 3) } : {}),
    ...(r.chance(0.02) ? { requires: [] } : {}),
    ...(r.chance(0.15) ? { stepFree: false } : {}),
    ...(r.chance(0.15) ? { needsOwnDevice: true } : {}),
  });
  const course = (i: number): OpportunityRecord => ({
    ...vary(gen.course(i)),
    ...(r.chance(0.25) ? { entitlements: [r.pick([...ENTITLEMENT_IDS])] } : {}),
  });
  const records: OpportunityRecord[] = [];
  for (let i = 0; i < vacancies; i++) records.push(vary(gen.vacancy(i)));
  for (let i = 0; i < courses; i++) records.push(course(i));
  const index = CatalogueIndex.build(records, taxonomy.skills);
  // Changes since the compaction: new and changed listings (appended slots) and expired ones.
  const later: OpportunityRecord[] = [];
  for (let i = 0; i < 3_000; i++) later.push(vary(gen.vacancy(vacancies + i)));
  for (let i = 0; i < 2_000; i++) later.push(vary(gen.vacancy(r.int(0, vacancies - 1))));
  for (let i = 0; i < 500; i++) later.push(course(courses + i));
  index.upsert(later);
  index.expire(Array.from({ length: 2_000 }, () => `vac-${r.int(0, vacancies - 1)}`));
  index.expire(Array.from({ length: 200 }, () => `course-${r.int(0, courses - 1)}`));
  const outcomes = new Map<string, number>();
  for (let i = 0; i < courses; i += 3) outcomes.set(`course-${i}`, r.next());

  const MODES: DeliveryMode[] = ['IN_PERSON', 'ONLINE', 'HYBRID'];
  const KIND_SETS: OpportunityKind[][] = [
    ['VACANCY'],
    ['VACANCY'],
    ['APPRENTICESHIP'],
    ['VACANCY', 'APPRENTICESHIP'],
    ['COURSE'],
    ['COURSE', 'BOOTCAMP'],
    [...OPPORTUNITY_KINDS],
  ];
  for (let i = 0; i < 600; i++) {
    const variant = i % 8;
    const learner: LearnerRecord = {
      skills: gen.skills(gen.int(i % 13 === 0 ? 0 : 5, 40), 1, 5),
      location: gen.location(),
      travelRadiusKm: r.pick([0.5, 5, 10, 25, 40, 80]),
      hoursPerWeek: r.int(3, 15),
      eligibility: r.chance(0.5) ? { employmentStatus: 'UNEMPLOYED' } : {},
    };
    if (variant === 1 || variant === 4) learner.budgetPence = r.pick([0, 5_000, 20_000, 100_000, 400_000]);
    if (variant === 2 || variant === 4)
      learner.modes = r.chance(0.5) ? [r.pick(MODES)] : [r.pick(MODES), 'ONLINE'];
    if (variant === 3)
      learner.access = r.pick([
        { stepFreeOnly: true },
        { noLaptop: true },
        { mobileOnly: true, stepFreeOnly: true },
      ]);
    if (variant === 5) {
      learner.budgetPence = r.int(0, 50) * 2_000;
      learner.eligibility = { ageBand: '19-23', receivingBenefits: r.chance(0.5) };
      learner.modes = [r.pick(MODES)];
    }
    if (variant === 6) delete learner.location;
    if (variant === 7) delete learner.travelRadiusKm;
    const kinds = KIND_SETS[i % KIND_SETS.length];
    const k = r.pick([1, 5, 20, 50, 100]);
    const needSkills = r.chance(0.4) ? gen.skills(r.int(1, 10), 1, 5) : undefined;
    emit(
      'varied',
      i,
      rankOpportunities(index, learner, {
        kinds,
        k,
        needSkills,
        today: r.chance(0.7) ? today : undefined,
        outcomes: r.chance(0.5) ? outcomes : undefined,
      }),
    );
  }
  process.stderr.write('varied: 600 rankings\n');
}

const started = performance.now();
benchCase();
variedCase();
process.stderr.write(`ranked in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

writeOrCheckSnapshot(lines);
