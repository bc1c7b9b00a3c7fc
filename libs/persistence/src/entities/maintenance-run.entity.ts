import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One execution of a maintenance job, so operators can see what housekeeping did and when. */
@Entity('maintenance_runs')
export class MaintenanceRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) job!: string;
  @Column({ type: 'text', nullable: true }) jobId!: string | null;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) finishedAt!: Date;
  @Column({ type: 'jsonb', default: () => "'{}'" }) result!: Record<string, unknown>;
}
