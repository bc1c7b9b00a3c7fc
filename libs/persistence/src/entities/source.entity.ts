import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SourceFormat =
  'find-an-apprenticeship' | 'jobposting-jsonld' | 'course-jsonld' | 'skills-bootcamps-csv';

/** A configured listing feed. Secrets are never stored: `credentialsEnv` names the variable holding one. */
@Entity('sources')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) format!: SourceFormat;
  @Column({ type: 'text' }) url!: string;
  @Column({ type: 'text', nullable: true }) credentialsEnv!: string | null;
  /** Cron pattern (Europe/London); null for on-demand only. */
  @Column({ type: 'text', nullable: true }) schedule!: string | null;
  @Column({ type: 'real', default: 5 }) rateLimitPerSecond!: number;
  @Column({ type: 'integer', default: 100 }) pageSize!: number;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
