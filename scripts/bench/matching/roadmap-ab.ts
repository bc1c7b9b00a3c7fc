/**
 * A/B timing of roadmaps (not part of the recorded benchmark): this tree's planRoadmap or planOptions
 * against an older tree's, interleaved goal by goal over one index built as the benchmark builds it,
 * so a busy machine slows both alike. Reports wall-clock and process CPU time per query, and the heap
 * allocated per query (counted only over queries during which no collection ran; run with
 * `--max-semi-space-size=512` to count most).
 *
 *   git archive <commit> libs | tar -x -C /tmp/old-tree
 *   node -r @swc-node/register scripts/bench/matching/roadmap-ab.ts roadmap|options /tmp/old-tree [--work]
 *
 * `--work` also lists this tree's slowest queries with their work counters (collections, compilations,
 * solves and memo hits).
 */
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { CatalogueIndex, planOptions, planRoadmap, roadmapWork } from '@skillpath/matching';
import { benchGoals, benchLearners } from './bench-workload';
import { loadTaxonomy } from './esco-catalogue';
import { mean, pct } from './bench-workload';
import { benchGenerator, feedBenchIndexes } from './bench-catalogue';

type Plan = typeof planRoadmap | typeof planOptions;
const what = process.argv[2] === 'options' ? 'options' : 'roadmap';
const oldTree = process.argv[3];
if (!oldTree) throw new Error('usage: roadmap-ab.ts roadmap|options <old tree> [--work]');
const oldModule = join(
  oldTree,
  'libs/matching/src/roadmap',
  what === 'options' ? 'plan-options' : 'plan-roadmap',
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const oldPlan = require(oldModule)[what === 'options' ? 'planOptions' : 'planRoadmap'] as Plan;
const newPlan: Plan = what === 'options' ? planOptions : planRoadmap;

const taxonomy = loadTaxonomy();
const gen = benchGenerator(taxonomy);
const index = new CatalogueIndex(taxonomy.skills);
feedBenchIndexes([index], gen, 1_000_000, 100_000);
const learners = benchLearners(gen, 300);
const goalFor = benchGoals(taxonomy.occupations);
const opts = { today: '2025-01-06' };
const runs: Record<'old' | 'new', (i: number) => unknown> = {
  old: (i) => oldPlan(index, learners[i], goalFor(i), opts),
  new: (i) => newPlan(index, learners[i], goalFor(i), opts),
};
const res = {
  old: { wall: [] as number[], cpu: [] as number[], mb: [] as number[] },
  new: { wall: [] as number[], cpu: [] as number[], mb: [] as number[] },
};
// Round 0 warms both up; rounds 1 and 2 are counted, each goal run by both (in alternating order).
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < learners.length; i++) {
    for (const k of (i + round) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      const heap = getHeapStatistics().used_heap_size;
      const cpu = process.cpuUsage();
      const t = performance.now();
      runs[k](i);
      const wall = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const allocated = getHeapStatistics().used_heap_size - heap;
      if (round === 0) continue;
      res[k].wall.push(wall);
      res[k].cpu.push((used.user + used.system) / 1000);
      if (allocated > 0) res[k].mb.push(allocated / 1e6);
    }
  }
}
const f = (x: number) => x.toFixed(2);
for (const k of ['old', 'new'] as const) {
  const r = res[k];
  process.stdout.write(
    `${what} ${k}: wall p50 ${f(pct(r.wall, 50))} p99 ${f(pct(r.wall, 99))} mean ${f(mean(r.wall))} ms; ` +
      `cpu p50 ${f(pct(r.cpu, 50))} p99 ${f(pct(r.cpu, 99))} mean ${f(mean(r.cpu))} ms; ` +
      `allocated p50 ${f(pct(r.mb, 50))} mean ${f(mean(r.mb))} MB (${r.mb.length} queries without a collection)\n`,
  );
}
if (process.argv.includes('--work')) {
  const per: { ms: number; work: string }[] = [];
  for (let i = 0; i < learners.length; i++) {
    const before = { ...roadmapWork };
    const t = performance.now();
    runs.new(i);
    const ms = performance.now() - t;
    const work = (Object.keys(roadmapWork) as (keyof typeof roadmapWork)[])
      .map((key) => `${key} ${roadmapWork[key] - before[key]}`)
      .join(', ');
    per.push({ ms, work });
  }
  per.sort((a, b) => b.ms - a.ms);
  for (const p of per.slice(0, 8)) process.stdout.write(`${p.ms.toFixed(1)} ms: ${p.work}\n`);
  process.stdout.write(`median ${per[150].ms.toFixed(1)} ms: ${per[150].work}\n`);
}
