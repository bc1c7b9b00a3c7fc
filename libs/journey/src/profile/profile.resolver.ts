import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsEnum, IsString } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { badInput } from '@skillpath/common';
import { OccupationModel, opportunityFromRow, skillFromRow, SkillLevelModel } from '@skillpath/catalogue';
import { LearnerProfileEntity } from '@skillpath/persistence';
import { ReplanQueue } from '../roadmaps/replan.queue';
import { GoalInput, LearnerProfileInput, LearnerProfileModel, SkillLevelInput } from './profile.models';
import { ProfileService } from './profile.service';
import {
  EDS_AREA_LABELS,
  EdsArea,
  scoreSelfCheck,
  SELF_CHECK_QUESTIONS,
  SelfCheckAnswerValue,
} from './self-check';
import { registerEnumType } from '@nestjs/graphql';

export enum SelfCheckAnswerEnum {
  NO = 'NO',
  WITH_HELP = 'WITH_HELP',
  YES = 'YES',
}
registerEnumType(SelfCheckAnswerEnum, { name: 'SelfCheckAnswerValue' });

@ObjectType('SelfCheckQuestion')
class SelfCheckQuestionModel {
  @Field(() => ID) id!: string;
  @Field() area!: string;
  @Field() text!: string;
}

@InputType()
export class SelfCheckAnswer {
  @Field(() => ID) @IsString() questionId!: string;
  @Field(() => SelfCheckAnswerEnum) @IsEnum(SelfCheckAnswerEnum) answer!: SelfCheckAnswerValue;
}

