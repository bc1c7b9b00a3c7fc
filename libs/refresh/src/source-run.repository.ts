import type { DataSource, QueryRunner } from 'typeorm';
import type { SourceEntity, SourceRunEntity } from '@skillpath/persistence';
import { RunSupersededError } from './refresh.errors';
import { exec, execOnPool, inTransaction, Sql } from '@skillpath/persistence';
import type { RunCounts } from './refresh.types';

export interface ClaimedRun {
  run: SourceRunEntity;
  resumed: boolean;
}

export type ClaimResult =
  | { kind: 'claimed'; source: SourceEntity; claimed: ClaimedRun }
  | { kind: 'no-source' }
  | { kind: 'disabled'; source: SourceEntity }
  /** This job already ran to the end (a re-delivered job): nothing to do. */
  | { kind: 'already-done'; run: SourceRunEntity };

const RUN_COLUMNS = `id, source_id AS "sourceId", status, started_at AS "startedAt", finished_at AS "finishedAt",
  cursor, pages, fetched, created, updated, unchanged, expired, quarantined, error, job_id AS "jobId"`;

const SOURCE_COLUMNS = `id, name, format, url, credentials_env AS "credentialsEnv", schedule,
  rate_limit_per_second AS "rateLimitPerSecond", page_size AS "pageSize", enabled,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The `source_runs` rows of refresh runs: creating or resuming one, checkpointing pages, finishing. */
export class SourceRunRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Starts a run of the source, or resumes its latest RUNNING one (a worker died mid-run). The
   * source row is locked meanwhile, so two jobs of one source cannot both create a run.
   */
  async claim(sourceId: string, jobId: string | null): Promise<ClaimResult> {
    return new Sql(this.ds).transaction(async (tx) => {
      const source = await tx.one<SourceEntity>(
        `SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = $1 FOR UPDATE`,
        [sourceId],
      );
      if (!source) return { kind: 'no-source' };
      if (jobId) {
        const done = await tx.one<SourceRunEntity>(
          `SELECT ${RUN_COLUMNS} FROM source_runs WHERE source_id = $1 AND job_id = $2 AND status <> 'RUNNING'
           ORDER BY started_at DESC LIMIT 1`,
          [sourceId, jobId],
        );
        if (done) return { kind: 'already-done', run: done };
      }
      const running = await tx.one<SourceRunEntity>(
        `SELECT ${RUN_COLUMNS} FROM source_runs WHERE source_id = $1 AND status = 'RUNNING'
         ORDER BY started_at DESC LIMIT 1`,
        [sourceId],
      );
      if (running) {
        await tx.exec('UPDATE source_runs SET job_id = $2 WHERE id = $1', [running.id, jobId]);
        return { kind: 'claimed', source, claimed: { run: { ...running, jobId }, resumed: true } };
      }
      if (!source.enabled) return { kind: 'disabled', source };
      const run = await tx.first<SourceRunEntity>(
        `INSERT INTO source_runs (source_id, job_id) VALUES ($1, $2) RETURNING ${RUN_COLUMNS}`,
        [sourceId, jobId],
      );
      return { kind: 'claimed', source, claimed: { run, resumed: false } };
    });
  }

  /**
   * Compare-and-set guard taken first in every page transaction: the run must still be RUNNING at
   * the page count this runner last wrote. The row lock also queues any second runner behind us.
   */
  async guard(
    qr: QueryRunner,
    runId: string,
    expectedPages: number,
    options: { asynchronousCommit?: boolean } = {},
  ): Promise<void> {
    // asynchronousCommit: SET LOCAL synchronous_commit TO OFF, in the same round trip (set_config's
    // third argument makes it local to the transaction; without the run's row the page fails anyway).
    const setting = options.asynchronousCommit ? `, set_config('synchronous_commit', 'off', true)` : '';
    const { rows } = await exec<{ pages: number }>(
      qr,
      `SELECT pages${setting} FROM source_runs WHERE id = $1 AND status = 'RUNNING' FOR UPDATE`,
      [runId],
    );
    if (rows.length === 0 || rows[0].pages !== expectedPages) throw new RunSupersededError(runId);
  }

  /** Adds a page's counts and moves the checkpoint, inside the page's transaction. */
  async recordPage(
    qr: QueryRunner,
    runId: string,
    counts: RunCounts,
    nextCursor: string | null,
  ): Promise<void> {
    await exec(
      qr,
      `UPDATE source_runs SET pages = pages + 1, fetched = fetched + $2, created = created + $3,
         updated = updated + $4, unchanged = unchanged + $5, quarantined = quarantined + $6, cursor = $7
       WHERE id = $1`,
      [
        runId,
        counts.fetched,
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.quarantined,
        nextCursor,
      ],
    );
  }

  /**
   * After the last page: the source's ACTIVE listings this run did not see are EXPIRED (never
   * deleted). The run stays RUNNING until `succeed`, so a crash in between redoes this (a no-op).
   *
   * Seen means a sighting since the run started (every page records one per listing) or, for rows
   * written by a worker of the version before opportunity_sightings, last_seen_at since then.
   */
  async expireUnseen(
    runId: string,
    sourceId: string,
    runStartedAt: Date,
    expectedPages: number,
  ): Promise<number> {
    return inTransaction(this.ds, async (qr) => {
      await this.guard(qr, runId, expectedPages);
      const { affected } = await exec(
        qr,
        `UPDATE opportunities o SET status = 'EXPIRED', updated_at = now()
         WHERE o.source_id = $1 AND o.status = 'ACTIVE' AND o.last_seen_at < $2
           AND NOT EXISTS (
             SELECT 1 FROM opportunity_sightings s WHERE s.opportunity_id = o.id AND s.last_seen_at >= $2
           )`,
        [sourceId, runStartedAt],
      );
      await exec(qr, 'UPDATE source_runs SET expired = expired + $2 WHERE id = $1', [runId, affected]);
      return affected;
    });
  }

  /**
   * What this run changed, read back from the catalogue (so a resumed run reports the pages its
   * predecessor wrote too): ACTIVE rows written since the run started, and rows it expired.
   */
  async changesSince(
    sourceId: string,
    runStartedAt: Date,
  ): Promise<{ changedIds: string[]; expiredIds: string[] }> {
    const { rows } = await execOnPool<{ id: string; status: string }>(
      this.ds,
      `SELECT id, status FROM opportunities WHERE source_id = $1 AND updated_at >= $2 AND status <> 'WITHDRAWN'`,
      [sourceId, runStartedAt],
    );
    const changedIds: string[] = [];
    const expiredIds: string[] = [];
    for (const row of rows) (row.status === 'EXPIRED' ? expiredIds : changedIds).push(row.id);
    return { changedIds, expiredIds };
  }

  async succeed(runId: string): Promise<SourceRunEntity | undefined> {
    const { rows } = await execOnPool<SourceRunEntity>(
      this.ds,
      `UPDATE source_runs SET status = 'SUCCEEDED', finished_at = now(), cursor = NULL, error = NULL
       WHERE id = $1 AND status = 'RUNNING' RETURNING ${RUN_COLUMNS}`,
      [runId],
    );
    return rows[0];
  }

  async fail(runId: string, error: string): Promise<void> {
    await execOnPool(
      this.ds,
      `UPDATE source_runs SET status = 'FAILED', finished_at = now(), error = $2 WHERE id = $1 AND status = 'RUNNING'`,
      [runId, error.slice(0, 4000)],
    );
  }

  async find(runId: string): Promise<SourceRunEntity | undefined> {
    const { rows } = await execOnPool<SourceRunEntity>(
      this.ds,
      `SELECT ${RUN_COLUMNS} FROM source_runs WHERE id = $1`,
      [runId],
    );
    return rows[0];
  }
}

export function countsOf(run: SourceRunEntity): RunCounts {
  return {
    pages: run.pages,
    fetched: run.fetched,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    expired: run.expired,
    quarantined: run.quarantined,
  };
}
