import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { SkillModel } from '@skillpath/catalogue';

@ObjectType('AccreditationRecord', {
  description: "An accreditation as its employer and the course's provider see it",
})
export class AccreditationRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) opportunityId!: string;
  @Field() courseTitle!: string;
  @Field(() => ID) employerId!: string;
  @Field() employerName!: string;
  @Field({ description: 'REQUESTED | ACTIVE | DECLINED | REVOKED | EXPIRED' }) status!: string;
  @Field(() => [SkillModel]) skills!: SkillModel[];
  @Field(() => Date, { nullable: true }) validFrom!: Date | null;
  @Field(() => Date, { nullable: true }) validTo!: Date | null;
  @Field() guaranteedInterview!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field({ description: 'The training provider that asks (the course organisation)' }) providerName!: string;
  @Field({ description: 'Where the course runs, in words: "Online", or the place' }) courseWhere!: string;
  @Field(() => Date, { nullable: true, description: 'When the course next starts, if known' })
  courseStarts!: Date | null;
  @Field(() => Date, { description: 'When the provider asked' }) requestedAt!: Date;
}

@InputType()
export class RequestAccreditationInput {
  @Field(() => ID) @IsString() opportunityId!: string;
  @Field(() => ID) @IsString() employerId!: string;
  @Field(() => [ID], { description: 'Skills the course teaches that the employer is asked to vouch for' })
  @IsArray()
  @ArrayMinSize(1, { message: 'name at least one skill' })
  @ArrayMaxSize(50)
  skillIds!: string[];
}

@InputType()
export class ApproveAccreditationInput {
  @Field(() => Date, { nullable: true, description: 'Default: now' })
  @IsOptional()
  @IsDate()
  validFrom?: Date;
  @Field(() => Date) @IsDate() validTo!: Date;
  @Field({ defaultValue: false }) @IsBoolean() guaranteedInterview!: boolean;
}

@InputType()
export class AccreditationReasonInput {
  @Field()
  @IsString()
  @Length(3, 500, { message: 'reason must be between 3 and 500 characters' })
  reason!: string;
}
