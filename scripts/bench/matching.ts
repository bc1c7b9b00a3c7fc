/**
 * Matching engine benchmark: index build, top-50 vacancies, roadmaps, incremental updates, the same
 * top-50 on PostgreSQL alone, and the planner against HiGHS. `--quick` (or BENCH_QUICK=1) runs at a
 * tenth of the scale; `--skip-pg` leaves out the PostgreSQL comparison (for iterating). Prints a markdown table.
 * Latencies are of a warm process (after 100 queries of each kind for other learners, as a running API
 * answers, and with the API's node flags when run by `npm run bench:matching`); the first, cold query of
 * each kind is reported on its own.
 */
import { Client } from 'pg';
import {
  CatalogueIndex,
  LearnerRecord,
  OpportunityRecord,
  planOptions,
  planRoadmap,
  rankOpportunities,
  solvePlanningInstance,
} from '@skillpath/matching';
import { HighsSolver, solveWithMilp } from '../../libs/matching/src/testing/milp-oracle';
import { generatePlanningInstance } from '../../libs/matching/src/testing/planning-instance.generator';
import { LearnerQuery } from '../../libs/matching/src/ranking/learner-query';
import { Growable } from '../../libs/matching/src/index/growable-array';
import { CatalogueGenerator } from './matching/catalogue-generator';
import { createScratchDatabase, databaseName, dropDatabase } from '@skillpath/persistence';
import { benchGoals, benchLearners } from './matching/bench-workload';
import { loadTaxonomy } from './matching/esco-catalogue';
import { PostgresBaselineRepository } from './matching/postgres-baseline.repository';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
/** For iterating only: recorded figures must include the PostgreSQL comparison. */
const skipPostgres = process.argv.includes('--skip-pg');
const VACANCIES = quick ? 100_000 : 1_000_000;
const COURSES = quick ? 10_000 : 100_000;
const QUERIES = 300;
const WARMUP = 100;
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const PASSES = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Times `run(i)` for i < QUERIES, PASSES times over the same inputs, and reports the median pass's
 * p50 and p99 (each the median of the passes' figures), so one burst of other work on a shared machine
 * does not decide a row. The passes' p99s are given too.
 */
function timedPasses(run: (i: number) => void): { p50: number; p99: number; p99s: number[] } {
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const started = performance.now();
      run(i);
      times.push(performance.now() - started);
    }
    p50s.push(pct(times, 50));
    p99s.push(pct(times, 99));
  }
  return { p50: median(p50s), p99: median(p99s), p99s };
}
const passesNote = (r: { p99s: number[] }) =>
  `median of ${PASSES} passes; p99 per pass ${r.p99s.map((x) => x.toFixed(1)).join(' / ')}`;
const rows: [string, string, string][] = [];
const report = (op: string, value: string, target: string) => {
  rows.push([op, value, target]);
  process.stderr.write(`${op}: ${value}\n`);
};

