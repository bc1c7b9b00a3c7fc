/**
 * Profiling harness (not part of the recorded benchmark): the benchmark's courses with fewer vacancies,
 * timing a roadmap's parts — the solve alone, the full roadmap (blockers, what-ifs) and roadmapOptions.
 * `node -r @swc-node/register scripts/bench/matching/roadmap-parts.ts [courses]`
 */
import {
  CatalogueIndex,
  GoalContext,
  OpportunityRecord,
  planOptions,
  planRoadmap,
} from '@skillpath/matching';
import { CatalogueGenerator } from './catalogue-generator';
import { benchGoals, benchLearners } from './bench-workload';
import { loadTaxonomy } from './esco-catalogue';

const COURSES = Number(process.argv[2] ?? 100_000);
const taxonomy = loadTaxonomy();
const gen = new CatalogueGenerator(
  taxonomy.skills.map((s) => s.id),
  taxonomy.occupations.map((o) => o.id),
);
const records: OpportunityRecord[] = [];
for (let i = 0; i < 50_000; i++) records.push(gen.vacancy(i));
for (let i = 0; i < COURSES; i++) records.push(gen.course(i));
const index = CatalogueIndex.build(records, taxonomy.skills);
const learners = benchLearners(gen, 400);
const goalFor = benchGoals(taxonomy.occupations);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const time = (name: string, run: (i: number) => unknown) => {
  for (let i = 300; i < 400; i++) run(i);
  const ts: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    run(i);
    ts.push(performance.now() - t);
  }
  process.stdout.write(`${name}: p50 ${pct(ts, 50).toFixed(2)} ms, p99 ${pct(ts, 99).toFixed(2)} ms\n`);
};
const today = '2025-01-06';
let reach = 0;
let untaught = 0;
let whatIfs = 0;
for (let i = 0; i < 300; i++) {
  const r = planRoadmap(index, learners[i], goalFor(i), { today });
  if (r.reachable) reach++;
  if (r.untaughtSkills.length) untaught++;
  if (r.whatIfs.length) whatIfs++;
}
process.stdout.write(`reachable ${reach}/300, with untaught skills ${untaught}, with what-ifs ${whatIfs}\n`);
time('solve only', (i) => new GoalContext(index, learners[i], goalFor(i), { today }).solve());
time('roadmap without diagnosis', (i) =>
  planRoadmap(index, learners[i], goalFor(i), { today, skipDiagnosis: true }),
);
time('roadmap', (i) => planRoadmap(index, learners[i], goalFor(i), { today }));
time('roadmapOptions', (i) => planOptions(index, learners[i], goalFor(i), { today }));
