/**
 * A/B timing of the top-50 query (not part of the recorded benchmark): this tree's rankOpportunities
 * against an older tree's, interleaved learner by learner over one index built as the benchmark builds
 * it, so a busy machine slows both alike. Reports wall-clock and process CPU time per query.
 *
 * Run it once with a copy of this very tree as the old one first: two copies of the same code were
 * compiled differently by the JIT here (one deoptimising every query), up to 1.5 times apart, so a
 * difference means little until that A/A run comes out even (check with --trace-deopt).
 *
 *   git archive <commit> libs | tar -x -C /tmp/old-tree
 *   node -r @swc-node/register scripts/bench/matching/top50-ab.ts /tmp/old-tree [--rounds N] [--own-index]
 */
import { join, resolve } from 'node:path';
import { CatalogueIndex, rankOpportunities } from '@skillpath/matching';
import { benchLearners } from './bench-workload';
import { loadTaxonomy } from './esco-catalogue';
import { mean, pct } from './bench-workload';
import { benchGenerator, feedBenchIndexes } from './bench-catalogue';

const oldTree = process.argv[2] && resolve(process.argv[2]);
if (!oldTree) throw new Error('usage: top50-ab.ts <old tree> [--rounds N] [--own-index]');
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 5;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const oldRank = require(join(oldTree, 'libs/matching/src/ranking/rank-opportunities'))
  .rankOpportunities as typeof rankOpportunities;
// By default both rankers read one index; with --own-index the old one reads an index built by its own
// CatalogueIndex (for when the columns changed), the two built batch by batch in turn.
const ownIndex = process.argv.includes('--own-index');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OldIndex = require(join(oldTree, 'libs/matching/src/index/catalogue-index'))
  .CatalogueIndex as typeof CatalogueIndex;

const taxonomy = loadTaxonomy();
const gen = benchGenerator(taxonomy);
const newIndex = new CatalogueIndex(taxonomy.skills);
const oldIndex = ownIndex ? new OldIndex(taxonomy.skills) : newIndex;
feedBenchIndexes(ownIndex ? [newIndex, oldIndex] : [newIndex], gen, 1_000_000, 100_000);
// The benchmark's learners: made by the generator that made the catalogue, after it.
const queries = benchLearners(gen, 300);
const opts = { kinds: ['VACANCY' as const], k: 50 };
const runs = {
  old: (i: number) => oldRank(oldIndex, queries[i], opts),
  new: (i: number) => rankOpportunities(newIndex, queries[i], opts),
};
const res = {
  old: { wall: [] as number[], cpu: [] as number[] },
  new: { wall: [] as number[], cpu: [] as number[] },
};
// Round 0 warms both up; the rest are counted, each learner run by both (in alternating order).
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < queries.length; i++) {
    for (const k of (i + round) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      runs[k](i);
      const wall = performance.now() - t;
      const used = process.cpuUsage(cpu);
      if (round === 0) continue;
      res[k].wall.push(wall);
      res[k].cpu.push((used.user + used.system) / 1000);
    }
  }
}
const f = (x: number) => x.toFixed(2);
for (const k of ['old', 'new'] as const) {
  const r = res[k];
  process.stdout.write(
    `top50 ${k}: wall p50 ${f(pct(r.wall, 50))} p99 ${f(pct(r.wall, 99))} mean ${f(mean(r.wall))} ms; ` +
      `cpu p50 ${f(pct(r.cpu, 50))} p99 ${f(pct(r.cpu, 99))} mean ${f(mean(r.cpu))} ms\n`,
  );
}
