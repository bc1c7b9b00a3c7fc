import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'EMPLOYER' | 'PROVIDER' | 'PARTNERSHIP';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true, unique: true }) code!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @Column({ type: 'text', nullable: true }) borough!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
