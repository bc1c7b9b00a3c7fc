import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'EMPLOYER' | 'PROVIDER' | 'PARTNERSHIP';

/** PENDING until an ADMIN has checked its evidence; only a VERIFIED organisation vouches for anything. */
export type OrganisationVerification = 'PENDING' | 'VERIFIED' | 'REJECTED';

/** A public register number that says who the organisation is. */
export type OrganisationEvidenceKind = 'UKPRN' | 'COMPANY_NUMBER' | 'CHARITY_NUMBER';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true, unique: true }) code!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @Column({ type: 'text', nullable: true }) borough!: string | null;
  @Column({ type: 'text', default: 'PENDING' }) verification!: OrganisationVerification;
  @Column({ type: 'text', nullable: true }) evidenceKind!: OrganisationEvidenceKind | null;
  @Column({ type: 'text', nullable: true }) evidenceNumber!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) verifiedBy!: string | null;
  @Column({ type: 'text', nullable: true }) rejectionReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
