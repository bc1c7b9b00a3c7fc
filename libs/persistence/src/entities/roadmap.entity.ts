import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from './user.entity';

export type ReplanTrigger =
  | 'REQUESTED'
  | 'PROFILE_CHANGED'
  | 'GOAL_CHANGED'
  | 'SKILLS_CHANGED'
  | 'STEP_COMPLETED'
  | 'STEP_DROPPED'
  | 'LISTING_CHANGED'
  | 'LISTING_EXPIRED'
  /** The listing that was the learner's goal expired, closed or was withdrawn. */
  | 'GOAL_CLOSED';

/** The planner's own words about a version (kept as JSON: the engine's Blocker, WhatIf and FundingAsk shapes). */
export interface RoadmapDiagnosis {
  blockers?: Array<Record<string, unknown> & { kind: string; skillId: string; message: string }>;
  whatIfs?: Array<Record<string, unknown> & { kind: string; message: string }>;
  questions?: Array<Record<string, unknown> & { question: string; message: string; pricePence: number }>;
  firstStart?: string;
  startNote?: string;
  travelKm?: number;
  weeks?: number;
  option?: { label: string; tradeOff: string };
}

/** One version of a learner's plan towards their goal; the newest version is the live one. */
@Entity('roadmaps')
@Unique('uq_roadmaps_user_version', ['userId', 'version'])
export class RoadmapEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'uuid', nullable: true }) goalOccupationId!: string | null;
  @Column({ type: 'uuid', nullable: true }) goalOpportunityId!: string | null;
  @Column({ type: 'boolean' }) reachable!: boolean;
  @Column({ type: 'real' }) coverage!: number;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) missingSkillIds!: string[];
  @Column({ type: 'real' }) totalHours!: number;
  @Column({ type: 'integer' }) totalCostPence!: number;
  @Column({ type: 'text' }) trigger!: ReplanTrigger;
  /** Why this version exists, in plain English ("A course in your plan closed, so …"). */
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) summary!: string;
  /** What changed from the previous version: steps added and removed. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) changes!: { added?: string[]; removed?: string[] };
  /** When unreachable: other goals within reach. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) alternatives!: Array<{
    occupationId: string;
    title: string;
    gapHours: number;
  }>;
  /**
   * What the planner said besides the steps, as it said it (engine shapes, JSON): blockers and checked
   * what-ifs when the goal is out of reach, unanswered questions that would lower the price, the first
   * start date and its note, travel, and the option this version adopted.
   */
  @Column({ type: 'jsonb', default: () => "'{}'" }) diagnosis!: RoadmapDiagnosis;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
