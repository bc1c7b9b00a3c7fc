import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OccupationEntity } from './occupation.entity';
import { SkillEntity } from './skill.entity';

export type OccupationSkillRelation = 'essential' | 'optional';

@Entity('occupation_skills')
export class OccupationSkillEntity {
  @PrimaryColumn({ type: 'uuid' }) occupationId!: string;
  @Index() @PrimaryColumn({ type: 'uuid' }) skillId!: string;
  @Column({ type: 'text' }) relation!: OccupationSkillRelation;
  /** Proficiency 1..5 the role asks for (ESCO has none; 3 unless curated). */
  @Column({ type: 'smallint', default: 3 }) level!: number;
  @ManyToOne(() => OccupationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: OccupationEntity;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: SkillEntity;
}