async function main(): Promise<void> {
  const taxonomy = loadTaxonomy();
  const gen = new CatalogueGenerator(
    taxonomy.skills.map((s) => s.id),
    taxonomy.occupations.map((o) => o.id),
  );
  process.stderr.write(
    `taxonomy: ${taxonomy.source}, ${taxonomy.skills.length} skills, ${taxonomy.occupations.length} occupations\n`,
  );

  // Build: records generated in batches (not kept), appended, then one compaction into (kind, cell) order.
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
  // Each vacancy's required skill codes, for the PostgreSQL comparison, in two typed columns: kept as a
  // million small arrays they sat in the heap the engine's timings share, for its collector to trace.
  const vacancySkills: VacancySkills = { start: new Growable(Int32Array), codes: new Growable(Int32Array) };
  vacancySkills.start.push(0);
  const keepForPg = (r: OpportunityRecord) => {
    for (const s of r.requires) vacancySkills.codes.push(index.skillCode(s.skill));
    vacancySkills.start.push(vacancySkills.codes.length);
    return r;
  };
  feed((i) => keepForPg(gen.vacancy(i)), VACANCIES);
  feed((i) => gen.course(i), COURSES);
  let t = performance.now();
  index.compact();
  buildMs += performance.now() - t;
  report(
    `index build, ${(VACANCIES + COURSES).toLocaleString('en-GB')} opportunities`,
    `${(buildMs / 1000).toFixed(1)} s, peak RSS ${rssMb().toFixed(0)} MB`,
    '≤ 30 s, ≤ 1.5 GB',
  );

  const makeLearners = (count: number) => benchLearners(gen, count);
  const learners = makeLearners(QUERIES);
  // Other learners (and goals) to warm the JIT first: a server answers warm, so the timed queries are
  // the steady state. The very first query of each kind is reported on its own.
  const warmLearners = makeLearners(WARMUP);
  const goalFor = benchGoals(taxonomy.occupations);
  const firstMs = (run: (i: number) => void): number => {
    const started = performance.now();
    run(0);
    const ms = performance.now() - started;
    for (let i = 1; i < WARMUP; i++) run(i);
    return ms;
  };
  const coldTop = firstMs((i) => rankOpportunities(index, warmLearners[i], { kinds: ['VACANCY'], k: 50 }));
  const coldRoad = firstMs((i) =>
    planRoadmap(index, warmLearners[i], goalFor(QUERIES + i), { today: '2025-01-06' }),
  );
  report(
    `first query after the build (cold JIT), then ${WARMUP} warm-up queries of each kind`,
    `top-50 ${coldTop.toFixed(1)} ms, roadmap ${coldRoad.toFixed(1)} ms`,
    '',
  );

  const top = timedPasses((i) => rankOpportunities(index, learners[i], { kinds: ['VACANCY'], k: 50 }));
  report(
    'top-50 vacancies, 20–40 skills, 25 km',
    `p50 ${top.p50.toFixed(2)} ms, p99 ${top.p99.toFixed(2)} ms (${passesNote(top)})`,
    'p50 ≤ 5 ms, p99 ≤ 25 ms',
  );

  let reachable = 0;
  const road = timedPasses((i) => {
    const r = planRoadmap(index, learners[i], goalFor(i), { today: '2025-01-06' });
    if (r.reachable) reachable++;
  });
  reachable /= PASSES;
  report(
    `roadmap to one occupation over ${COURSES.toLocaleString('en-GB')} courses`,
    `p50 ${road.p50.toFixed(2)} ms, p99 ${road.p99.toFixed(2)} ms (${reachable}/${QUERIES} reachable; ${passesNote(road)})`,
    'p50 ≤ 10 ms, p99 ≤ 50 ms',
  );

  // Alternatives: up to three Pareto-distinct plans per goal (warmed like the others first).
  for (let i = 0; i < WARMUP; i++)
    planOptions(index, warmLearners[i], goalFor(QUERIES + i), { today: '2025-01-06' });
  let optionCount = 0;
  const opts = timedPasses((i) => {
    optionCount += planOptions(index, learners[i], goalFor(i), { today: '2025-01-06' }).length;
  });
  report(
    `roadmapOptions (up to 3 Pareto-distinct plans) over ${COURSES.toLocaleString('en-GB')} courses`,
    `p50 ${opts.p50.toFixed(2)} ms, p99 ${opts.p99.toFixed(2)} ms (${(optionCount / QUERIES / PASSES).toFixed(2)} options per goal; ${passesNote(opts)})`,
    'p99 ≤ 50 ms',
  );

  // Incremental: 6,000 changed vacancies, 2,000 new courses, 2,000 expired.
  const changed: OpportunityRecord[] = [];
  for (let i = 0; i < 6000; i++) changed.push(gen.vacancy((i * 131) % VACANCIES));
  for (let i = 0; i < 2000; i++) changed.push(gen.course(COURSES + i));
  const expired = Array.from({ length: 2000 }, (_, i) => `vac-${(i * 977 + 13) % VACANCIES}`);
  t = performance.now();
  index.upsert(changed);
  index.expire(expired);
  report(
    'incremental update, 10,000 changed opportunities',
    `${(performance.now() - t).toFixed(0)} ms`,
    '≤ 1 s',
  );

  if (skipPostgres) report('PostgreSQL side by side', 'skipped (--skip-pg)', '');
  else await postgresSideBySide(index, learners.slice(0, quick ? 20 : 30), vacancySkills, top.p50);

  // Planner against HiGHS on generated planning instances.
  const highs = (await require('highs')()) as HighsSolver; // eslint-disable-line @typescript-eslint/no-require-imports
  let ours = 0;
  let exact = 0;
  let worst = 1;
  const n = quick ? 30 : 100;
  for (let s = 0; s < n; s++) {
    const inst = generatePlanningInstance(900_000 + s, { opportunities: 20 + ((s * 37) % 181) });
    const r = solvePlanningInstance(inst);
    ours += r.ms;
    const o = solveWithMilp(highs, inst);
    exact += o.ms;
    if (o.feasible && o.cost > 0) worst = Math.max(worst, r.cost / o.cost);
  }
  report(
    `planner vs HiGHS, ${n} instances of 20–200 candidates`,
    `${(ours / n).toFixed(2)} ms vs ${(exact / n).toFixed(1)} ms per instance (worst cost ratio ${worst.toFixed(4)})`,
    'near-optimal, faster',
  );
  report('peak RSS, whole run', `${rssMb().toFixed(0)} MB`, '');

  const flags = process.execArgv.filter((a) => a.startsWith('--max-'));
  report("node flags (the API's: API_NODE_FLAGS)", flags.length ? flags.join(' ') : 'none', '');
  process.stdout.write(
    `\n| operation | measured | target |\n| --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`,
  );
}

