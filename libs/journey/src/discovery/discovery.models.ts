import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { OccupationModel, OpportunityModel, SkillModel } from '@skillpath/catalogue';

@ObjectType('Match')
export class MatchModel {
  @Field(() => OpportunityModel) opportunity!: OpportunityModel;
  @Field(() => Float) score!: number;
  @Field(() => [SkillModel]) matchedSkills!: SkillModel[];
  @Field(() => [SkillModel]) missingSkills!: SkillModel[];
  @Field(() => Float, { nullable: true }) distanceKm!: number | null;
  @Field(() => Int, { description: 'What it would cost this learner after funding' }) costToYouPence!: number;
  @Field() explanation!: string;
}

@ObjectType('RoleMatch')
export class RoleMatchModel {
  @Field(() => OccupationModel) occupation!: OccupationModel;
  @Field(() => Float) score!: number;
  @Field(() => Float, { description: 'How much of the role the learner already covers, 0..1' }) fit!: number;
  @Field(() => Float, { description: 'Estimated hours of learning to close the gap' }) gapHours!: number;
  @Field(() => [SkillModel]) missingSkills!: SkillModel[];
  @Field(() => Int) localVacancies!: number;
  @Field() explanation!: string;
}
