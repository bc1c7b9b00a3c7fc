/**
 * Listing refresh benchmark: a local Find an apprenticeship feed of 200,000 vacancies (100 a page)
 * refreshed through the real queue by a standalone refresh worker process into a scratch database
 * with the ESCO skills loaded (so extraction is realistic): first load and unchanged re-run
 * listings/s, and the worker's peak RSS.
 * Run: npm run bench:refresh  (PG_ADMIN_URL and REDIS_URL are set by scripts/run.js)
 * Env: BENCH_VACANCIES (default 200000).
 */
import { readFileSync, existsSync } from 'fs';
import { Client } from 'pg';
import { FEED_SKILL_PHRASES, startFeedServer } from '@skillpath/connectors';
import { createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import { ESCO_RELEASE_DIR, importEsco } from '@skillpath/taxonomy';
import { spawnRefreshWorker, killHard } from '../../libs/refresh/src/testing/child-processes';
import { insertSkills, insertSource, RefreshQueueClient, runsOf } from '../../libs/refresh/src/testing/refresh-test-kit';
import { flushRedisPrefix, randomRedisPrefix } from '@skillpath/testing';

// The one place this script reads the environment: it is a dev tool, not part of the app config.
const SERVER_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 200_000);

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
    const sourceId = await insertSource(pg, {
      name: 'bench-find-an-apprenticeship',
      format: 'find-an-apprenticeship',
      url: feed.baseUrl,
      credentialsEnv: 'BENCH_FEED_KEY',
      rateLimitPerSecond: 100_000,
      pageSize: 100,
    });
    worker = await spawnRefreshWorker({
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-only-secret-bench-only-secret-0000',
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      MIGRATE_ON_START: 'false',
      BENCH_FEED_KEY: feed.subscriptionKey!,
    });
    await client.ready();
    const rows: [string, string, string?][] = [];
    const timed = async (label: string) => {
      const started = performance.now();
      const outcome = await client.refresh(sourceId, 30 * 60_000);
      const seconds = (performance.now() - started) / 1000;
      if (!outcome.ok) throw new Error(`${label} failed: ${outcome.error}`);
      const run = (await runsOf(pg, sourceId)).at(-1)!;
      return { seconds, run };
    };
    const first = await timed('first load');
    rows.push([
      'first load (fetch, parse, extract skills, upsert), enqueue → done',
      `${Math.round(first.run.fetched / first.seconds).toLocaleString('en-GB')} listings/s (${first.run.created.toLocaleString('en-GB')} in ${first.seconds.toFixed(1)} s)`,
      '≥ 3,000/s',
    ]);
    const again = await timed('unchanged re-run');
    rows.push([
      'unchanged re-run (only last_seen_at moves)',
      `${Math.round(again.run.fetched / again.seconds).toLocaleString('en-GB')} listings/s (${again.run.unchanged.toLocaleString('en-GB')} unchanged in ${again.seconds.toFixed(1)} s)`,
      '≥ 15,000/s',
    ]);
    const links = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM opportunity_skills');
    rows.push(['skill links written (TAUGHT)', links.rows[0].n.toLocaleString('en-GB')]);
    rows.push(['worker peak RSS (VmHWM of the worker process)', `${peakRssMb(worker.pid!) ?? '?'} MB`, '≤ 500 MB']);
    rows.push(['taxonomy', taxonomy]);
    rows.push(['feed', `${VACANCIES.toLocaleString('en-GB')} vacancies, ${feed.totalPages(100)} pages of 100, served from this process`]);

    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\nListing refresh benchmark (${new Date().toISOString().slice(0, 10)}, database ${databaseName(url)})\n`);
    for (const [measure, value, target] of rows) console.log(`${measure.padEnd(width)}  ${value}${target ? `   [target ${target}]` : ''}`);
  } finally {
    if (worker) await killHard(worker);
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
