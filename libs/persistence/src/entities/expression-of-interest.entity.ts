import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

export type InterestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';

/** An employer telling a consenting candidate it is interested; contact details flow only on ACCEPTED. */
@Entity('expressions_of_interest')
@Unique('uq_expressions_of_interest_vacancy_learner', ['vacancyId', 'learnerUserId'])
export class ExpressionOfInterestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) employerId!: string;
  @Column({ type: 'uuid' }) vacancyId!: string;
  @Index() @Column({ type: 'uuid' }) learnerUserId!: string;
  @Column({ type: 'uuid', nullable: true }) sentBy!: string | null;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', default: 'PENDING' }) status!: InterestStatus;
  @Column({ type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: OrganisationEntity;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: OpportunityEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_user_id' })
  learner?: UserEntity;
}
