import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/** A skills partnership's group of consenting learners, for monitoring. */
@Entity('cohorts')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) partnershipId!: string;
  @Column({ type: 'text' }) name!: string;
  /** What learners type to join; upper-case letters and digits. */
  @Column({ type: 'text', unique: true }) joinCode!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: OrganisationEntity;
}

/** A learner in a cohort, by their consent; leaving deletes the row, so they drop out of future figures. */
@Entity('cohort_members')
export class CohortMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) cohortId!: string;
  @Index() @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'timestamptz' }) consentedAt!: Date;
  /** Separate consent: the partnership may see this learner's own progress, not only aggregates. */
  @Column({ type: 'boolean', default: false }) individualMonitoring!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) joinedAt!: Date;
  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
