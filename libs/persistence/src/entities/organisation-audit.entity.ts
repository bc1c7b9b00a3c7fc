import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What was decided about an organisation, by whom and why: evidence given, verified, rejected. Kept
 * when the organisation is deleted (the id then points at nothing), so the record survives.
 */
@Entity('organisation_audit_log')
@Index('idx_organisation_audit_org_at', ['organisationId', 'at'])
export class OrganisationAuditEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) reason!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}
