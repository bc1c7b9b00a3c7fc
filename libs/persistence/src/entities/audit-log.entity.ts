import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read or changed a learner's data, when and why. Kept when an account is erased (the subject
 * id then points at nothing), so the record of access survives the data.
 */
@Entity('audit_log')
@Index('idx_audit_log_subject_at', ['subjectUserId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'uuid' }) subjectUserId!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) reason!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}
