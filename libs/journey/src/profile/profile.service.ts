import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput, isUuid, notFound } from '@skillpath/common';
import { GEOCODER, PostcodeLookup } from '@skillpath/catalogue';
import { LearnerProfileEntity, SkillSource } from '@skillpath/persistence';
import type { LearnerRecord } from '@skillpath/matching';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { HeldSkill, LearnerProfileRepository, ProfilePatch } from './learner-profile.repository';
import { LearnerProfileInput, SkillLevelInput } from './profile.models';
import { JourneyTransactions } from '../data/journey-transactions';

export type { HeldSkill } from './learner-profile.repository';

/** Fields a learner sets as they are (validated by the input type). */
const SIMPLE_FIELDS = [
  'travelRadiusKm',
  'modes',
  'hoursPerWeek',
  'budgetPence',
  'ageBand',
  'employmentStatus',
  'receivingBenefits',
  'highestQualificationLevel',
  'hasMathsLevel2',
  'hasEnglishLevel2',
  'hasEssentialDigitalSkills',
  'earnsUnderLowWageThreshold',
  'noLaptop',
  'mobileOnly',
  'stepFreeOnly',
  'shareWithEmployers',
  'shareWithPartnerships',
] as const;

/** Sharing choices change who may see the learner, not what their plan can be. */
const NOT_FOR_PLANNING = new Set<string>(['shareWithEmployers', 'shareWithPartnerships']);

/** The fields of a patch that change planning: different from the current value and not a sharing choice. */
export function planningFieldsChanged(current: ProfilePatch, patch: ProfilePatch): string[] {
  return Object.keys(patch).filter(
    (k) =>
      !NOT_FOR_PLANNING.has(k) &&
      JSON.stringify(current[k as keyof ProfilePatch] ?? null) !==
        JSON.stringify(patch[k as keyof ProfilePatch] ?? null),
  );
}

/** The learner as the engine sees them, from their stored profile and skills. */
export function toLearnerRecord(p: LearnerProfileEntity, skills: HeldSkill[]): LearnerRecord {
  return {
    skills: skills.map((s) => ({ skill: s.skillId, level: s.level })),
    location: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lon: p.longitude } : undefined,
    travelRadiusKm: p.travelRadiusKm ?? (p.latitude !== null ? 15 : undefined),
    modes: p.modes.length ? p.modes : undefined,
    hoursPerWeek: p.hoursPerWeek ?? undefined,
    budgetPence: p.budgetPence ?? undefined,
    eligibility: {
      ageBand: p.ageBand ?? undefined,
      employmentStatus: p.employmentStatus ?? undefined,
      receivingBenefits: p.receivingBenefits ?? undefined,
      highestQualificationLevel: p.highestQualificationLevel ?? undefined,
      hasMathsLevel2: p.hasMathsLevel2 ?? undefined,
      hasEnglishLevel2: p.hasEnglishLevel2 ?? undefined,
      hasEssentialDigitalSkills: p.hasEssentialDigitalSkills ?? undefined,
      earnsUnderLowWageThreshold: p.earnsUnderLowWageThreshold ?? undefined,
    },
    access: { noLaptop: p.noLaptop, mobileOnly: p.mobileOnly, stepFreeOnly: p.stepFreeOnly },
  };
}

