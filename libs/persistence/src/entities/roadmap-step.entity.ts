import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';
import { RoadmapEntity } from './roadmap.entity';

export type StepStatus = 'PLANNED' | 'ENROLLED' | 'COMPLETED' | 'DROPPED';
/** LEARN: a course, bootcamp or apprenticeship that closes part of the gap. APPLY: a job to apply for at the end. */
export type StepKind = 'LEARN' | 'APPLY';

@Entity('roadmap_steps')
export class RoadmapStepEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) roadmapId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Index() @Column({ type: 'uuid' }) opportunityId!: string;
  @Column({ type: 'text' }) kind!: StepKind;
  @Column({ type: 'jsonb', default: () => "'[]'" }) skillsGained!: Array<{ skillId: string; level: number }>;
  @Column({ type: 'text', default: 'PLANNED' }) status!: StepStatus;
  @Column({ type: 'text' }) why!: string;
  @Column({ type: 'real', nullable: true }) hours!: number | null;
  @Column({ type: 'integer' }) costPence!: number;
  @Column({ type: 'real', nullable: true }) distanceKm!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) plannedStart!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) plannedEnd!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  @ManyToOne(() => RoadmapEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roadmap_id' })
  roadmap?: RoadmapEntity;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity?: OpportunityEntity;
}
