import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import type { DeliveryMode, EmploymentStatus } from './opportunity.entity';

export type AgeBand = '16-18' | '19-23' | '24-49' | '50+';

/** What a learner tells us about their situation: private to them unless they consent. */
@Entity('learner_profiles')
export class LearnerProfileEntity {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text', nullable: true }) postcode!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'text', nullable: true }) borough!: string | null;
  @Column({ type: 'real', nullable: true }) travelRadiusKm!: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) modes!: DeliveryMode[];
  @Column({ type: 'real', nullable: true }) hoursPerWeek!: number | null;
  @Column({ type: 'integer', nullable: true }) budgetPence!: number | null;
  @Column({ type: 'text', nullable: true }) ageBand!: AgeBand | null;
  @Column({ type: 'text', nullable: true }) employmentStatus!: EmploymentStatus | null;
  @Column({ type: 'boolean', nullable: true }) receivingBenefits!: boolean | null;
  @Column({ type: 'smallint', nullable: true }) highestQualificationLevel!: number | null;
  /** Holds maths at level 2 (GCSE grade 4/C or Functional Skills level 2): true, false, or null when not answered. */
  @Column({ type: 'boolean', nullable: true }) hasMathsLevel2!: boolean | null;
  /** Holds English at level 2: true, false, or null when not answered. */
  @Column({ type: 'boolean', nullable: true }) hasEnglishLevel2!: boolean | null;
  /** Can already do the everyday digital tasks of the Essential Digital Skills framework: true, false, or null. */
  @Column({ type: 'boolean', nullable: true }) hasEssentialDigitalSkills!: boolean | null;
  /** Earns less than the adult skills low-wage threshold (for Free Courses for Jobs): true, false, or null. */
  @Column({ type: 'boolean', nullable: true }) earnsUnderLowWageThreshold!: boolean | null;
  @Column({ type: 'boolean', default: false }) noLaptop!: boolean;
  @Column({ type: 'boolean', default: false }) mobileOnly!: boolean;
  @Column({ type: 'boolean', default: false }) stepFreeOnly!: boolean;
  @Column({ type: 'boolean', default: false }) shareWithEmployers!: boolean;
  @Column({ type: 'boolean', default: false }) shareWithPartnerships!: boolean;
  @Column({ type: 'uuid', nullable: true }) goalOccupationId!: string | null;
  @Column({ type: 'uuid', nullable: true }) goalOpportunityId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) selfCheckCompletedAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
