import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import type { OrganisationRole } from './organisation-member.entity';

/** An invitation by email; only the SHA-256 of the token is stored, so a leaked table grants nothing. */
@Entity('organisation_invitations')
export class OrganisationInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) organisationId!: string;
  /** Lower-cased. */
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) role!: OrganisationRole;
  @Column({ type: 'text', unique: true }) tokenHash!: string;
  @Column({ type: 'uuid', nullable: true }) invitedBy!: string | null;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
}
