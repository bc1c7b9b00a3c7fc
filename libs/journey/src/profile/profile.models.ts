import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeliveryModeEnum, OccupationModel, OpportunityModel, SkillLevelModel } from '@skillpath/catalogue';
import type { AgeBand, DeliveryMode, EmploymentStatus } from '@skillpath/persistence';
import { EMPLOYMENT_STATUSES, enumOf } from '@skillpath/vocabulary';

export enum AgeBandEnum {
  AGE_16_18 = '16-18',
  AGE_19_23 = '19-23',
  AGE_24_49 = '24-49',
  AGE_50_PLUS = '50+',
}
registerEnumType(AgeBandEnum, { name: 'AgeBand' });

// The shared vocabulary's list (libs/vocabulary), not a copy of it.
export const EmploymentStatusEnum = enumOf(EMPLOYMENT_STATUSES);
export type EmploymentStatusEnum = EmploymentStatus;
registerEnumType(EmploymentStatusEnum, { name: 'EmploymentStatus' });

@ObjectType('Goal')
export class GoalModel {
  @Field(() => OccupationModel, { nullable: true }) occupation!: OccupationModel | null;
  @Field(() => OpportunityModel, { nullable: true }) opportunity!: OpportunityModel | null;
}

@ObjectType('LearnerProfile')
export class LearnerProfileModel {
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => String, { nullable: true }) borough!: string | null;
  @Field(() => Float, { nullable: true }) travelRadiusKm!: number | null;
  @Field(() => [DeliveryModeEnum]) modes!: DeliveryMode[];
  @Field(() => Float, { nullable: true }) hoursPerWeek!: number | null;
  @Field(() => Int, { nullable: true }) budgetPence!: number | null;
  @Field(() => AgeBandEnum, { nullable: true }) ageBand!: AgeBand | null;
  @Field(() => EmploymentStatusEnum, { nullable: true }) employmentStatus!: EmploymentStatus | null;
  @Field(() => Boolean, { nullable: true }) receivingBenefits!: boolean | null;
  @Field(() => Int, { nullable: true }) highestQualificationLevel!: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Has maths at level 2 (GCSE grade 4/C or Functional Skills level 2); null when not answered',
  })
  hasMathsLevel2!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Has English at level 2 (GCSE grade 4/C or Functional Skills level 2); null when not answered',
  })
  hasEnglishLevel2!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Can do everyday digital tasks (Essential Digital Skills) on their own; null when not answered',
  })
  hasEssentialDigitalSkills!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Earns under the adult skills low-wage threshold; null when not answered',
  })
  earnsUnderLowWageThreshold!: boolean | null;
  @Field() noLaptop!: boolean;
  @Field() mobileOnly!: boolean;
  @Field() stepFreeOnly!: boolean;
  @Field() shareWithEmployers!: boolean;
  @Field() shareWithPartnerships!: boolean;
  @Field() selfCheckCompleted!: boolean;
  @Field(() => [SkillLevelModel], {
    description: "The learner's skills, at the highest level any evidence shows",
  })
  skills!: SkillLevelModel[];
  @Field(() => GoalModel, { nullable: true }) goal!: GoalModel | null;
}

@InputType()
export class LearnerProfileInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10) postcode?: string | null;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'travelRadiusKm must be a number' })
  @Min(0, { message: 'travelRadiusKm cannot be negative' })
  @Max(200, { message: 'travelRadiusKm must be at most 200' })
  travelRadiusKm?: number | null;
  @Field(() => [DeliveryModeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(DeliveryModeEnum, { each: true })
  modes?: DeliveryMode[];
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'hoursPerWeek cannot be negative' })
  @Max(80, { message: 'hoursPerWeek must be at most 80' })
  hoursPerWeek?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'budgetPence must be a whole number of pence' })
  @Min(0, { message: 'budgetPence cannot be negative' })
  budgetPence?: number | null;
  @Field(() => AgeBandEnum, { nullable: true }) @IsOptional() @IsEnum(AgeBandEnum) ageBand?: AgeBand | null;
  @Field(() => EmploymentStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(EmploymentStatusEnum)
  employmentStatus?: EmploymentStatus | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() receivingBenefits?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Highest qualification held, RQF/Entry level 0..8' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8)
  highestQualificationLevel?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: has maths at level 2; false: does not; null: clears the answer',
  })
  @IsOptional()
  @IsBoolean({ message: 'hasMathsLevel2 must be true, false or null' })
  hasMathsLevel2?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: has English at level 2; false: does not; null: clears the answer',
  })
  @IsOptional()
  @IsBoolean({ message: 'hasEnglishLevel2 must be true, false or null' })
  hasEnglishLevel2?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'true, false, or null to clear the answer' })
  @IsOptional()
  @IsBoolean({ message: 'hasEssentialDigitalSkills must be true, false or null' })
  hasEssentialDigitalSkills?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'true, false, or null to clear the answer' })
  @IsOptional()
  @IsBoolean({ message: 'earnsUnderLowWageThreshold must be true, false or null' })
  earnsUnderLowWageThreshold?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() noLaptop?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() mobileOnly?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() stepFreeOnly?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() shareWithEmployers?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() shareWithPartnerships?: boolean;
}

@InputType()
export class SkillLevelInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'skillId must be a skill id from the skills query' })
  skillId!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'level must be from 1 (beginner) to 5 (expert)' })
  @Max(5, { message: 'level must be from 1 (beginner) to 5 (expert)' })
  level!: number;
}

export class SkillLevelList {
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelInput)
  skills!: SkillLevelInput[];
}

@InputType()
export class GoalInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'occupationId must be an id from the occupations query' })
  occupationId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'opportunityId must be an id from the opportunities query' })
  opportunityId?: string;
}
