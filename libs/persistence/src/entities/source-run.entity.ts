import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from './source.entity';

export type SourceRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One refresh of a source, with its counts; `cursor` is the checkpoint a resumed run continues from. */
@Entity('source_runs')
@Index('idx_source_runs_source_started', ['sourceId', 'startedAt'])
export class SourceRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sourceId!: string;
  @Column({ type: 'text', default: 'RUNNING' }) status!: SourceRunStatus;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) cursor!: string | null;
  @Column({ type: 'integer', default: 0 }) pages!: number;
  @Column({ type: 'integer', default: 0 }) fetched!: number;
  @Column({ type: 'integer', default: 0 }) created!: number;
  @Column({ type: 'integer', default: 0 }) updated!: number;
  @Column({ type: 'integer', default: 0 }) unchanged!: number;
  @Column({ type: 'integer', default: 0 }) expired!: number;
  @Column({ type: 'integer', default: 0 }) quarantined!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'text', nullable: true }) jobId!: string | null;
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;
}
