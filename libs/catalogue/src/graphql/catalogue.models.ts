import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  DELIVERY_MODES,
  enumOf,
  OPPORTUNITY_KINDS,
  type DeliveryMode,
  type OpportunityKind,
} from '@skillpath/vocabulary';

// The GraphQL enums are the shared vocabulary's lists (libs/vocabulary), not copies of them.
export const OpportunityKindEnum = enumOf(OPPORTUNITY_KINDS);
export type OpportunityKindEnum = OpportunityKind;
registerEnumType(OpportunityKindEnum, { name: 'OpportunityKind' });

export const DeliveryModeEnum = enumOf(DELIVERY_MODES);
export type DeliveryModeEnum = DeliveryMode;
registerEnumType(DeliveryModeEnum, { name: 'DeliveryMode' });

@ObjectType('Skill')
export class SkillModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) uri!: string | null;
  @Field() label!: string;
  @Field(() => [String]) altLabels!: string[];
  @Field() digital!: boolean;
  @Field({ description: 'One of the UK Essential Digital Skills areas' }) essentialDigital!: boolean;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType('SkillLevel')
export class SkillLevelModel {
  @Field(() => SkillModel) skill!: SkillModel;
  @Field(() => Int, { description: 'Proficiency 1..5' }) level!: number;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "A listing's requirement it did not name itself: the essential skill of its occupation (null outside listings)",
  })
  inferred?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why it is listed, in plain English, when it was inferred ("Usually asked for in this role …")',
  })
  why?: string | null;
}

@ObjectType('Occupation')
export class OccupationModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) uri!: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('Accreditation')
export class AccreditationModel {
  @Field(() => ID) id!: string;
  @Field() employerName!: string;
  @Field() status!: string;
  @Field(() => [SkillModel]) skills!: SkillModel[];
  @Field(() => GraphQLISODateTime, { nullable: true }) validFrom!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) validTo!: Date | null;
  @Field() guaranteedInterview!: boolean;
}

@ObjectType('FundingRules', {
  description:
    'Who a course is free or cheaper for: a learner who meets every rule given pays fundedCostPence',
})
export class FundingRulesModel {
  @Field(() => Int, { description: 'What an eligible learner pays' }) fundedCostPence!: number;
  @Field(() => Int, { nullable: true }) minAge!: number | null;
  @Field(() => Int, { nullable: true }) maxAge!: number | null;
  @Field(() => [String], { nullable: true, description: 'EMPLOYED, UNEMPLOYED, SELF_EMPLOYED, INACTIVE' })
  employmentStatuses!: string[] | null;
  @Field(() => Boolean, { nullable: true }) requiresBenefits!: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Highest RQF level an eligible learner may already hold' })
  maxPriorQualificationLevel!: number | null;
}

@ObjectType('Opportunity')
export class OpportunityModel {
  @Field(() => ID) id!: string;
  @Field(() => OpportunityKindEnum) kind!: OpportunityKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() organisationName!: string;
  @Field(() => DeliveryModeEnum) mode!: DeliveryMode;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => Float, { nullable: true }) hoursPerWeek!: number | null;
  @Field(() => Float, { nullable: true }) durationWeeks!: number | null;
  @Field(() => Float, { nullable: true, description: 'Total learning or working hours' }) totalHours!:
    number | null;
  @Field(() => Int) costPence!: number;
  @Field(() => Int, { nullable: true, description: 'RQF level' }) level!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) startDate!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closingDate!: Date | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => Int, { nullable: true }) wagePencePerYear!: number | null;
  @Field({ description: 'Free for at least some learners (see funding rules)' }) fundedAvailable!: boolean;
  @Field(() => FundingRulesModel, { nullable: true, description: 'Who it is free or cheaper for, if anyone' })
  funding!: FundingRulesModel | null;
  @Field(() => [String], {
    description:
      'National funding rules the provider declares it is approved for (e.g. FREE_COURSES_FOR_JOBS_LEVEL_3): eligible learners pay nothing',
  })
  entitlements!: string[];
  @Field(() => Boolean, { nullable: true, description: 'Step-free access to the venue; null when not known' })
  stepFree!: boolean | null;
  @Field() guaranteedInterview!: boolean;
  @Field(() => [String], { description: 'Skills the source named that match no taxonomy skill' })
  unmatchedSkills!: string[];
  @Field() status!: string;
  @Field(() => Float, { nullable: true, description: 'Distance from the point of a `near` filter, in km' })
  distanceKm?: number | null;
}

@ObjectType('OpportunityEdge')
export class OpportunityEdgeModel {
  @Field() cursor!: string;
  @Field(() => OpportunityModel) node!: OpportunityModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('OpportunityConnection')
export class OpportunityConnectionModel {
  @Field(() => [OpportunityEdgeModel]) edges!: OpportunityEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class NearInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10) postcode?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
  @Field(() => Float) @IsNumber() radiusKm!: number;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also return ONLINE opportunities (which have no location). Default false.',
  })
  @IsOptional()
  @IsBoolean()
  includeOnline?: boolean;
}

@InputType()
export class OpportunityFilter {
  @Field(() => [OpportunityKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(OpportunityKindEnum, { each: true })
  kinds?: OpportunityKind[];
  @Field(() => NearInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;
  @Field(() => [DeliveryModeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(DeliveryModeEnum, { each: true })
  modes?: DeliveryMode[];
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() fundedOnly?: boolean;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'skillIds must be skill ids from the skills query' })
  skillIds?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) text?: string;
}
