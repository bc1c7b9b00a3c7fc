import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SourceEntity } from './source.entity';

/**
 * What one page of a source's feed was when it was last written: the sha256 of its body, the reader
 * it was read with (connector, revision, taxonomy version, page size), where the next page was, and
 * the listings it held with the content_hash each was left with. When the same cursor answers the
 * same body again under the same reader, and those listings are still exactly so, the page is known
 * without parsing it (libs/refresh, page-digests.ts).
 */
@Entity('source_page_digests')
export class SourcePageDigestEntity {
  @PrimaryColumn({ type: 'uuid' }) sourceId!: string;
  /** JSON of the page's cursor (`null` for the first page). */
  @PrimaryColumn({ type: 'text' }) cursorKey!: string;
  @Column({ type: 'text' }) readerKey!: string;
  @Column({ type: 'text' }) bodyHash!: string;
  @Column({ type: 'text', nullable: true }) nextCursor!: string | null;
  /** Records the page held (all of them became the listings below). */
  @Column({ type: 'integer' }) fetched!: number;
  @Column({ type: 'uuid', array: true }) opportunityIds!: string[];
  /** content_hash of each of opportunityIds, in the same order, as this page left it. */
  @Column({ type: 'text', array: true }) contentHashes!: string[];
  @Column({ type: 'uuid' }) runId!: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;
}
