import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type Role = 'LEARNER' | 'EMPLOYER' | 'PROVIDER' | 'PARTNER' | 'ADMIN';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Lower-cased; unique among accounts that still exist. */
  @Column({ type: 'text', unique: true }) email!: string;
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: Role;
  /** When the owner proved they read this address (a link sent to it); null until then. */
  @Column({ type: 'timestamptz', nullable: true }) emailVerifiedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
