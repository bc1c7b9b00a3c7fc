import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SkillEntity } from './skill.entity';
import { UserEntity } from './user.entity';

/** How we know a learner holds a skill. The learner's level is the highest across sources. */
/** COURSE_REPORTED: the learner says they finished; COURSE_COMPLETED: confirmed by learner and provider. */
export type SkillSource =
  'SELF_ASSESSED' | 'SELF_CHECK' | 'COURSE_REPORTED' | 'COURSE_COMPLETED' | 'CREDENTIAL';

@Entity('learner_skills')
export class LearnerSkillEntity {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Index() @PrimaryColumn({ type: 'uuid' }) skillId!: string;
  @PrimaryColumn({ type: 'text' }) source!: SkillSource;
  @Column({ type: 'smallint' }) level!: number;
  /** The opportunity (or credential) that is the evidence, for COURSE_COMPLETED and CREDENTIAL. */
  @Column({ type: 'uuid', nullable: true }) evidenceId!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: SkillEntity;
}
