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
  /** The price before funding (null for steps stored before prices were explained). */
  @Column({ type: 'integer', nullable: true }) listPricePence!: number | null;
  /** The funding rule that set the learner's price, if any (a FundingRuleId of @skillpath/matching). */
  @Column({ type: 'text', nullable: true }) fundingRuleId!: string | null;
  /** An unanswered question that would make this step cheaper (the engine's FundingAsk). */
  @Column({ type: 'jsonb', nullable: true }) ask!: {
    question: string;
    message: string;
    pricePence: number;
  } | null;
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
