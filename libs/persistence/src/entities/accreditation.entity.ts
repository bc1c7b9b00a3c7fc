import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';
import { OrganisationEntity } from './organisation.entity';

export type AccreditationStatus = 'REQUESTED' | 'ACTIVE' | 'DECLINED' | 'REVOKED' | 'EXPIRED';

/** An employer vouching that a course teaches the named skills to the level it claims. */
@Entity('accreditations')
export class AccreditationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) opportunityId!: string;
  @Index() @Column({ type: 'uuid' }) employerId!: string;
  @Column({ type: 'uuid', array: true }) skillIds!: string[];
  @Column({ type: 'text', default: 'REQUESTED' }) status!: AccreditationStatus;
  @Column({ type: 'timestamptz', nullable: true }) validFrom!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) validTo!: Date | null;
  @Column({ type: 'boolean', default: false }) guaranteedInterview!: boolean;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: OrganisationEntity;
}
