import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';
import { SkillEntity } from './skill.entity';

/** TAUGHT: what a course teaches. REQUIRED: a course's entry requirement, or what a vacancy asks for. */
export type OpportunitySkillRole = 'TAUGHT' | 'REQUIRED';

@Entity('opportunity_skills')
@Index('idx_opportunity_skills_skill_role', ['skillId', 'role'])
export class OpportunitySkillEntity {
  @PrimaryColumn({ type: 'uuid' }) opportunityId!: string;
  @PrimaryColumn({ type: 'uuid' }) skillId!: string;
  @PrimaryColumn({ type: 'text' }) role!: OpportunitySkillRole;
  @Column({ type: 'smallint' }) level!: number;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: SkillEntity;
}
