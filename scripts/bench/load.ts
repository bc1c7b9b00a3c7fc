/**
 * Skillpath under load, on this machine, as production runs it: one API process and one worker
 * (separate processes, production settings) on a fresh database with the demo region.
 *
 *  1. seeds residents through the API (profile, skills, goal, roadmap), as the web app does;
 *  2. read mix (myRoadmap 35%, reachableRoles 25%, matches 20%, opportunities(near) 20%), closed loop
 *     with autocannon at each connection count for --duration seconds (after a warm-up);
 *  3. write mix: setSkills / updateRoadmapStep, timing each mutation until the re-planned roadmap
 *     version is readable through the API;
 *  4. re-planning at city scale: --replans learners (cloned in SQL from the seeded ones) re-planned by
 *     the one worker; roadmaps/s, time to the last one and the worker's peak RSS.
 *
 * Loopback only; every loop is bounded in count and time.
 * Run: npm run bench:load [-- --duration 60 --connections 50,200 --residents 20 --writes 60 --replans 10000]
 */
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import { loadavg } from 'os';
import { Client } from 'pg';
import { loadDemoRegion } from '@skillpath/demo-region';
import { createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName, redisConnectionOptions } from '@skillpath/queues';
import {
  AppProcess,
  flushRedisPrefix,
  freePort,
  mixEntryAt,
  processEnv,
  READ_MIX,
  seedLoadResident,
  startAppProcess,
  waitUntilReady,
} from '@skillpath/testing';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const DURATION_S = Number(arg('duration', '60'));
const CONNECTIONS = arg('connections', '50,200').split(',').map(Number);
const RESIDENTS = Number(arg('residents', '20'));
const WRITES = Number(arg('writes', '60'));
const REPLANS = Number(arg('replans', '10000'));
const WARMUP_S = Number(arg('warmup', '10'));
// --cpu-prof DIR: write V8 CPU profiles of the API and the worker there (open them in Chrome DevTools).
const CPU_PROF_DIR = arg('cpu-prof', '');

const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (!pid) return NaN;
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface ReadResult {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  load: string;
}

