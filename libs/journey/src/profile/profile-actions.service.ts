import { Injectable } from '@nestjs/common';
import { badInput } from '@skillpath/common';
import { SkillLevelModel } from '@skillpath/catalogue';
import type { LearnerProfileEntity } from '@skillpath/persistence';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { ReplanQueue } from '../roadmaps/replan.queue';
import { RoadmapRepository } from '../roadmaps/roadmap.repository';
import { GoalInput, LearnerProfileInput, LearnerProfileModel, SkillLevelInput } from './profile.models';
import { ProfileService } from './profile.service';
import {
  EDS_AREA_LABELS,
  EdsArea,
  scoreSelfCheck,
  SELF_CHECK_QUESTIONS,
  SelfCheckAnswerValue,
} from './self-check';

/**
 * What a learner does to their own profile, as the API offers it: each change that can alter their plan
 * asks the worker to re-plan (once they have a roadmap), and each answer is the profile as they see it.
 */
@Injectable()
export class ProfileActionsService {
  constructor(
    private readonly profiles: ProfileService,
    private readonly catalogue: JourneyCatalogueRepository,
    private readonly roadmaps: RoadmapRepository,
    private readonly replans: ReplanQueue,
  ) {}

  async view(userId: string): Promise<LearnerProfileModel> {
    return this.toModel(await this.profiles.get(userId));
  }

  async update(userId: string, input: LearnerProfileInput): Promise<LearnerProfileModel> {
    const { profile, planningChanged } = await this.profiles.update(userId, input);
    if (planningChanged) await this.replanIfPlanned(userId, 'PROFILE_CHANGED', '');
    return this.toModel(profile);
  }

  async setSkills(userId: string, skills: SkillLevelInput[]): Promise<LearnerProfileModel> {
    if (skills.length > 300) throw badInput('At most 300 skills at a time.');
    await this.profiles.setSelfAssessedSkills(userId, skills);
    await this.replanIfPlanned(userId, 'SKILLS_CHANGED', '');
    return this.view(userId);
  }

  async setGoal(userId: string, input: GoalInput): Promise<LearnerProfileModel> {
    const { profile, title } = await this.profiles.setGoal(userId, input);
    await this.replanIfPlanned(userId, 'GOAL_CHANGED', title);
    return this.toModel(profile);
  }

  /** Scores the Essential Digital Skills self-check and sets those skills from it. */
  async submitSelfCheck(
    userId: string,
    answers: Array<{ questionId: string; answer: SelfCheckAnswerValue }>,
  ): Promise<LearnerProfileModel> {
    const known = new Set(SELF_CHECK_QUESTIONS.map((q) => q.id));
    const unknown = answers.filter((a) => !known.has(a.questionId)).map((a) => a.questionId);
    if (unknown.length)
      throw badInput(`Unknown question: ${unknown.join(', ')}. Use the ids from selfCheckQuestions.`);
    const levels = scoreSelfCheck(new Map(answers.map((a) => [a.questionId, a.answer])));
    const eds = await this.catalogue.essentialDigitalSkills();
    const skills: SkillLevelInput[] = [];
    for (const [area, level] of levels) {
      const skill = eds.find((s) => EDS_AREA_LABELS[area as EdsArea].test(s.label));
      if (skill) skills.push({ skillId: skill.id, level });
    }
    await this.profiles.setSelfAssessedSkills(userId, skills, 'SELF_CHECK');
    await this.profiles.markSelfCheckCompleted(userId);
    await this.replanIfPlanned(userId, 'SKILLS_CHANGED', '');
    return this.view(userId);
  }

  private async replanIfPlanned(
    userId: string,
    trigger: 'PROFILE_CHANGED' | 'SKILLS_CHANGED' | 'GOAL_CHANGED',
    detail: string,
  ): Promise<void> {
    if (await this.roadmaps.exists(userId)) await this.replans.request(userId, trigger, detail);
  }

  private async toModel(p: LearnerProfileEntity): Promise<LearnerProfileModel> {
    const held = await this.profiles.heldSkills(p.userId);
    const levelOf = new Map(held.map((h) => [h.skillId, h.level]));
    const skills: SkillLevelModel[] = (await this.catalogue.skillList(held.map((h) => h.skillId))).map(
      (skill) => ({ skill, level: levelOf.get(skill.id)! }),
    );
    let goal: LearnerProfileModel['goal'] = null;
    if (p.goalOccupationId) {
      const occupation = (await this.catalogue.occupations([p.goalOccupationId])).get(p.goalOccupationId);
      if (occupation) goal = { occupation, opportunity: null };
    } else if (p.goalOpportunityId) {
      const opportunity = (await this.catalogue.opportunities([p.goalOpportunityId])).get(
        p.goalOpportunityId,
      );
      if (opportunity) goal = { occupation: null, opportunity };
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
      hasMathsLevel2: p.hasMathsLevel2,
      hasEnglishLevel2: p.hasEnglishLevel2,
      hasEssentialDigitalSkills: p.hasEssentialDigitalSkills,
      earnsUnderLowWageThreshold: p.earnsUnderLowWageThreshold,
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
