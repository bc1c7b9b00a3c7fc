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
import { OpportunityEntity } from './opportunity.entity';
import { UserEntity } from './user.entity';

/**
 * A learner on a provider's course. Completion needs both sides: the provider's record and the
 * learner's confirmation (in either order); `completedAt` is set when both exist, and only then are
 * skills granted as COURSE_COMPLETED.
 */
@Entity('course_participations')
@Unique('uq_course_participations_user_opportunity', ['userId', 'opportunityId'])
export class CourseParticipationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) userId!: string;
  @Index() @Column({ type: 'uuid' }) opportunityId!: string;
  @Column({ type: 'timestamptz', nullable: true }) enrolledAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) providerCompletedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) learnerCompletedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
}
