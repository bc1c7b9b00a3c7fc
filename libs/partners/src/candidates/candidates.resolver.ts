import { Args, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { Loaders, RequestLoaders } from '@skillpath/common';
import { CatalogueLoaders, SkillLevelModel, SkillModel } from '@skillpath/catalogue';
import type { OutcomeKind } from '@skillpath/persistence';
import { OutcomeKindEnum } from '../cohorts/cohort.models';
import type { InterestRow } from './candidates.repository';
import { CandidatesService } from './candidates.service';

@ObjectType('Candidate', {
  description: 'A consenting learner who fits a vacancy: no name, no contact details',
})
export class CandidateModel {
  @Field(() => ID, {
    description:
      'A pseudonym for your organisation only (another employer sees another); use it to express interest',
  })
  candidateId!: string;
  @Field(() => Float) fit!: number;
  @Field(() => String, { nullable: true }) borough!: string | null;
  @Field(() => [SkillLevelModel]) skills!: SkillLevelModel[];
  @Field(() => [SkillModel]) missingSkills!: SkillModel[];
  @Field(() => Int, {
    description:
      "Learning steps done in the latest roadmap: the same figure as the resident's Roadmap.progress.done",
  })
  stepsCompleted!: number;
  @Field(() => Int, {
    description: 'Learning steps in the latest roadmap (dropped ones do not count): Roadmap.progress.total',
  })
  stepsTotal!: number;
  @Field(() => String, { nullable: true }) interestStatus!: string | null;
}

@ObjectType('ExpressionOfInterest')
export class ExpressionOfInterestModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) vacancyId!: string;
  @Field(() => String, { nullable: true }) vacancyTitle?: string | null;
  @Field(() => String, { nullable: true }) employerName?: string | null;
  @Field() message!: string;
  @Field({ description: 'PENDING | ACCEPTED | DECLINED' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Only once the learner accepts' }) contactName?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Only once the learner accepts' }) contactEmail?:
    string | null;
  @Field(() => [OutcomeKindEnum], { description: 'What the employer has recorded: INTERVIEWED, IN_WORK' })
  recordedOutcomes!: OutcomeKind[];
}

const interest = (r: InterestRow): ExpressionOfInterestModel => ({
  id: r.id,
  vacancyId: r.vacancyId,
  vacancyTitle: r.vacancyTitle ?? null,
  employerName: r.employerName ?? null,
  message: r.message,
  status: r.status,
  contactName: r.contactName ?? null,
  contactEmail: r.contactEmail ?? null,
  recordedOutcomes: r.recordedOutcomes ?? [],
});

@Resolver()
export class CandidatesResolver {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly catalogue: CatalogueLoaders,
  ) {}

  @Roles('EMPLOYER', 'ADMIN')
  @Query(() => [CandidateModel])
  async vacancyCandidates(
    @CurrentUser() user: AuthUser,
    @Args('vacancyId', { type: () => ID }) vacancyId: string,
    @Args('minFit', { type: () => Float, defaultValue: 0.5 }) minFit: number,
    @Loaders() l: RequestLoaders,
  ): Promise<CandidateModel[]> {
    const list = await this.candidates.forVacancy(user, vacancyId, minFit);
    const skills = await this.catalogue.skillsById(
      l,
      list.flatMap((c) => [...c.skills.map((s) => s.skillId), ...c.missingSkillIds]),
    );
    return list.map((c) => ({
      ...c,
      skills: c.skills
        .filter((s) => skills.has(s.skillId))
        .map((s) => ({ skill: skills.get(s.skillId)!, level: s.level })),
      missingSkills: c.missingSkillIds.map((id) => skills.get(id)).filter((s): s is SkillModel => !!s),
    }));
  }

  @Roles('EMPLOYER', 'ADMIN')
  @Mutation(() => ExpressionOfInterestModel)
  async expressInterest(
    @CurrentUser() user: AuthUser,
    @Args('vacancyId', { type: () => ID }) vacancyId: string,
    @Args('candidateId', { type: () => ID }) candidateId: string,
    @Args('message') message: string,
  ): Promise<ExpressionOfInterestModel> {
    const e = await this.candidates.expressInterest(user, vacancyId, candidateId, message);
    return { id: e.id, vacancyId: e.vacancyId, message: e.message, status: e.status, recordedOutcomes: [] };
  }

  @Roles('EMPLOYER', 'ADMIN')
  @Query(() => [ExpressionOfInterestModel])
  async vacancyInterests(
    @CurrentUser() user: AuthUser,
    @Args('vacancyId', { type: () => ID }) vacancyId: string,
  ): Promise<ExpressionOfInterestModel[]> {
    return (await this.candidates.sent(user, vacancyId)).map(interest);
  }

  @Roles('LEARNER')
  @Query(() => [ExpressionOfInterestModel])
  async myExpressionsOfInterest(@CurrentUser() user: AuthUser): Promise<ExpressionOfInterestModel[]> {
    return (await this.candidates.mine(user.id)).map(interest);
  }

  @Roles('EMPLOYER', 'ADMIN')
  @Mutation(() => ExpressionOfInterestModel, {
    description: 'Record that you interviewed (or took on) a candidate who accepted your interest',
  })
  async recordCandidateOutcome(
    @CurrentUser() user: AuthUser,
    @Args('interestId', { type: () => ID }) interestId: string,
    @Args('kind', { type: () => OutcomeKindEnum }) kind: OutcomeKind,
  ): Promise<ExpressionOfInterestModel> {
    return interest(await this.candidates.recordOutcome(user, interestId, kind));
  }

  @Roles('LEARNER')
  @Mutation(() => ExpressionOfInterestModel)
  async respondToInterest(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<ExpressionOfInterestModel> {
    const e = await this.candidates.respond(user, id, accept);
    return { id: e.id, vacancyId: e.vacancyId, message: e.message, status: e.status, recordedOutcomes: [] };
  }
}