async function readMix(
  url: string,
  tokens: string[],
  connections: number,
  seconds: number,
): Promise<ReadResult> {
  let i = 0;
  let gqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = i++;
          const entry = mixEntryAt(n);
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[n % tokens.length]}`,
            },
            body: JSON.stringify({ query: entry.query }),
          };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) gqlErrors++;
        },
      },
    ],
  });
  return {
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + gqlErrors,
    requests: result.requests.total,
    load: load(),
  };
}

async function gql<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data as T;
}

interface RoadmapView {
  myRoadmap: { version: number; steps: Array<{ id: string; status: string; kind: string }> } | null;
}

/** One write: a mutation that makes the worker re-plan, then the time until the new version is readable. */
async function timedWrite(url: string, token: string, n: number): Promise<number | undefined> {
  const before = await gql<RoadmapView>(url, token, '{ myRoadmap { version steps { id status kind } } }');
  if (!before.myRoadmap) return undefined;
  const started = performance.now();
  if (n % 2 === 0) {
    const held = await gql<{ learnerProfile: { skills: Array<{ level: number; skill: { id: string } }> } }>(
      url,
      token,
      '{ learnerProfile { skills { level skill { id } } } }',
    );
    const skills = held.learnerProfile.skills.map((s, k) => ({
      skillId: s.skill.id,
      level: k === 0 ? (s.level % 4) + 1 : s.level,
    }));
    await gql(url, token, 'mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { postcode } }', {
      s: skills,
    });
  } else {
    const step = before.myRoadmap.steps.find((s) => s.kind === 'LEARN' && s.status === 'PLANNED');
    if (!step) return undefined;
    await gql(url, token, 'mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: DROPPED) { id } }', {
      id: step.id,
    });
  }
  const deadline = started + 30_000;
  while (performance.now() < deadline) {
    const now = await gql<RoadmapView>(url, token, '{ myRoadmap { version steps { id status kind } } }');
    if ((now.myRoadmap?.version ?? 0) > before.myRoadmap.version) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  return Infinity;
}

/** Copies every column of the rows `where` selects, giving each copy a new id and the given overrides. */
async function cloneRows(
  c: Client,
  table: string,
  where: string,
  overrides: Record<string, string>,
  times: number,
): Promise<void> {
  const cols = (
    await c.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
        AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table],
    )
  ).rows.map((r) => r.column_name);
  const select = cols.map((col) => overrides[col] ?? `t."${col}"`).join(', ');
  await c.query(
    `INSERT INTO "${table}" (${cols.map((col) => `"${col}"`).join(', ')})
     SELECT ${select} FROM "${table}" t, generate_series(1, ${times}) g WHERE ${where}`,
  );
}

async function replanAtScale(databaseUrl: string, prefix: string, worker: AppProcess, count: number) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  let userIds: string[];
  try {
    const seeded = (
      await c.query<{ id: string }>(
        `SELECT u.id FROM users u JOIN learner_profiles p ON p.user_id = u.id
          WHERE u.email LIKE 'load-%' AND (p.goal_occupation_id IS NOT NULL OR p.goal_opportunity_id IS NOT NULL)`,
      )
    ).rows.map((r) => r.id);
    const per = Math.ceil(count / Math.max(1, seeded.length));
    // Clones of the seeded learners (new ids, same profile, skills and goal), as a city's worth of roadmaps.
    await c.query('BEGIN');
    await c.query(
      `CREATE TEMP TABLE clone_map AS
      SELECT u.id AS old_id, gen_random_uuid() AS new_id, g AS n FROM users u, generate_series(1, ${per}) g
       WHERE u.id = ANY($1::uuid[])`,
      [seeded],
    );
    const map = (col: string) => `(SELECT m.new_id FROM clone_map m WHERE m.old_id = t.${col} AND m.n = g)`;
    await cloneRows(
      c,
      'users',
      `t.id = ANY('{${seeded.join(',')}}'::uuid[])`,
      {
        id: map('id'),
        email: `'clone-' || g || '-' || t.email`,
      },
      per,
    );
    await cloneRows(
      c,
      'learner_profiles',
      `t.user_id = ANY('{${seeded.join(',')}}'::uuid[])`,
      { user_id: map('user_id') },
      per,
    );
    const skillCols = (
      await c.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'learner_skills' AND column_name = 'id'`,
      )
    ).rowCount;
    await cloneRows(
      c,
      'learner_skills',
      `t.user_id = ANY('{${seeded.join(',')}}'::uuid[])`,
      { user_id: map('user_id'), ...(skillCols ? { id: 'gen_random_uuid()' } : {}) },
      per,
    );
    await c.query('COMMIT');
    userIds = (
      await c.query<{ new_id: string }>('SELECT new_id FROM clone_map ORDER BY n, old_id LIMIT $1', [count])
    ).rows.map((r) => r.new_id);
  } finally {
    await c.end();
  }
  const queue = new Queue(QueueName.RoadmapReplan, { connection: redisConnectionOptions(REDIS_URL), prefix });
  const hwmBefore = rssMb(worker.child.pid, 'VmHWM');
  const started = performance.now();
  for (let i = 0; i < userIds.length; i += 1000)
    await queue.addBulk(
      userIds.slice(i, i + 1000).map((userId) => ({
        name: JobName.ReplanRoadmap,
        data: { userId, trigger: 'PROFILE_CHANGED' as const, reason: 'load benchmark' },
        opts: { ...DEFAULT_JOB_OPTIONS, deduplication: { id: `replan:${userId}` } },
      })),
    );
  const deadline = started + 15 * 60_000;
  let done = 0;
  let failed = 0;
  let peakRss = 0;
  while (performance.now() < deadline) {
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'completed',
      'failed',
      'prioritized',
    );
    done = counts.completed;
    failed = counts.failed;
    peakRss = Math.max(peakRss, rssMb(worker.child.pid, 'VmRSS'));
    if (counts.waiting + counts.active + counts.delayed + counts.prioritized === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  await queue.close();
  return {
    count: userIds.length,
    done,
    failed,
    seconds,
    perSecond: userIds.length / seconds,
    peakRssMb: Math.max(peakRss, rssMb(worker.child.pid, 'VmHWM')),
    hwmBefore,
  };
}

