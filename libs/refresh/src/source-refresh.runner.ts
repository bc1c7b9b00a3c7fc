import type { DataSource, QueryRunner } from 'typeorm';
import { regionBoroughs, type RegionBoroughs } from '@skillpath/catalogue';
import {
  ConnectorConfigError,
  HttpPageFetcher,
  MalformedPageError,
  SourceFetchError,
  createConnector,
  type ConnectorContext,
  type HttpPageFetcherOptions,
} from '@skillpath/connectors';
import type { SourceEntity, SourceRunEntity } from '@skillpath/persistence';
import { writePreparedPage } from './opportunity-page.writer';
import { PageDigests } from './page-digests';
import { PageReader, type ReadPage } from './page-reader';
import { RunSupersededError } from './refresh.errors';
import {
  emptyCounts,
  silentLogger,
  type ListingChangesSink,
  type RefreshLogger,
  type RefreshOutcome,
  type RunCounts,
} from './refresh.types';
import { SkillMatcherCache } from './skill-matcher.cache';
import { credentialsFor, processEnvSecrets, type SecretLookup } from './source-credentials';
import { countsOf, SourceRunRepository } from './source-run.repository';
import { exec, inTransaction } from '@skillpath/persistence';

export interface SourceRefreshOptions {
  /** Timeouts and retries of page fetches; the rate limit always comes from the source. */
  fetch?: Pick<
    HttpPageFetcherOptions,
    'timeoutMs' | 'retries' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'
  >;
  /** Where a source's `credentialsEnv` is read. Default: the worker's environment. */
  secrets?: SecretLookup;
  logger?: RefreshLogger;
  /** Share one across runners so the extractor is built once per process. */
  skills?: SkillMatcherCache;
  /** Places listings in boroughs by postcode. Default: the region's postcode districts. */
  region?: RegionBoroughs;
}

export interface RunRequest {
  sourceId: string;
  jobId?: string | null;
  /** Retrying cannot follow: an infrastructure failure marks the run FAILED instead of leaving it to resume. */
  finalAttempt?: boolean;
}

/** Failures that come from the source itself (its answers, data or configuration): the run is FAILED. */
function isSourceFailure(e: unknown): e is Error {
  return (
    e instanceof SourceFetchError || e instanceof MalformedPageError || e instanceof ConnectorConfigError
  );
}

/**
 * Refreshes one source: creates (or resumes) its run, fetches the feed page by page, writes each
 * page and its checkpoint in one transaction, expires what a complete run did not see, and
 * publishes what changed. One run per source at a time: a session advisory lock held for the run
 * plus a compare-and-set on the run's page count in every page transaction.
 */
export class SourceRefreshRunner {
  private readonly runs: SourceRunRepository;
  private readonly digests: PageDigests;
  private readonly skills: SkillMatcherCache;
  private readonly logger: RefreshLogger;
  private readonly secrets: SecretLookup;
  private readonly region: RegionBoroughs;

  constructor(
    private readonly ds: DataSource,
    private readonly changes: ListingChangesSink,
    private readonly options: SourceRefreshOptions = {},
  ) {
    this.runs = new SourceRunRepository(ds);
    this.digests = new PageDigests(ds);
    this.skills = options.skills ?? new SkillMatcherCache(ds);
    this.logger = options.logger ?? silentLogger;
    this.secrets = options.secrets ?? processEnvSecrets;
    this.region = options.region ?? regionBoroughs();
  }

  async run(request: RunRequest): Promise<RefreshOutcome> {
    const lock = await this.lockSource(request.sourceId);
    if (!lock) return { status: 'skipped', reason: 'another worker is refreshing this source right now' };
    try {
      const claim = await this.runs.claim(request.sourceId, request.jobId ?? null);
      if (claim.kind === 'no-source')
        return { status: 'skipped', reason: `source ${request.sourceId} does not exist` };
      if (claim.kind === 'disabled')
        return { status: 'skipped', reason: `source "${claim.source.name}" is disabled` };
      if (claim.kind === 'already-done')
        return {
          status: 'skipped',
          reason: `this job already finished run ${claim.run.id}`,
          runId: claim.run.id,
        };
      return await this.execute(
        claim.source,
        claim.claimed.run,
        claim.claimed.resumed,
        request.finalAttempt ?? false,
      );
    } finally {
      await lock.release();
    }
  }

