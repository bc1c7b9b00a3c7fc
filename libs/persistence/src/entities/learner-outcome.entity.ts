import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

export type OutcomeKind = 'APPLIED' | 'INTERVIEWED' | 'IN_WORK';

/** What happened after learning, as the learner reports it (or an employer records an interview). */
@Entity('learner_outcomes')
@Index('idx_learner_outcomes_user_kind', ['userId', 'kind'])
// An employer records an outcome for a learner and vacancy once, however often it clicks.
@Index('uq_learner_outcomes_employer_once', ['userId', 'opportunityId', 'kind'], {
  unique: true,
  where: `recorded_by = 'EMPLOYER'`,
})
export class LearnerOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) kind!: OutcomeKind;
  @Column({ type: 'uuid', nullable: true }) opportunityId!: string | null;
  /** LEARNER or EMPLOYER. */
  @Column({ type: 'text' }) recordedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