async function main(): Promise<void> {
  console.log(`load average at start (1/5/15 min): ${load()}`);
  const databaseUrl = await createScratchDatabase(PG_ADMIN_URL, 'skillpath_bench_load');
  const prefix = `skillpath_bench_${randomBytes(4).toString('hex')}`;
  const procs: AppProcess[] = [];
  try {
    await runMigrations(databaseUrl);
    await loadDemoRegion(databaseUrl);
    const env = processEnv({ databaseUrl, redisUrl: REDIS_URL, redisPrefix: prefix });
    const prof = (name: string) =>
      CPU_PROF_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
        : [];
    const api = startAppProcess('api', env, await freePort(), prof('api'));
    const worker = startAppProcess('worker', env, undefined, prof('worker'));
    procs.push(api, worker);
    await waitUntilReady(api);
    const url = `http://127.0.0.1:${api.port}/graphql`;
    const tokens: string[] = [];
    const seedStart = performance.now();
    for (let n = 0; n < RESIDENTS; n++) tokens.push((await seedLoadResident(url, n, prefix)).token);
    console.log(
      `seeded ${RESIDENTS} residents through the API in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    // Wait for the seeding's own re-plans to settle before measuring.
    await new Promise((r) => setTimeout(r, 3000));
    if (WARMUP_S > 0) await readMix(url, tokens, 20, WARMUP_S);

    const reads: ReadResult[] = [];
    for (const c of CONNECTIONS) {
      const r = await readMix(url, tokens, c, DURATION_S);
      reads.push(r);
      console.log(
        `read mix at ${c} connections: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`,
      );
    }

    const writeTimes: number[] = [];
    let writeMisses = 0;
    const writers = Math.min(10, tokens.length);
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let k = w; k < WRITES; k += writers) {
          const ms = await timedWrite(url, tokens[k % tokens.length], k);
          if (ms === undefined) continue;
          if (!Number.isFinite(ms)) writeMisses++;
          else writeTimes.push(ms);
        }
      }),
    );
    writeTimes.sort((a, b) => a - b);

    const replan = REPLANS > 0 ? await replanAtScale(databaseUrl, prefix, worker, REPLANS) : undefined;

    console.log('');
    console.log(`| measure | result |`);
    console.log(`| --- | --- |`);
    for (const r of reads)
      console.log(
        `| read mix, ${r.connections} connections, ${DURATION_S} s | ${r.rps.toFixed(0)} req/s; p50 ${r.p50} ms, p99 ${r.p99} ms; ${r.errors} errors of ${r.requests} (load ${r.load}) |`,
      );
    console.log(
      `| mutation → re-planned roadmap readable (${writeTimes.length} writes, ${writers} at once) | p50 ${pct(writeTimes, 50).toFixed(0)} ms, p99 ${pct(writeTimes, 99).toFixed(0)} ms; ${writeMisses} not re-planned within 30 s |`,
    );
    if (replan)
      console.log(
        `| re-plan ${replan.count.toLocaleString('en-GB')} roadmaps, one worker | ${replan.perSecond.toFixed(0)} roadmaps/s; last after ${replan.seconds.toFixed(1)} s; ${replan.failed} failed; worker peak RSS ${replan.peakRssMb.toFixed(0)} MB |`,
      );
    console.log(
      `| read mix shares | ${READ_MIX.map((m) => `${m.name} ${(m.share * 100).toFixed(0)}%`).join(', ')} |`,
    );
    console.log('');
    console.log(`load average at end (1/5/15 min): ${load()}`);
  } finally {
    await Promise.all(procs.map((p) => p.stop('SIGTERM', 20_000)));
    await flushRedisPrefix(prefix, REDIS_URL);
    await dropDatabase(PG_ADMIN_URL, databaseName(databaseUrl));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
