import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccreditationEntity } from './accreditation.entity';
import { UserEntity } from './user.entity';

/** An issued Open Badges 3.0 credential: the signed compact JWS as issued, and its revocation status. */
@Entity('credentials')
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) userId!: string;
  @Index() @Column({ type: 'uuid' }) opportunityId!: string;
  /** Null once the accreditation is deleted: verification then reports the credential revoked. */
  @Index() @Column({ type: 'uuid', nullable: true }) accreditationId!: string | null;
  @Column({ type: 'text' }) achievementName!: string;
  @Column({ type: 'text' }) jws!: string;
  @Column({ type: 'timestamptz' }) issuedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) revocationReason!: string | null;
  /** Its bit in the published Bitstring Status List (chosen at random, so neighbours say nothing). */
  @Column({ type: 'int', nullable: true, unique: true }) statusListIndex!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @ManyToOne(() => AccreditationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accreditation_id' })
  accreditation?: AccreditationEntity;
}