@Resolver(() => LearnerProfileModel)
export class ProfileResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly replans: ReplanQueue,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Roles('LEARNER')
  @Query(() => LearnerProfileModel, { nullable: true })
  async learnerProfile(@CurrentUser() user: AuthUser): Promise<LearnerProfileModel> {
    return this.toModel(await this.profiles.get(user.id));
  }

  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel)
  async updateLearnerProfile(
    @CurrentUser() user: AuthUser,
    @Args('input') input: LearnerProfileInput,
  ): Promise<LearnerProfileModel> {
    const { profile, planningChanged } = await this.profiles.update(user.id, input);
    if (planningChanged) await this.replanIfPlanned(user.id, 'PROFILE_CHANGED', '');
    return this.toModel(profile);
  }

  /** Replaces the learner's self-assessed skills. */
  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel)
  async setSkills(
    @CurrentUser() user: AuthUser,
    @Args('skills', { type: () => [SkillLevelInput] }) skills: SkillLevelInput[],
  ): Promise<LearnerProfileModel> {
    if (skills.length > 300) throw badInput('At most 300 skills at a time.');
    await this.profiles.setSelfAssessedSkills(user.id, skills);
    await this.replanIfPlanned(user.id, 'SKILLS_CHANGED', '');
    return this.toModel(await this.profiles.get(user.id));
  }

  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel)
  async setGoal(
    @CurrentUser() user: AuthUser,
    @Args('input') input: GoalInput,
  ): Promise<LearnerProfileModel> {
    const profile = await this.profiles.setGoal(user.id, input);
    const [row]: Array<{ title: string }> = input.occupationId
      ? await this.ds.query('SELECT title FROM occupations WHERE id = $1', [input.occupationId])
      : await this.ds.query('SELECT title FROM opportunities WHERE id = $1', [input.opportunityId]);
    await this.replanIfPlanned(user.id, 'GOAL_CHANGED', row?.title ?? '');
    return this.toModel(profile);
  }

  /** The Essential Digital Skills self-check, for people starting with little digital confidence. */
  @Roles('LEARNER')
  @Query(() => [SelfCheckQuestionModel])
  selfCheckQuestions(): SelfCheckQuestionModel[] {
    return [...SELF_CHECK_QUESTIONS];
  }

  @Roles('LEARNER')
  @Mutation(() => LearnerProfileModel, {
    description: 'Sets the Essential Digital Skills levels from the self-check answers',
  })
  async submitSelfCheck(
    @CurrentUser() user: AuthUser,
    @Args('answers', { type: () => [SelfCheckAnswer] }) answers: SelfCheckAnswer[],
  ): Promise<LearnerProfileModel> {
    const known = new Set(SELF_CHECK_QUESTIONS.map((q) => q.id));
    const unknown = answers.filter((a) => !known.has(a.questionId)).map((a) => a.questionId);
    if (unknown.length)
      throw badInput(`Unknown question: ${unknown.join(', ')}. Use the ids from selfCheckQuestions.`);
    const levels = scoreSelfCheck(new Map(answers.map((a) => [a.questionId, a.answer])));
    const eds: Array<{ id: string; label: string }> = await this.ds.query(
      'SELECT id, label FROM skills WHERE essential_digital ORDER BY label',
    );
    const skills: SkillLevelInput[] = [];
    for (const [area, level] of levels) {
      const skill = eds.find((s) => EDS_AREA_LABELS[area as EdsArea].test(s.label));
      if (skill) skills.push({ skillId: skill.id, level });
    }
    await this.profiles.setSelfAssessedSkills(user.id, skills, 'SELF_CHECK');
    await this.ds
      .getRepository(LearnerProfileEntity)
      .update({ userId: user.id }, { selfCheckCompletedAt: new Date() });
    await this.replanIfPlanned(user.id, 'SKILLS_CHANGED', '');
    return this.toModel(await this.profiles.get(user.id));
  }

  private async replanIfPlanned(
    userId: string,
    trigger: 'PROFILE_CHANGED' | 'SKILLS_CHANGED' | 'GOAL_CHANGED',
    detail: string,
  ) {
    const [has]: Array<{ n: number }> = await this.ds.query(
      'SELECT 1 AS n FROM roadmaps WHERE user_id = $1 LIMIT 1',
      [userId],
    );
    if (has) await this.replans.request(userId, trigger, detail);
  }

  async toModel(p: LearnerProfileEntity): Promise<LearnerProfileModel> {
    const held = await this.profiles.heldSkills(p.userId);
    const skillRows: Array<Record<string, unknown>> = held.length
      ? await this.ds.query('SELECT * FROM skills WHERE id = ANY($1::uuid[]) ORDER BY label', [
          held.map((h) => h.skillId),
        ])
      : [];
    const levelOf = new Map(held.map((h) => [h.skillId, h.level]));
    const skills: SkillLevelModel[] = skillRows.map((r) => ({
      skill: skillFromRow(r),
      level: levelOf.get(r.id as string)!,
    }));
    let goal: LearnerProfileModel['goal'] = null;
    if (p.goalOccupationId) {
      const [o]: Array<Record<string, unknown>> = await this.ds.query(
        'SELECT id, uri, title, description FROM occupations WHERE id = $1',
        [p.goalOccupationId],
      );
      if (o) goal = { occupation: o as unknown as OccupationModel, opportunity: null };
    } else if (p.goalOpportunityId) {
      const [o]: Array<Record<string, unknown>> = await this.ds.query(
        'SELECT * FROM opportunities WHERE id = $1',
        [p.goalOpportunityId],
      );
      if (o) goal = { occupation: null, opportunity: opportunityFromRow(o) };
    }
    return {
      postcode: p.postcode,
      borough: p.borough,
      travelRadiusKm: p.travelRadiusKm,
      modes: p.modes,
      hoursPerWeek: p.hoursPerWeek,
      budgetPence: p.budgetPence,
      ageBand: p.ageBand,
      employmentStatus: p.employmentStatus,
      receivingBenefits: p.receivingBenefits,
      highestQualificationLevel: p.highestQualificationLevel,
      noLaptop: p.noLaptop,
      mobileOnly: p.mobileOnly,
      stepFreeOnly: p.stepFreeOnly,
      shareWithEmployers: p.shareWithEmployers,
      shareWithPartnerships: p.shareWithPartnerships,
      selfCheckCompleted: !!p.selfCheckCompletedAt,
      skills,
      goal,
    };
  }
}