interface VacancySkills {
  /** Vacancy j's codes are codes[start[j]] up to codes[start[j + 1]]. */
  start: Growable<Int32Array>;
  codes: Growable<Int32Array>;
}

async function postgresSideBySide(
  index: CatalogueIndex,
  learners: LearnerRecord[],
  vacancySkills: VacancySkills,
  engineP50: number,
): Promise<void> {
  const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let url: string;
  try {
    url = await createScratchDatabase(adminUrl, 'bench_matching');
  } catch (e) {
    report('PostgreSQL side by side', `skipped: ${(e as Error).message}`, '');
    return;
  }
  const pg = new Client({ connectionString: url });
  const baseline = new PostgresBaselineRepository(pg);
  try {
    await pg.connect();
    await baseline.createTable();
    let t = performance.now();
    const B = 20_000;
    const count = vacancySkills.start.length - 1;
    const start = vacancySkills.start.data;
    const codes = vacancySkills.codes.data;
    for (let i = 0; i < count; i += B) {
      const ids: number[] = [];
      const skills: string[] = [];
      const lats: (number | null)[] = [];
      const lons: (number | null)[] = [];
      for (let j = i; j < Math.min(count, i + B); j++) {
        const slot = index.slotOf(`vac-${j}`);
        ids.push(j);
        skills.push(`{${codes.subarray(start[j], start[j + 1]).join(',')}}`);
        const lat = slot === undefined ? NaN : index.lat.data[slot];
        lats.push(Number.isNaN(lat) ? null : lat);
        lons.push(Number.isNaN(lat) || slot === undefined ? null : index.lon.data[slot]);
      }
      await baseline.insertVacancies(ids, skills, lats, lons);
    }
    await baseline.indexAndAnalyse();
    report('PostgreSQL load + GIN index', `${((performance.now() - t) / 1000).toFixed(1)} s`, '');

    const times: number[] = [];
    for (const l of learners) {
      const q = new LearnerQuery(index, l);
      const codes: number[] = [];
      const weights: number[] = [];
      q.factor.forEach((f, c) => {
        if (f > 0) {
          codes.push(c);
          weights.push(f);
        }
      });
      const { lat, lon } = l.location!;
      const dLat = 25 / 110.574;
      const dLon = 25 / (111.32 * Math.cos((lat * Math.PI) / 180));
      t = performance.now();
      await baseline.top50(codes, weights, lat, lon, dLat, dLon);
      times.push(performance.now() - t);
    }
    const ratio = pct(times, 50) / engineP50;
    report(
      'top-50 on PostgreSQL alone (GIN &&, weighted intersection, distance)',
      `p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms — ${ratio.toFixed(0)}× the engine's p50`,
      'engine faster',
    );
  } finally {
    await pg.end().catch(() => undefined);
    await dropDatabase(adminUrl, databaseName(url));
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
