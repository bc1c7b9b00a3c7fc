import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Connector, ConnectorContext, RawRecord, RawRecordReading } from '@skillpath/connectors';
import {
  storedHashOf,
  type KnownRecord,
  type ParsedRecord,
  type PreparedRecords,
} from './opportunity-page.writer';
import {
  cursorKeyOf,
  PageDigests,
  type PageIdentity,
  type RepeatedPage,
  type StoredDigests,
} from './page-digests';
import { execOnPool } from '@skillpath/persistence';

/**
 * A page ready to be written, and where the next one is: its records, or — when its body is the one
 * stored for its cursor (see PageDigests) — the digest to confirm and how to read it if that fails.
 * `identity` is set for raw-reading connectors, to store the page's digest with what it is written as.
 */
export type ReadPage =
  | { kind: 'records'; records: PreparedRecords; nextCursor: string | null; identity?: PageIdentity }
  | {
      kind: 'repeat';
      repeat: RepeatedPage;
      nextCursor: string | null;
      identity: PageIdentity;
      /** The page's records after all (the repeat could not be confirmed). */
      readRecords(): Promise<PreparedRecords>;
    };

/**
 * Fetches a source's pages and normalises what needs it.
 *
 * For connectors that can read raw records first (`connector.raw`), each record gets a key: sha256 of
 * the record as received (JSON.stringify of the parsed record, so in the feed's own key order), the
 * connector's revision and the taxonomy version. It is stored after the content hash in content_hash
 * (storedHashOf). A record whose key is the one stored for its listing is byte-for-byte what was
 * normalised last time, against the same taxonomy, by the same code: it is passed on as a KnownRecord
 * and never normalised — no HTML stripping, no skill extraction, no content hash. A changed taxonomy or
 * connector revision changes every key, so each listing is normalised again once.
 *
 * Before that, the page body's sha256 is compared with the digest stored for its cursor: a body seen
 * before under the same reader is not parsed at all (a "repeat"; the writer confirms it).
 *
 * Other connectors normalise every record (their unchanged listings are found by content hash).
 */
export class PageReader {
  private readonly keyPrefix: string | undefined;
  private readonly readerKey: string | undefined;
  private readonly digests: PageDigests;
  private stored?: Promise<StoredDigests>;

  constructor(
    private readonly ds: DataSource,
    private readonly sourceId: string,
    private readonly connector: Connector,
    private readonly ctx: ConnectorContext,
    taxonomyVersion: string,
  ) {
    const raw = connector.raw;
    this.keyPrefix = raw && `${connector.format}/${raw.revision}/${taxonomyVersion}\n`;
    this.readerKey = raw && `${this.keyPrefix}page size ${ctx.pageSize ?? 'default'}`;
    this.digests = new PageDigests(ds);
  }

  async read(cursor: string | null): Promise<ReadPage> {
    const raw = this.connector.raw;
    if (!raw) {
      const page = await this.connector.fetchPage(this.ctx, cursor);
      return {
        kind: 'records',
        records: {
          fetched: page.records.length,
          parsed: page.records.map((result) => ({ result })),
          known: [],
        },
        nextCursor: page.nextCursor,
      };
    }
    const fetched = await raw.fetchBody(this.ctx, cursor);
    const identity: PageIdentity = {
      cursorKey: cursorKeyOf(cursor),
      bodyHash: createHash('sha256').update(fetched.body).digest('hex'),
      readerKey: this.readerKey!,
    };
    this.stored ??= this.digests.load(this.sourceId);
    const repeat = (await this.stored).repeatOf(identity);
    if (repeat) {
      return {
        kind: 'repeat',
        repeat,
        nextCursor: repeat.nextCursor,
        identity,
        readRecords: async () => this.prepare(raw, raw.readBody(fetched, cursor, this.ctx).records),
      };
    }
    const page = raw.readBody(fetched, cursor, this.ctx);
    return {
      kind: 'records',
      records: await this.prepare(raw, page.records),
      nextCursor: page.nextCursor,
      identity,
    };
  }

  /** Splits a page's raw records into those to normalise now and those stored exactly so (KnownRecord). */
  private async prepare(raw: RawRecordReading, records: RawRecord[]): Promise<PreparedRecords> {
    const stored = await this.storedHashes(records);
    const parsed: ParsedRecord[] = [];
    const known: KnownRecord[] = [];
    for (const record of records) {
      const key = this.recordKey(record);
      const storedHash = record.sourceRef === undefined ? undefined : stored.get(record.sourceRef);
      const normalise = () => this.normalise(raw, record, key);
      if (storedHash !== undefined && storedHash.endsWith(`:${key}`)) {
        known.push({ sourceRef: record.sourceRef!, storedHash, normalise });
      } else {
        parsed.push(normalise());
      }
    }
    return { fetched: records.length, parsed, known };
  }

  private normalise(raw: RawRecordReading, record: RawRecord, key: string): ParsedRecord {
    const result = raw.normalise(record, this.ctx);
    return result.ok ? { result, storedHash: storedHashOf(result.opportunity.contentHash, key) } : { result };
  }

  private recordKey(record: RawRecord): string {
    return createHash('sha256')
      .update(this.keyPrefix!)
      .update(JSON.stringify(record.raw) ?? 'undefined')
      .digest('hex');
  }

  /** content_hash of this page's listings as stored now (one query; EXPIRED ones must be rewritten anyway). */
  private async storedHashes(records: RawRecord[]): Promise<Map<string, string>> {
    const refs = records.flatMap((r) => (r.sourceRef === undefined ? [] : [r.sourceRef]));
    if (refs.length === 0) return new Map();
    // One index lookup per ref (the LIMIT keeps them apart; see TOUCH_UNCHANGED_SQL for why).
    const { rows } = await execOnPool<{ source_ref: string; content_hash: string }>(
      this.ds,
      `SELECT x.ref AS source_ref, f.content_hash FROM unnest($2::text[]) AS x(ref)
       CROSS JOIN LATERAL (
         SELECT content_hash FROM opportunities
         WHERE source_id = $1 AND source_ref = x.ref AND status <> 'EXPIRED' AND content_hash IS NOT NULL
         LIMIT 1
       ) AS f`,
      [this.sourceId, refs],
    );
    return new Map(rows.map((r) => [r.source_ref, r.content_hash]));
  }
}
