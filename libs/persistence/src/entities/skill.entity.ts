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

export type SkillType = 'skill' | 'knowledge' | 'transversal' | 'language';

/**
 * A node of the skills taxonomy: an ESCO concept where `uri` is set, or a Skillpath skill
 * (Essential Digital Skills areas) identified by `code`. A later ESCO import merges by URI.
 */
@Entity('skills')
export class SkillEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true, unique: true }) uri!: string | null;
  @Column({ type: 'text', nullable: true, unique: true }) code!: string | null;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) altLabels!: string[];
  @Column({ type: 'text', default: 'skill' }) type!: SkillType;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Index() @Column({ type: 'uuid', nullable: true }) broaderId!: string | null;
  /** The broader concept's URI as the source gave it (may be a skill group, not a skill). */
  @Column({ type: 'text', nullable: true }) broaderUri!: string | null;
  @Column({ type: 'boolean', default: false }) digital!: boolean;
  @Column({ type: 'boolean', default: false }) essentialDigital!: boolean;
  /** How often the skill is asked for (occupations and vacancies); ranks common skills first. */
  @Column({ type: 'integer', default: 0 }) popularity!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @ManyToOne(() => SkillEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'broader_id' })
  broader?: SkillEntity;
}
