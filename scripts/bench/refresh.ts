/**
 * Listing refresh benchmark: a local Find an apprenticeship feed of 200,000 vacancies (100 a page)
 * refreshed through the real queue by a standalone refresh worker process into a scratch database
 * with the ESCO skills loaded (so extraction is realistic): first load and unchanged re-run
 * listings/s, how many re-run pages were parsed, how many sighting updates were HOT, and the worker's
 * peak RSS.
 * Run: npm run bench:refresh  (PG_ADMIN_URL and REDIS_URL are set by scripts/run.js)
 * Env: BENCH_VACANCIES (default 200000); BENCH_WORKER_NODE_ARGS (node flags for the worker, space-
 * separated; default "--max-old-space-size=256", see below; e.g. add "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * to profile it — the worker is then stopped gently so the profile is written).
 *
 * The worker's heap is capped at 256 MB: without a cap V8 lets garbage pile up to ≈580 MB RSS over a
 * 2,000-page run (nothing is retained: with the cap the same run peaks under 300 MB at the same speed).
 *
 * The feed's pages are rendered before the clock starts (`feed.prerender`): the real feed is someone
 * else's server, so its cost must not come out of the worker's two cores during the timed runs.
 * CPU seconds of the worker, of this process (the feed server) and of PostgreSQL's processes are
 * reported per run, to show where the time goes.
 */
import { execFile } from 'child_process';
import { randomBytes } from 'crypto';
import { readFileSync, readdirSync, existsSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { FEED_SKILL_PHRASES, startFeedServer } from '@skillpath/connectors/testing';
import { createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import { ESCO_RELEASE_DIR, importEsco } from '@skillpath/taxonomy';
import { spawnRefreshWorker, killHard, stopGently } from '../../libs/refresh/src/testing/child-processes';
import {
  insertSkills,
  insertSource,
  RefreshQueueClient,
  runsOf,
} from '../../libs/refresh/src/testing/refresh-test-kit';
import { flushRedisPrefix, randomRedisPrefix } from '@skillpath/testing';
import { WORKER_NODE_FLAGS } from '../commands/start.command';

// The one place this script reads the environment: it is a dev tool, not part of the app config.
const SERVER_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 200_000);
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '--max-old-space-size=256')
  .split(/\s+/)
  .filter(Boolean);
const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

/** User + system CPU seconds of a process so far, from /proc/<pid>/stat. */
function cpuSecondsOf(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0; // the process ended in between
  }
}

/**
 * CPU seconds so far of the PostgreSQL processes working for this database (its backends and autovacuum
 * workers show the database name in their command line), by pid. Shared background processes (WAL
 * writer, checkpointer) and other databases' backends are left out: other work on this machine must not
 * count as ours.
 */
function postgresCpuByPid(database: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) out.set(pid, cpuSecondsOf(pid));
    } catch {
      // gone
    }
  }
  return out;
}

/** CPU the database's processes used between two snapshots (a process that ended in between is missed). */
function postgresCpuSince(database: string, before: Map<string, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpuByPid(database)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/**
 * The app's worker also keeps the matching index of the whole catalogue (it re-plans roadmaps): build it
 * from this database in a child process started with the production worker's node flags, which must
 * not run out of heap doing so.
 */
function buildIndexInChild(
  databaseUrl: string,
): Promise<{ indexed: number; buildMs: number; heapMb: number; peakRssMb: number | null }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        ...WORKER_NODE_FLAGS,
        '--expose-gc',
        '-r',
        '@swc-node/register',
        join(__dirname, 'refresh', 'index-build.entry.ts'),
        databaseUrl,
      ],
      { env: process.env, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new Error(
              `building the index under ${WORKER_NODE_FLAGS.join(' ')} failed: ${stderr || err.message}`,
            ),
          );
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
      },
    );
  });
}

/** Peak resident set of a process, from the kernel's high-water mark (Linux). */
function peakRssMb(pid: number): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : undefined;
}

