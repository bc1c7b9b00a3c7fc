import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('occupations')
export class OccupationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true, unique: true }) uri!: string | null;
  @Column({ type: 'text', nullable: true, unique: true }) code!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) altLabels!: string[];
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', nullable: true }) iscoGroup!: string | null;
  /** A target role Skillpath promotes in its region (demo or curated), as opposed to the long ESCO tail. */
  @Column({ type: 'boolean', default: false }) featured!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