  private async execute(
    source: SourceEntity,
    run: SourceRunEntity,
    resumed: boolean,
    finalAttempt: boolean,
  ): Promise<RefreshOutcome> {
    const log = { runId: run.id, sourceId: source.id, source: source.name };
    this.logger.info(
      { ...log, resumed, fromCursor: run.cursor, pages: run.pages },
      resumed ? 'refresh run resumed' : 'refresh run started',
    );
    const started = Date.now();
    let pages = run.pages;
    try {
      const { ctx, taxonomyVersion } = await this.contextFor(source);
      const reader = new PageReader(this.ds, source.id, createConnector(source.format), ctx, taxonomyVersion);
      const allPagesDone = run.pages > 0 && run.cursor === null;
      if (!allPagesDone) {
        const readPage = (cursor: string | null) => {
          const p = reader.read(cursor);
          p.catch(() => undefined); // awaited below; a prefetch abandoned by a failed write must not be "unhandled"
          return p;
        };
        let pending: Promise<ReadPage> | null = readPage(run.cursor);
        while (pending) {
          const page: ReadPage = await pending;
          // Read (fetch, look up, normalise) the next page while this one is written: the network,
          // this process's CPU and the database overlap. Each page's transaction still carries its own
          // cursor, so a crash resumes exactly after the last page committed.
          pending = page.nextCursor !== null ? readPage(page.nextCursor) : null;
          await this.writeCheckpointedPage(source.id, run.id, pages, page);
          pages++;
        }
      }
      const expired = await this.runs.expireUnseen(run.id, source.id, run.startedAt, pages);
      const changes = await this.runs.changesSince(source.id, run.startedAt);
      await this.changes.publish({ ...changes, origin: `source:${source.name}` });
      const finished = (await this.runs.succeed(run.id)) ?? (await this.runs.find(run.id))!;
      const counts = countsOf(finished);
      this.logger.info(
        { ...log, ...counts, expiredNow: expired, ms: Date.now() - started },
        'refresh run succeeded',
      );
      return {
        status: 'succeeded',
        runId: run.id,
        resumed,
        counts,
        changedIds: changes.changedIds.length,
        expiredIds: changes.expiredIds.length,
      };
    } catch (e) {
      if (e instanceof RunSupersededError) {
        this.logger.warn(log, e.message);
        return { status: 'skipped', reason: e.message, runId: run.id };
      }
      if (isSourceFailure(e) || finalAttempt) {
        const error = describeFailure(e, pages);
        await this.runs
          .fail(run.id, error)
          .catch((failErr: unknown) =>
            this.logger.warn({ ...log, err: String(failErr) }, 'could not record the failed run'),
          );
        this.logger.warn({ ...log, error }, 'refresh run failed');
        const after = await this.runs.find(run.id).catch(() => undefined);
        return {
          status: 'failed',
          runId: run.id,
          resumed,
          counts: after ? countsOf(after) : emptyCounts(),
          error,
        };
      }
      // Infrastructure (database, network to it): leave the run RUNNING at its checkpoint for the retry.
      this.logger.warn(
        { ...log, pages, err: e instanceof Error ? e.message : String(e) },
        'refresh run interrupted; it resumes on retry',
      );
      throw e;
    }
  }

  private async writeCheckpointedPage(
    sourceId: string,
    runId: string,
    expectedPages: number,
    page: ReadPage,
  ): Promise<RunCounts> {
    return inTransaction(this.ds, async (qr) => {
      // The page's rows and its checkpoint commit together, so not waiting for the WAL flush is safe:
      // a database crash can only lose whole recent pages with their checkpoint (the run redoes them),
      // and the run's final, synchronous commit flushes every page before the run is marked done.
      await this.runs.guard(qr, runId, expectedPages, { asynchronousCommit: true });
      const counts = await this.writePage(qr, { sourceId, runId }, page);
      await this.runs.recordPage(qr, runId, counts, page.nextCursor);
      return counts;
    });
  }

  /** A repeated page is only confirmed and seen; any other is written, and its digest kept for next time. */
  private async writePage(
    qr: QueryRunner,
    target: { sourceId: string; runId: string },
    page: ReadPage,
  ): Promise<RunCounts> {
    if (page.kind === 'repeat') {
      const counts = await this.digests.confirmRepeat(qr, target, page.repeat);
      if (counts) return counts;
    }
    const records = page.kind === 'repeat' ? await page.readRecords() : page.records;
    const written = await writePreparedPage(qr, target, records, this.region);
    if (page.identity) await this.digests.remember(qr, target, { ...page, identity: page.identity }, written);
    return written.counts;
  }

  private async contextFor(
    source: SourceEntity,
  ): Promise<{ ctx: ConnectorContext; taxonomyVersion: string }> {
    const fetcher = new HttpPageFetcher({
      timeoutMs: 30_000,
      retries: 4,
      ...this.options.fetch,
      requestsPerSecond: source.rateLimitPerSecond > 0 ? source.rateLimitPerSecond : undefined,
    });
    const skills = await this.skills.currentVersioned();
    const ctx: ConnectorContext = {
      sourceUrl: source.url,
      fetcher,
      skillMatcher: skills.matcher,
      credentials: credentialsFor(source.credentialsEnv, this.secrets),
      pageSize: source.pageSize,
    };
    return { ctx, taxonomyVersion: skills.version };
  }

  /** A session-level advisory lock on its own connection: released by PostgreSQL if this process dies. */
  private async lockSource(sourceId: string): Promise<{ release(): Promise<void> } | null> {
    const key = `source-refresh:${sourceId}`;
    const qr: QueryRunner = this.ds.createQueryRunner();
    try {
      await qr.connect();
      const { rows } = await exec<{ locked: boolean }>(
        qr,
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [key],
      );
      if (!rows[0].locked) {
        await qr.release();
        return null;
      }
    } catch (e) {
      await qr.release().catch(() => undefined);
      throw e;
    }
    return {
      release: async () => {
        await exec(qr, 'SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => undefined);
        await qr.release().catch(() => undefined);
      },
    };
  }
}

function describeFailure(e: unknown, pagesDone: number): string {
  const where = `after ${pagesDone} page${pagesDone === 1 ? '' : 's'} written; nothing was expired`;
  if (e instanceof SourceFetchError)
    return `Could not fetch a page (${e.failure}, ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}): ${e.message} — ${where}`;
  if (e instanceof MalformedPageError) return `A page could not be read: ${e.message} — ${where}`;
  if (e instanceof ConnectorConfigError) return `The source is misconfigured: ${e.message} — ${where}`;
  return `The run could not finish: ${e instanceof Error ? e.message : String(e)} — ${where}`;
}