async function main(): Promise<void> {
  const url = await createScratchDatabase(SERVER_URL, 'bench_refresh');
  const prefix = randomRedisPrefix();
  const pg = new Client({ connectionString: url });
  const feed = await startFeedServer({ totalVacancies: VACANCIES, seed: 7 });
  let worker: Awaited<ReturnType<typeof spawnRefreshWorker>> | undefined;
  const client = new RefreshQueueClient(REDIS_URL, prefix);
  try {
    await runMigrations(url);
    await pg.connect();
    let taxonomy: string;
    if (existsSync(ESCO_RELEASE_DIR)) {
      const esco = await importEsco({ dir: ESCO_RELEASE_DIR, databaseUrl: url });
      taxonomy = `ESCO v1.1.1 (${esco.skills.inserted} skills)`;
    } else {
      await insertSkills(pg, FEED_SKILL_PHRASES);
      taxonomy = `${FEED_SKILL_PHRASES.length} feed phrases (ESCO release not found)`;
    }
    feed.prerender(100);
    const sourceId = await insertSource(pg, {
      name: 'bench-find-an-apprenticeship',
      format: 'find-an-apprenticeship',
      url: feed.baseUrl,
      credentialsEnv: 'SKILLPATH_SOURCE_KEY_BENCH_FEED',
      rateLimitPerSecond: 100_000,
      pageSize: 100,
    });
    worker = await spawnRefreshWorker(
      {
        NODE_ENV: 'production',
        MAIL_TRANSPORT: 'outbox',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        DATABASE_URL: url,
        REDIS_URL,
        REDIS_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        MIGRATE_ON_START: 'false',
        SKILLPATH_SOURCE_KEY_BENCH_FEED: feed.subscriptionKey!,
        CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
      60_000,
      WORKER_NODE_ARGS,
    );
    await client.ready();
    const rows: [string, string, string?][] = [];
    const workerPid = worker.pid!;
    const dbName = databaseName(url);
    const timed = async (label: string) => {
      const cpuBefore = {
        worker: cpuSecondsOf(workerPid),
        feed: process.cpuUsage(),
        postgres: postgresCpuByPid(dbName),
      };
      const started = performance.now();
      const outcome = await client.refresh(sourceId, 30 * 60_000);
      const seconds = (performance.now() - started) / 1000;
      const feedCpu = process.cpuUsage(cpuBefore.feed);
      const cpu = {
        worker: cpuSecondsOf(workerPid) - cpuBefore.worker,
        feed: (feedCpu.user + feedCpu.system) / 1e6,
        postgres: postgresCpuSince(dbName, cpuBefore.postgres),
      };
      if (!outcome.ok) throw new Error(`${label} failed: ${outcome.error}`);
      const run = (await runsOf(pg, sourceId)).at(-1)!;
      const cpuRow: [string, string] = [
        `  CPU during the ${label}`,
        `worker ${cpu.worker.toFixed(1)} s, feed server ${cpu.feed.toFixed(1)} s, PostgreSQL (this database) ${cpu.postgres.toFixed(1)} s (wall ${seconds.toFixed(1)} s)`,
      ];
      return { seconds, run, cpuRow };
    };
    const first = await timed('first load');
    rows.push([
      'first load (fetch, parse, extract skills, upsert), enqueue → done',
      `${Math.round(first.run.fetched / first.seconds).toLocaleString('en-GB')} listings/s (${first.run.created.toLocaleString('en-GB')} in ${first.seconds.toFixed(1)} s)`,
      '≥ 3,000/s',
    ]);
    rows.push(first.cpuRow);
    const again = await timed('unchanged re-run');
    rows.push([
      'unchanged re-run (only sightings move)',
      `${Math.round(again.run.fetched / again.seconds).toLocaleString('en-GB')} listings/s (${again.run.unchanged.toLocaleString('en-GB')} unchanged in ${again.seconds.toFixed(1)} s)`,
      '≥ 15,000/s',
    ]);
    rows.push(again.cpuRow);
    // A page read on the re-run rewrites its digest with the re-run's id; the others were repeats.
    const pagesRead = await pg.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM source_page_digests WHERE source_id = $1 AND run_id = $2',
      [sourceId, again.run.id],
    );
    rows.push([
      '  pages parsed on the re-run',
      `${pagesRead.rows[0].n} of ${again.run.pages} (the rest matched their stored digest)`,
    ]);
    await new Promise((r) => setTimeout(r, 1500)); // table statistics reach pg_stat within a second
    const hot = await pg.query<{ upd: number; hot: number }>(
      `SELECT n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE relname = 'opportunity_sightings'`,
    );
    rows.push([
      '  sighting updates that were HOT',
      `${hot.rows[0].hot.toLocaleString('en-GB')} of ${hot.rows[0].upd.toLocaleString('en-GB')}`,
    ]);
    const links = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM opportunity_skills');
    rows.push(['skill links written (TAUGHT)', links.rows[0].n.toLocaleString('en-GB')]);
    rows.push([
      'worker peak RSS (VmHWM of the worker process)',
      `${peakRssMb(worker.pid!) ?? '?'} MB`,
      '≤ 500 MB',
    ]);
    const built = await buildIndexInChild(url);
    rows.push([
      `matching index of these listings, built as the worker builds it (${WORKER_NODE_FLAGS.join(' ')})`,
      `${built.indexed.toLocaleString('en-GB')} listings in ${(built.buildMs / 1000).toFixed(1)} s, heap ${built.heapMb.toFixed(0)} MB after GC, peak RSS ${built.peakRssMb?.toFixed(0) ?? '?'} MB`,
      'fits the worker heap cap',
    ]);
    rows.push(['taxonomy', taxonomy]);
    rows.push([
      'feed',
      `${VACANCIES.toLocaleString('en-GB')} vacancies, ${feed.totalPages(100)} pages of 100, pre-rendered and served from this process`,
    ]);
    if (WORKER_NODE_ARGS.length) rows.push(['worker node flags', WORKER_NODE_ARGS.join(' ')]);
    rows.push([
      'machine',
      `load average before the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    ]);

    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(
      `\nListing refresh benchmark (${new Date().toISOString().slice(0, 10)}, database ${databaseName(url)})\n`,
    );
    for (const [measure, value, target] of rows)
      console.log(`${measure.padEnd(width)}  ${value}${target ? `   [target ${target}]` : ''}`);
  } finally {
    if (worker)
      await (WORKER_NODE_ARGS.some((a) => a.startsWith('--cpu-prof'))
        ? stopGently(worker)
        : killHard(worker));
    await client.close();
    await feed.close();
    await pg.end().catch(() => undefined);
    await flushRedisPrefix(prefix, REDIS_URL);
    await dropDatabase(SERVER_URL, databaseName(url));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
