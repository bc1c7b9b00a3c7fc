import type { DataSource, QueryRunner } from 'typeorm';
import { emptyCounts, type RunCounts } from './refresh.types';
import { exec, execOnPool } from '@skillpath/persistence';

/** What a fetched page body is, for recognising it next time: see PageDigests. */
export interface PageIdentity {
  /** JSON of the cursor the page was fetched at (`null` for the first page). */
  cursorKey: string;
  /** sha256 (hex) of the body as received. */
  bodyHash: string;
  /** Connector format and revision, taxonomy version and page size the body was read with. */
  readerKey: string;
}

/** A page whose body and reader are those of the digest stored for its cursor. */
export interface RepeatedPage extends PageIdentity {
  nextCursor: string | null;
}

export const cursorKeyOf = (cursor: string | null): string => JSON.stringify(cursor);

/** The digests of a source's pages as a run found them: is this page body one of them? */
export class StoredDigests {
  private readonly byCursor: Map<string, { bodyHash: string; readerKey: string; nextCursor: string | null }>;

  constructor(
    rows: { cursor_key: string; body_hash: string; reader_key: string; next_cursor: string | null }[],
  ) {
    this.byCursor = new Map(
      rows.map((r) => [
        r.cursor_key,
        { bodyHash: r.body_hash, readerKey: r.reader_key, nextCursor: r.next_cursor },
      ]),
    );
  }

  /** The stored digest of this page's cursor, if it is of this body under this reader. */
  repeatOf(identity: PageIdentity): RepeatedPage | undefined {
    const stored = this.byCursor.get(identity.cursorKey);
    if (!stored || stored.bodyHash !== identity.bodyHash || stored.readerKey !== identity.readerKey)
      return undefined;
    return { ...identity, nextCursor: stored.nextCursor };
  }
}

const LOAD_SQL = `
  SELECT cursor_key, body_hash, reader_key, next_cursor FROM source_page_digests WHERE source_id = $1`;

/**
 * Confirms a repeated page and records its sightings in one round trip. Confirmed means every listing
 * the page was written as still has the content_hash it was left with (so it is not EXPIRED, deleted
 * or changed since): then reading the page would find each record unchanged, and only "seen" is left
 * to write. The sightings are inserted only when confirmed (the WHERE on the CTE).
 */
const CONFIRM_AND_SEE_SQL = `
  WITH d AS (
    SELECT d.fetched, d.opportunity_ids, cardinality(d.opportunity_ids) AS listed,
      (SELECT count(*) FROM unnest(d.opportunity_ids, d.content_hashes) AS x(id, stored)
         JOIN opportunities o ON o.id = x.id
         WHERE o.source_id = d.source_id AND o.content_hash = x.stored AND o.status <> 'EXPIRED')::int AS confirmed
    FROM source_page_digests d
    WHERE d.source_id = $1 AND d.cursor_key = $2 AND d.body_hash = $3 AND d.reader_key = $4
  ), seen AS (
    INSERT INTO opportunity_sightings (opportunity_id, last_seen_at, last_seen_run_id)
    SELECT x.id, now(), $5 FROM d, unnest(d.opportunity_ids) AS x(id) WHERE d.confirmed = d.listed
    ON CONFLICT (opportunity_id) DO UPDATE
      SET last_seen_at = EXCLUDED.last_seen_at, last_seen_run_id = EXCLUDED.last_seen_run_id
  )
  SELECT fetched, listed, confirmed FROM d`;

const SAVE_SQL = `
  INSERT INTO source_page_digests
    (source_id, cursor_key, reader_key, body_hash, next_cursor, fetched, opportunity_ids, content_hashes, run_id, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::text[], $9, now())
  ON CONFLICT (source_id, cursor_key) DO UPDATE SET
    reader_key = EXCLUDED.reader_key, body_hash = EXCLUDED.body_hash, next_cursor = EXCLUDED.next_cursor,
    fetched = EXCLUDED.fetched, opportunity_ids = EXCLUDED.opportunity_ids,
    content_hashes = EXCLUDED.content_hashes, run_id = EXCLUDED.run_id, updated_at = now()`;

const FORGET_SQL = `DELETE FROM source_page_digests WHERE source_id = $1 AND cursor_key = $2`;

/**
 * Per (source, cursor): the body last written for that cursor, the reader it was read with, and the
 * listings (id and content_hash) it was written as. A page whose body is byte-for-byte the stored one
 * under the same reader parses into the same records with the same record keys, so when its listings
 * are still as it left them every record is unchanged, and neither parsing nor record keys are
 * needed, only its sightings. Whether they are still so is checked inside the page's transaction.
 *
 * Only pages whose every record became its own listing are stored; any other page (a quarantined
 * record, a record without a reference, a reference twice) forgets its digest and is always read.
 */
export class PageDigests {
  constructor(private readonly ds: DataSource) {}

  /**
   * What is stored for each of the source's cursors, read once when a run starts reading (a page's
   * digest is only written by the run reading it, and confirmRepeat checks it again anyway).
   */
  async load(sourceId: string): Promise<StoredDigests> {
    const { rows } = await execOnPool<{
      cursor_key: string;
      body_hash: string;
      reader_key: string;
      next_cursor: string | null;
    }>(this.ds, LOAD_SQL, [sourceId]);
    return new StoredDigests(rows);
  }

  /**
   * Inside the page's transaction: the page's counts when the repeat is confirmed (its sightings are
   * then recorded), or undefined when it must be read after all.
   */
  async confirmRepeat(
    qr: QueryRunner,
    target: { sourceId: string; runId: string },
    page: RepeatedPage,
  ): Promise<RunCounts | undefined> {
    const { rows } = await exec<{ fetched: number; listed: number; confirmed: number }>(
      qr,
      CONFIRM_AND_SEE_SQL,
      [target.sourceId, page.cursorKey, page.bodyHash, page.readerKey, target.runId],
    );
    const d = rows[0];
    if (!d || d.confirmed !== d.listed) return undefined;
    return { ...emptyCounts(), fetched: d.fetched, unchanged: d.listed };
  }

  /** Inside the page's transaction, after writing a page that was read: store its digest, or forget the old one. */
  async remember(
    qr: QueryRunner,
    target: { sourceId: string; runId: string },
    page: { identity: PageIdentity; nextCursor: string | null },
    written: { counts: RunCounts; listings: { id: string; contentHash: string }[] },
  ): Promise<void> {
    const { identity } = page;
    const { counts, listings } = written;
    const exact =
      counts.quarantined === 0 &&
      listings.length === counts.fetched &&
      new Set(listings.map((l) => l.id)).size === listings.length;
    if (!exact) {
      await exec(qr, FORGET_SQL, [target.sourceId, identity.cursorKey]);
      return;
    }
    await exec(qr, SAVE_SQL, [
      target.sourceId,
      identity.cursorKey,
      identity.readerKey,
      identity.bodyHash,
      page.nextCursor,
      counts.fetched,
      listings.map((l) => l.id),
      listings.map((l) => l.contentHash),
      target.runId,
    ]);
  }
}
