/**
 * Listing enrichment benchmark: feed vacancies written the way adverts are (titles from ESCO's
 * occupation labels with seniority, place, pay and shift decoration; descriptions of a few sentences
 * with repeated boilerplate) are enriched by a standalone refresh worker process through the real
 * EnrichListings job: occupation from title and text, inferred requirements when few skills are named.
 * Reports listings/s (first run, which builds the classifier from the taxonomy, and a re-run after a
 * rules change, the steady state) and the worker's peak RSS (kernel high-water mark).
 *
 * With BENCH_SKILL_VECTORS=1 the ESCO skill vectors cached by scripts/train/build-skill-vectors.ts
 * (.data/skill-ranking) are stored in the scratch database first, so the worker loads the ranked
 * (semantic) extractor and the encoder, as production does once `skills:vectors` has run.
 *
 * The result digest (a hash of every listing's occupation and derived skills) tells whether a change
 * altered what enrichment stores; BENCH_DUMP=<file> writes the rows themselves, to diff.
 *
 * Run: npm run bench:enrichment   (BENCH_LISTINGS, default 5000). Needs the ESCO release.
 */
import { createHash, randomBytes } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { loadavg } from 'os';
import { Client } from 'pg';
import { Queue, QueueEvents } from 'bullmq';
import { createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import { JobName, QueueName, redisConnectionOptions } from '@skillpath/queues';
import {
  ESCO_RELEASE_DIR,
  UniversalSentenceEncoderLite,
  importEsco,
  readEscoRankingTaxonomy,
  readSkillVectorSetFile,
  seededRandom,
  SkillVectorRepository,
  vectorSetFile,
} from '@skillpath/taxonomy';
import { CACHE_DIR, ESCO_VERSION } from '../train/esco-data';
import { flushRedisPrefix, randomRedisPrefix } from '@skillpath/testing';
import { killHard, spawnRefreshWorker, stopGently } from '../../libs/refresh/src/testing/child-processes';
import { insertSource } from '../../libs/refresh/src/testing/refresh-test-kit';
import { WORKER_NODE_FLAGS } from '../commands/start.command';
import { EnrichmentBenchRepository } from './enrichment/enrichment-bench.repository';

// The one place this script reads the environment: it is a dev tool, not part of the app config.
const SERVER_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 5000);
const WITH_VECTORS = process.env.BENCH_SKILL_VECTORS === '1';
/** Writes every listing's enrichment (occupation, derived skills) to this file, to compare two versions. */
const DUMP_FILE = process.env.BENCH_DUMP;
/** Replaces the worker's node flags (e.g. to try another heap limit, or add --cpu-prof --cpu-prof-dir=…). */
const WORKER_FLAGS = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? WORKER_NODE_FLAGS;

/** Stores the cached ESCO skill vectors in the scratch database (what `skills:vectors` would write). */
async function storeCachedSkillVectors(pg: Client): Promise<number> {
  const file = vectorSetFile(CACHE_DIR, ESCO_VERSION, UniversalSentenceEncoderLite.ID);
  const set = await readSkillVectorSetFile(file);
  if (!set)
    throw new Error(
      `BENCH_SKILL_VECTORS=1 but no cached vectors at ${file} (scripts/train/build-skill-vectors.ts)`,
    );
  const taxonomy = await readEscoRankingTaxonomy(ESCO_RELEASE_DIR, ESCO_VERSION);
  await new SkillVectorRepository(pg).save(taxonomy, set);
  return set.owner.length;
}

