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
  /**
   * Not named by the listing: the essential skill of its occupation, added by listing enrichment when
   * the text names few skills. Counts for less in fit and is explained as "usually asked for in this role".
   */
  @Column({ type: 'boolean', default: false }) inferred!: boolean;
  /**
   * Found in the listing's text by listing enrichment's ranked (semantic) extractor rather than by the
   * refresh's rule matcher; replaced whenever the listing is enriched again.
   */
  @Column({ type: 'boolean', default: false }) extracted!: boolean;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: SkillEntity;
}
