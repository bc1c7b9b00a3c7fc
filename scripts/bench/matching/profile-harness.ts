/**
 * Profiling harness (not part of the recorded benchmark): builds the benchmark's catalogue and runs only
 * one query type, so `node --cpu-prof -r @swc-node/register scripts/bench/matching/profile-harness.ts
 * roadmap|options|top50 [--quick]` profiles just that. Besides wall-clock percentiles it prints the
 * process's CPU time per query (user + system, GC threads included), which a busy machine disturbs less.
 */
import {
  CatalogueIndex,
  OpportunityRecord,
  planOptions,
  planRoadmap,
  rankOpportunities,
} from '@skillpath/matching';
import { CatalogueGenerator } from './catalogue-generator';
import { benchGoals, benchLearners } from './bench-workload';
import { loadTaxonomy } from './esco-catalogue';

const what = process.argv[2] ?? 'roadmap';
const quick = process.argv.includes('--quick');
const VACANCIES = quick ? 100_000 : 1_000_000;
const COURSES = quick ? 10_000 : 100_000;
const taxonomy = loadTaxonomy();
const gen = new CatalogueGenerator(
  taxonomy.skills.map((s) => s.id),
  taxonomy.occupations.map((o) => o.id),
);
const index = new CatalogueIndex(taxonomy.skills);
let buildMs = 0;
const feed = (make: (i: number) => OpportunityRecord, count: number) => {
  for (let i = 0; i < count; i += 20_000) {
    const batch: OpportunityRecord[] = [];
    for (let j = i; j < Math.min(count, i + 20_000); j++) batch.push(make(j));
    const t = performance.now();
    index.upsert(batch, { deferCompaction: true });
    buildMs += performance.now() - t;
  }
};
feed((i) => gen.vacancy(i), VACANCIES);
feed((i) => gen.course(i), COURSES);
const compactStart = performance.now();
index.compact();
const compactMs = performance.now() - compactStart;
process.stdout.write(
  `build: appends ${(buildMs / 1000).toFixed(1)} s, compaction ${(compactMs / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
);
const learners = benchLearners(gen, 300);
const goalFor = benchGoals(taxonomy.occupations);
const times: number[] = [];
const cpu: number[] = [];
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < learners.length; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    if (what === 'top50') rankOpportunities(index, learners[i], { kinds: ['VACANCY'], k: 50 });
    else {
      const goal = goalFor(i);
      if (what === 'options') planOptions(index, learners[i], goal, { today: '2025-01-06' });
      else planRoadmap(index, learners[i], goal, { today: '2025-01-06' });
    }
    if (round === 2) {
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
  }
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
process.stdout.write(
  `${what}: wall p50 ${times[150].toFixed(2)} ms, p99 ${times[297].toFixed(2)} ms; ` +
    `cpu p50 ${cpu[150].toFixed(2)} ms, p99 ${cpu[297].toFixed(2)} ms, mean ${mean.toFixed(2)} ms\n`,
);