/** CPU seconds (user + system) the process has used: a measure the machine's other load hardly moves. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function peakRssMb(pid: number): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : undefined;
}

const PLACES = [
  'Manchester',
  'Salford',
  'Oldham M5',
  'Bolton BL1',
  'Wigan',
  'Trafford Park',
  'Stockport SK1 3XE',
];
const DECORATE = [
  (t: string, p: string) => `Senior ${t} - ${p} £28k`,
  (t: string, p: string) => `${t} (m/f/d) | Part time | ${p}`,
  (t: string) => `Trainee ${t} - Level 3 Apprentice`,
  (t: string, p: string) => `${t} - Nights - ${p} £12.50 per hour`,
  (t: string) => `${t} x2 - Immediate start`,
  (t: string) => t,
];
const BOILERPLATE = [
  'We are an equal opportunities employer and welcome applications from everyone.',
  'Benefits include 28 days holiday, a pension and free parking.',
  'Please apply with your CV; we review applications as they arrive.',
  'You must have the right to work in the UK.',
];

async function main(): Promise<void> {
  if (!existsSync(ESCO_RELEASE_DIR)) {
    console.error(`SKIPPED enrichment benchmark: the ESCO release is not at ${ESCO_RELEASE_DIR}`);
    return;
  }
  const url = await createScratchDatabase(SERVER_URL, 'bench_enrichment');
  const prefix = randomRedisPrefix();
  const pg = new Client({ connectionString: url });
  const bench = new EnrichmentBenchRepository(pg);
  const connection = redisConnectionOptions(REDIS_URL);
  const queue = new Queue(QueueName.ListingEnrichment, { connection, prefix });
  const events = new QueueEvents(QueueName.ListingEnrichment, { connection, prefix });
  let worker: Awaited<ReturnType<typeof spawnRefreshWorker>> | undefined;
  try {
    await runMigrations(url);
    await pg.connect();
    const esco = await importEsco({ dir: ESCO_RELEASE_DIR, databaseUrl: url });
    const occs = await bench.occupations();
    const vectorCount = WITH_VECTORS ? await storeCachedSkillVectors(pg) : 0;
    const sourceId = await insertSource(pg, {
      name: 'bench-jobs',
      format: 'jobposting-jsonld',
      url: 'http://127.0.0.1:9/',
    });
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const listings = Array.from({ length: LISTINGS }, (_, i) => {
      const o = pick(occs);
      const name = random() < 0.5 || o.alt_labels.length === 0 ? o.title : pick(o.alt_labels);
      const cased = name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
      const description = [o.description ?? '', pick(BOILERPLATE), pick(BOILERPLATE)].join(' ');
      return {
        source_ref: `bench-${i}`,
        title: pick(DECORATE)(cased, pick(PLACES)),
        description,
        content_hash: `h${i}`,
      };
    });
    await bench.insertVacancies(sourceId, listings);
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
        CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
      },
      60_000,
      WORKER_FLAGS,
    );
    await events.waitUntilReady();
    const idleRss = peakRssMb(worker.pid!);
    // RSS over time (VmHWM only keeps the peak): where in the runs it is reached.
    const timeline: string[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      const status = `/proc/${worker!.pid}/status`;
      if (!existsSync(status)) return;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
      if (m) timeline.push(`${((Date.now() - t0) / 1000).toFixed(0)}s:${Math.round(Number(m[1]) / 1024)}`);
    }, 2000);
    // Timed from enqueue to completion: the first run includes loading the ranked extractor, which
    // can hold the worker's event loop long enough for BullMQ to retry the job as stalled (the retry
    // then finds nothing pending, so processedOn → finishedOn would time only the retry).
    const run = async (): Promise<{ seconds: number; cpu: number; result: Record<string, number> }> => {
      const started = Date.now();
      const cpuBefore = cpuSeconds(worker!.pid!);
      const job = await queue.add(JobName.EnrichListings, { requestedBy: 'bench' });
      const result = (await job.waitUntilFinished(events, 30 * 60_000)) as Record<string, number>;
      return { seconds: (Date.now() - started) / 1000, cpu: cpuSeconds(worker!.pid!) - cpuBefore, result };
    };
    const first = await run();
    // A rules change: every listing is enriched again, with the taxonomy already loaded.
    await bench.markEnrichedByOlderRules();
    const againStart = ((Date.now() - t0) / 1000).toFixed(0);
    const again = await run();
    clearInterval(sampler);
    const stats = await bench.counts();
    const dump = (await bench.enrichmentLines()).join('\n') + '\n';
    if (DUMP_FILE) writeFileSync(DUMP_FILE, dump);
    const digest = createHash('sha256').update(dump).digest('hex').slice(0, 16);
    const rows: [string, string, string?][] = [
      ['taxonomy', `ESCO v1.1.1 (${esco.occupations.inserted} occupations, ${esco.skills.inserted} skills)`],
      ['listings', `${LISTINGS}`],
      [
        'ranked (semantic) extractor',
        WITH_VECTORS ? `on (${vectorCount} stored skill vectors)` : 'off (no skill vectors stored)',
      ],
      [
        'enrichment, first run (loads the extractor, builds the classifier)',
        `${first.seconds.toFixed(1)} s = ${(LISTINGS / first.seconds).toFixed(0)} listings/s`,
        '≥ 25 listings/s (new text)',
      ],
      [
        'enrichment, re-run after a rules change (steady state)',
        `${again.seconds.toFixed(1)} s = ${(LISTINGS / again.seconds).toFixed(0)} listings/s`,
      ],
      [
        'worker CPU time, first run / re-run',
        `${first.cpu.toFixed(1)} s / ${again.cpu.toFixed(1)} s (${((first.cpu * 1000) / LISTINGS).toFixed(1)} ms a listing on the first run)`,
      ],
      [
        'listings given an occupation / with inferred requirements',
        `${stats.withOccupation} / ${stats.withInferred}`,
      ],
      [
        'listings given skills by the ranked extractor (first run / re-run)',
        `${first.result.withExtracted ?? '?'} / ${again.result.withExtracted ?? '?'} (first run: ${first.result.enriched ?? '?'} enriched)`,
      ],
      ['result digest (occupations, inferred and extracted skills)', digest],
      ['worker RSS before the first run (idle)', `${idleRss ?? '?'} MB`],
      ['worker RSS every 2 s (s:MB; re-run from ' + againStart + ' s)', timeline.join(' ')],
      ['worker peak RSS (VmHWM)', `${peakRssMb(worker.pid!) ?? '?'} MB`, '≤ 500 MB'],
      ['worker node flags', WORKER_FLAGS.join(' ')],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    const v = Math.max(...rows.map((r) => r[1].length));
    console.log(
      `\nEnrichment benchmark — ${new Date().toISOString()} — node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (2-core machine shared with other work)\n`,
    );
    for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padEnd(v)}  ${r[2] ?? ''}`);
  } finally {
    // A profiled worker is asked to exit, so that it writes its profile.
    if (worker)
      await (WORKER_FLAGS.some((f) => f.startsWith('--cpu-prof')) ? stopGently(worker) : killHard(worker));
    await events.close();
    await queue.close();
    await pg.end().catch(() => undefined);
    await flushRedisPrefix(prefix).catch(() => undefined);
    await dropDatabase(SERVER_URL, databaseName(url));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
