import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeliveryModeEnum, OpportunityKindEnum } from '@skillpath/catalogue';
import { DECLARABLE_ENTITLEMENT_IDS } from '@skillpath/matching';
import type { DeliveryMode, EmploymentStatus, OpportunityKind } from '@skillpath/persistence';

@InputType()
export class ListingSkillInput {
  @Field(() => ID) @IsString() skillId!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'level must be from 1 to 5' })
  @Max(5, { message: 'level must be from 1 to 5' })
  level!: number;
}

const EMPLOYMENT_STATUSES: readonly EmploymentStatus[] = [
  'EMPLOYED',
  'UNEMPLOYED',
  'SELF_EMPLOYED',
  'INACTIVE',
];

@InputType()
export class FundingRulesInput {
  @Field(() => Int, { description: 'What an eligible learner pays' })
  @IsInt()
  @Min(0)
  fundedCostPence!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(14) minAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Max(120) maxAge?: number;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EMPLOYMENT_STATUSES.length)
  // An unknown word would be stored and then match no learner: the funding would silently never apply.
  @IsIn(EMPLOYMENT_STATUSES, {
    each: true,
    message: `employmentStatuses must each be one of ${EMPLOYMENT_STATUSES.join(', ')}`,
  })
  employmentStatuses?: EmploymentStatus[];
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() requiresBenefits?: boolean;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8)
  maxPriorQualificationLevel?: number;
}

/** A course or bootcamp a provider publishes, or a vacancy or apprenticeship an employer posts. */
@InputType()
export class ListingInput {
  @Field(() => OpportunityKindEnum) @IsEnum(OpportunityKindEnum) kind!: OpportunityKind;
  @Field() @IsString() @Length(3, 200) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @Field(() => [ListingSkillInput], { defaultValue: [], description: 'What a course teaches' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ListingSkillInput)
  skillsTaught!: ListingSkillInput[];
  @Field(() => [ListingSkillInput], {
    defaultValue: [],
    description: "A course's entry requirements, or what a vacancy asks for",
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ListingSkillInput)
  skillsRequired!: ListingSkillInput[];
  @Field(() => DeliveryModeEnum) @IsEnum(DeliveryModeEnum) mode!: DeliveryMode;
  @Field(() => String, { nullable: true, description: 'Venue or workplace; needed unless ONLINE' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postcode?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(80) hoursPerWeek?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(520) durationWeeks?: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) costPence!: number;
  @Field(() => Int, { nullable: true, description: 'RQF level' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8)
  level?: number;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() startDate?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() closingDate?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl() url?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) wagePencePerYear?: number;
  @Field(() => FundingRulesInput, {
    nullable: true,
    description:
      'Who it is free or cheaper for. On updateListing, leaving it out keeps the saved rules and null removes them.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundingRulesInput)
  funding?: FundingRulesInput | null;
  @Field(() => [String], {
    nullable: true,
    description: `National funding rules the provider says this course is approved for, so eligible learners pay nothing: any of ${DECLARABLE_ENTITLEMENT_IDS.join(', ')}. On updateListing, leaving it out keeps the saved ones and null or [] removes them.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DECLARABLE_ENTITLEMENT_IDS.length)
  // An unknown code would be stored and then price nothing: the funding would silently never apply.
  @IsIn(DECLARABLE_ENTITLEMENT_IDS, {
    each: true,
    message: `entitlements must each be one of ${DECLARABLE_ENTITLEMENT_IDS.join(', ')}`,
  })
  entitlements?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Step-free access to the venue. On updateListing, leaving it out keeps the saved value and null makes it unknown.',
  })
  @IsOptional()
  @IsBoolean()
  stepFree?: boolean | null;
}