/** A learner's own profile, skills and goal; every method acts on the caller's own account. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly tx: JourneyTransactions,
    @Inject(GEOCODER) private readonly geocoder: PostcodeLookup,
    private readonly profiles: LearnerProfileRepository,
    private readonly catalogue: JourneyCatalogueRepository,
  ) {}

  get(userId: string, m?: EntityManager): Promise<LearnerProfileEntity> {
    return this.profiles.ensure(userId, m);
  }

  /** Applies the fields present in the input; returns whether anything that affects planning changed. */
  async update(
    userId: string,
    input: LearnerProfileInput,
  ): Promise<{ profile: LearnerProfileEntity; planningChanged: boolean }> {
    const current = await this.get(userId);
    const patch: ProfilePatch = {};
    if (input.postcode !== undefined) {
      if (input.postcode === null || input.postcode.trim() === '') {
        Object.assign(patch, { postcode: null, latitude: null, longitude: null, borough: null });
      } else {
        const place = await this.geocoder.lookup(input.postcode);
        Object.assign(patch, {
          postcode: place.postcode,
          latitude: place.latitude,
          longitude: place.longitude,
          borough: place.borough ?? null,
        });
      }
    }
    for (const key of SIMPLE_FIELDS) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    if (patch.modes) patch.modes = [...new Set(patch.modes)];
    const planningChanged = planningFieldsChanged(current, patch).length > 0;
    await this.profiles.update(userId, patch);
    return { profile: await this.get(userId), planningChanged };
  }

  /** Replaces the learner's skills from one source (evidence from courses and credentials stays). */
  async setSelfAssessedSkills(
    userId: string,
    skills: SkillLevelInput[],
    source: SkillSource = 'SELF_ASSESSED',
  ): Promise<void> {
    const ids = [...new Set(skills.map((s) => s.skillId))];
    const malformed = ids.filter((id) => !isUuid(id));
    if (malformed.length)
      throw badInput(`Unknown skill id: ${malformed.join(', ')}. Find skills with the skills query.`, {
        skillIds: malformed,
      });
    if (ids.length !== skills.length) throw badInput('Each skill may appear only once.');
    for (const s of skills) {
      if (!Number.isInteger(s.level) || s.level < 1 || s.level > 5)
        throw badInput('level must be from 1 (beginner) to 5 (expert)');
    }
    await this.tx.run(async (m) => {
      const missing = await this.catalogue.unknownSkillIds(ids, m);
      if (missing.length)
        throw badInput(`Unknown skill id: ${missing.join(', ')}. Find skills with the skills query.`, {
          skillIds: missing,
        });
      await this.get(userId, m);
      await this.profiles.replaceSkills(userId, source, skills, m);
    });
  }

  /** Evidence that outlives self-assessment: completed courses and credentials. Keeps the highest level. */
  addEvidence(
    m: EntityManager,
    userId: string,
    skills: HeldSkill[],
    source: SkillSource,
    evidenceId: string,
  ): Promise<void> {
    return this.profiles.addEvidence(m, userId, skills, source, evidenceId);
  }

  /** The learner's level in each skill: the highest any source shows. */
  heldSkills(userId: string, m?: EntityManager): Promise<HeldSkill[]> {
    return this.profiles.heldSkills(userId, m);
  }

  /** Sets the goal (an occupation, or an open vacancy or apprenticeship); returns the goal's title. */
  async setGoal(
    userId: string,
    goal: { occupationId?: string; opportunityId?: string },
  ): Promise<{ profile: LearnerProfileEntity; title: string }> {
    if (!!goal.occupationId === !!goal.opportunityId) {
      throw badInput('Choose one goal: either an occupationId or an opportunityId.');
    }
    let title: string;
    if (goal.occupationId) {
      const occupation = (await this.catalogue.occupations([goal.occupationId])).get(goal.occupationId);
      if (!occupation)
        throw notFound(
          'That occupation does not exist. Pick one from the occupations or reachableRoles query.',
        );
      title = occupation.title;
    } else {
      const listing = await this.catalogue.listing(goal.opportunityId!);
      if (!listing) throw notFound('That opportunity does not exist.');
      if (listing.kind !== 'VACANCY' && listing.kind !== 'APPRENTICESHIP') {
        throw badInput('A goal must be a job: an occupation, a vacancy or an apprenticeship (not a course).');
      }
      if (listing.status !== 'ACTIVE')
        throw badInput('That listing has closed. Pick an open vacancy or apprenticeship.');
      title = listing.title;
    }
    await this.get(userId);
    await this.profiles.update(userId, {
      goalOccupationId: goal.occupationId ?? null,
      goalOpportunityId: goal.opportunityId ?? null,
    });
    return { profile: await this.get(userId), title };
  }

  async markSelfCheckCompleted(userId: string): Promise<void> {
    await this.profiles.update(userId, { selfCheckCompletedAt: new Date() });
  }

  /** The learner as the engine sees them. */
  async learnerRecord(userId: string, m?: EntityManager): Promise<LearnerRecord> {
    return (await this.profileAndLearner(userId, m)).learner;
  }

  /** The stored profile and the learner as the engine sees them, from one read of the profile. */
  async profileAndLearner(
    userId: string,
    m?: EntityManager,
  ): Promise<{ profile: LearnerProfileEntity; learner: LearnerRecord }> {
    const profile = await this.get(userId, m);
    return { profile, learner: await this.learnerFrom(profile, m) };
  }

  /** The learner as the engine sees them, from a profile already read (e.g. locked for a re-plan). */
  async learnerFrom(profile: LearnerProfileEntity, m?: EntityManager): Promise<LearnerRecord> {
    return toLearnerRecord(profile, await this.heldSkills(profile.userId, m));
  }
}
