import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';
import { UserEntity } from './user.entity';

export type ParticipationRequestKind = 'ENROLMENT' | 'COMPLETION';
export type ParticipationRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';

/**
 * A provider says a learner enrolled on (or completed) its course; nothing changes on the learner's
 * record until the learner accepts. At most one open request per learner, course and kind.
 */
@Entity('participation_requests')
@Index('uq_participation_requests_open', ['userId', 'opportunityId', 'kind'], {
  unique: true,
  where: `status = 'PENDING'`,
})
export class ParticipationRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: ParticipationRequestKind;
  @Index() @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid' }) opportunityId!: string;
  @Column({ type: 'uuid' }) providerId!: string;
  @Column({ type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ type: 'text', default: 'PENDING' }) status!: ParticipationRequestStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
}
