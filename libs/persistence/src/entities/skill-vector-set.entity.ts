import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The sentence encoder's vectors of one taxonomy version (skill labels, descriptions, skill
 * groups), computed once by `cli skills:vectors` and loaded by the ranked skill extractor at start.
 * `vectors` is the serialised set (libs/taxonomy `serialiseSkillVectorSet`); `taxonomy` is the
 * ranking view of the skills it was built from (labels, groups, popularity), as JSON.
 */
@Entity('skill_vector_sets')
export class SkillVectorSetEntity {
  @PrimaryColumn({ type: 'text' }) taxonomyVersion!: string;
  @PrimaryColumn({ type: 'text' }) encoderId!: string;
  @Column({ type: 'jsonb' }) taxonomy!: unknown;
  @Column({ type: 'bytea' }) vectors!: Buffer;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
