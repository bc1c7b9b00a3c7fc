import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { OccupationEntity } from './occupation.entity';
import { OrganisationEntity } from './organisation.entity';
import { SourceEntity } from './source.entity';

import type { DeliveryMode, EmploymentStatus, FundingRules, OpportunityKind } from '@skillpath/vocabulary';

export type { DeliveryMode, EmploymentStatus, FundingRules, OpportunityKind };
export type OpportunityStatus = 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

@Entity('opportunities')
@Unique('uq_opportunities_source_ref', ['sourceId', 'sourceRef'])
@Index('idx_opportunities_status_kind', ['status', 'kind'])
@Index('idx_opportunities_lat_lon', ['latitude', 'longitude'])
// Full-text search over title and description: an expression index TypeORM cannot describe, created by hand in
// the migration and left alone by schema sync.
@Index('idx_opportunities_search', { synchronize: false })
export class OpportunityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: OpportunityKind;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Index() @Column({ type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ type: 'text' }) organisationName!: string;
  @Index() @Column({ type: 'text' }) mode!: DeliveryMode;
  @Column({ type: 'text', nullable: true }) postcode!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  /**
   * The local authority the listing is in, from its postcode (not its organisation's borough); null when it
   * has no postcode or the postcode is outside the region.
   */
  @Column({ type: 'text', nullable: true }) borough!: string | null;
  @Column({ type: 'real', nullable: true }) hoursPerWeek!: number | null;
  @Column({ type: 'real', nullable: true }) durationWeeks!: number | null;
  @Column({ type: 'real', nullable: true }) totalHours!: number | null;
  @Index() @Column({ type: 'integer', default: 0 }) costPence!: number;
  @Column({ type: 'smallint', nullable: true }) rqfLevel!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) startDate!: Date | null;
  @Index() @Column({ type: 'timestamptz', nullable: true }) closingDate!: Date | null;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ type: 'integer', nullable: true }) wagePencePerYear!: number | null;
  @Column({ type: 'jsonb', nullable: true }) funding!: FundingRules | null;
  /**
   * National entitlements the provider declares apply (ids of `ENTITLEMENT_IDS` in @skillpath/matching,
   * e.g. ADULT_MATHS_TO_LEVEL_2): the planner prices the listing for each learner from these.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) entitlements!: string[];
  /** Free funding for at least someone: lets "funded only" filter without reading JSON. */
  @Index() @Column({ type: 'boolean', default: false }) fundedAvailable!: boolean;
  @Column({ type: 'boolean', nullable: true }) stepFree!: boolean | null;
  @Column({ type: 'boolean', default: false }) needsOwnDevice!: boolean;
  @Column({ type: 'boolean', default: false }) guaranteedInterview!: boolean;
  /** Occupation a vacancy or apprenticeship is for, where known. */
  @Index() @Column({ type: 'uuid', nullable: true }) occupationId!: string | null;
  /**
   * How sure listing enrichment was of `occupationId` when it classified the listing's title (0–1); null
   * when the occupation came from its author (a curated demo role, an employer's choice) or there is none.
   */
  @Column({ type: 'real', nullable: true }) occupationConfidence!: number | null;
  /**
   * "<enrichment revision>|<content hash>" of the last enrichment: a listing is enriched again when its
   * content, the taxonomy or the extractor changes. Null: never enriched.
   */
  @Column({ type: 'text', nullable: true }) enrichmentKey!: string | null;
  /** Skills the source named that match no taxonomy skill: kept, never silently dropped. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) unmatchedSkills!: string[];
  @Column({ type: 'uuid', nullable: true }) sourceId!: string | null;
  @Column({ type: 'text', nullable: true }) sourceRef!: string | null;
  @Column({ type: 'text', nullable: true }) contentHash!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) firstSeenAt!: Date;
  /**
   * When a refresh last wrote this listing (created it or changed its content). Seeing it again unchanged
   * does not move it: that is in opportunity_sightings, which refresh expiry reads together with this.
   */
  @Column({ type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
  @Column({ type: 'text', default: 'ACTIVE' }) status!: OpportunityStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
  @ManyToOne(() => OccupationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: OccupationEntity;
  @ManyToOne(() => SourceEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;
}
