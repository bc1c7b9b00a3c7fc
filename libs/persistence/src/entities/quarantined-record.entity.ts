import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SourceEntity } from './source.entity';

/** A listing that could not be parsed: kept with its raw payload and the reason, for an operator to fix. */
@Entity('quarantined_records')
@Index('idx_quarantined_records_source_created', ['sourceId', 'createdAt'])
export class QuarantinedRecordEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sourceId!: string;
  @Column({ type: 'uuid', nullable: true }) runId!: string | null;
  @Column({ type: 'text', nullable: true }) sourceRef!: string | null;
  @Column({ type: 'jsonb', nullable: true }) raw!: unknown;
  @Column({ type: 'text' }) reason!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;
}
