import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Connector, ConnectorContext, RawRecord, RawRecordReading } from '@skillpath/connectors';
import {
  storedHashOf,
  type KnownRecord,
  type ParsedRecord,
  type PreparedRecords,
} from './opportunity-page.writer';
import { execOnPool } from './sql';

/** A page ready to be written, and where the next one is. */
export interface ReadPage {
  records: PreparedRecords;
  nextCursor: string | null;
}

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
 * Other connectors normalise every record (their unchanged listings are found by content hash).
 */
export class PageReader {
  private readonly keyPrefix: string | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly sourceId: string,
    private readonly connector: Connector,
    private readonly ctx: ConnectorContext,
    taxonomyVersion: string,
  ) {
    const raw = connector.raw;
    this.keyPrefix = raw && `${connector.format}/${raw.revision}/${taxonomyVersion}\n`;
  }

  async read(cursor: string | null): Promise<ReadPage> {
    const raw = this.connector.raw;
    if (!raw) {
      const page = await this.connector.fetchPage(this.ctx, cursor);
      return {
        records: {
          fetched: page.records.length,
          parsed: page.records.map((result) => ({ result })),
          known: [],
        },
        nextCursor: page.nextCursor,
      };
    }
    const page = await raw.fetchRawPage(this.ctx, cursor);
    const stored = await this.storedHashes(page.records);
    const parsed: ParsedRecord[] = [];
    const known: KnownRecord[] = [];
    for (const record of page.records) {
      const key = this.recordKey(record);
      const storedHash = record.sourceRef === undefined ? undefined : stored.get(record.sourceRef);
      const normalise = () => this.normalise(raw, record, key);
      if (storedHash !== undefined && storedHash.endsWith(`:${key}`)) {
        known.push({ sourceRef: record.sourceRef!, storedHash, normalise });
      } else {
        parsed.push(normalise());
      }
    }
    return { records: { fetched: page.records.length, parsed, known }, nextCursor: page.nextCursor };
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
