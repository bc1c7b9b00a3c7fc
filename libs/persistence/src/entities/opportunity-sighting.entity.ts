import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';

/**
 * When a refresh last saw a listing in its feed, whether or not it had changed. Kept out of the wide,
 * heavily indexed `opportunities` row so that seeing an unchanged listing again is one narrow-row
 * update: only the primary key is indexed and the table has a low fillfactor (set in the migration),
 * so these updates are HOT. Refresh expiry reads it (with `opportunities.last_seen_at`).
 */
@Entity('opportunity_sightings')
export class OpportunitySightingEntity {
  @PrimaryColumn({ type: 'uuid' }) opportunityId!: string;
  @Column({ type: 'timestamptz' }) lastSeenAt!: Date;
  /** The refresh run that last saw it; null for sightings carried over from before this table existed. */
  @Column({ type: 'uuid', nullable: true }) lastSeenRunId!: string | null;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
}
