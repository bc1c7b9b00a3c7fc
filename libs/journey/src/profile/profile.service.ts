import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, isUuid, notFound } from '@skillpath/common';
import { GEOCODER, PostcodeLookup } from '@skillpath/catalogue';
import { LearnerProfileEntity, LearnerSkillEntity, SkillSource } from '@skillpath/persistence';
import type { LearnerRecord } from '@skillpath/matching';
import { LearnerProfileInput, SkillLevelInput } from './profile.models';

export interface HeldSkill {
  skillId: string;
  level: number;
}

/** A learner's own profile, skills and goal; every method acts on the caller's own account. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(GEOCODER) private readonly geocoder: PostcodeLookup,
  ) {}

  async get(userId: string, m: EntityManager = this.ds.manager): Promise<LearnerProfileEntity> {
    const repo = m.getRepository(LearnerProfileEntity);
    const found = await repo.findOne({ where: { userId } });
    if (found) return found;
    await repo.createQueryBuilder().insert().values({ userId }).orIgnore().execute();
    return repo.findOneOrFail({ where: { userId } });
  }

  /** Applies the fields present in the input; returns whether anything that affects planning changed. */
  async update(
    userId: string,
    input: LearnerProfileInput,
  ): Promise<{ profile: LearnerProfileEntity; planningChanged: boolean }> {
    const current = await this.get(userId);
    const patch: Partial<LearnerProfileEntity> = {};
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
    const simple = [
      'travelRadiusKm',
      'modes',
      'hoursPerWeek',
      'budgetPence',
      'ageBand',
      'employmentStatus',
      'receivingBenefits',
      'highestQualificationLevel',
      'noLaptop',
      'mobileOnly',
      'stepFreeOnly',
      'shareWithEmployers',
      'shareWithPartnerships',
    ] as const;
    for (const key of simple) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    if (patch.modes) patch.modes = [...new Set(patch.modes)];
    const planningKeys = Object.keys(patch).filter((k) => !k.startsWith('share'));
    const planningChanged = planningKeys.some(
      (k) =>
        JSON.stringify((current as unknown as Record<string, unknown>)[k]) !==
        JSON.stringify((patch as Record<string, unknown>)[k]),
    );
    if (Object.keys(patch).length)
      await this.ds.getRepository(LearnerProfileEntity).update({ userId }, patch);
    return { profile: await this.get(userId), planningChanged };
  }

  /** Replaces the learner's self-assessed skills (evidence from courses and credentials stays). */
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
    await this.ds.transaction(async (m) => {
      if (ids.length) {
        const known: Array<{ id: string }> = await m.query(
          'SELECT id FROM skills WHERE id = ANY($1::uuid[])',
          [ids],
        );
        const missing = ids.filter((id) => !known.some((k) => k.id === id));
        if (missing.length)
          throw badInput(`Unknown skill id: ${missing.join(', ')}. Find skills with the skills query.`, {
            skillIds: missing,
          });
      }
      await this.get(userId, m);
      await m.getRepository(LearnerSkillEntity).delete({ userId, source });
      if (skills.length) {
        await m
          .getRepository(LearnerSkillEntity)
          .insert(skills.map((s) => ({ userId, skillId: s.skillId, level: s.level, source })));
      }
    });
  }

  /** Evidence that outlives self-assessment: completed courses and credentials. Keeps the highest level. */
  async addEvidence(
    m: EntityManager,
    userId: string,
    skills: HeldSkill[],
    source: SkillSource,
    evidenceId: string,
  ): Promise<void> {
    for (const s of skills) {
      await m.query(
        `INSERT INTO learner_skills (user_id, skill_id, source, level, evidence_id, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (user_id, skill_id, source) DO UPDATE SET level = GREATEST(learner_skills.level, EXCLUDED.level),
           evidence_id = EXCLUDED.evidence_id, updated_at = now()`,
        [userId, s.skillId, source, s.level, evidenceId],
      );
    }
  }

  /** The learner's level in each skill: the highest any source shows. */
  async heldSkills(userId: string, m: EntityManager = this.ds.manager): Promise<HeldSkill[]> {
    const rows: Array<{ skill_id: string; level: number }> = await m.query(
      'SELECT skill_id, max(level)::int AS level FROM learner_skills WHERE user_id = $1 GROUP BY skill_id',
      [userId],
    );
    return rows.map((r) => ({ skillId: r.skill_id, level: r.level }));
  }

  async setGoal(
    userId: string,
    goal: { occupationId?: string; opportunityId?: string },
  ): Promise<LearnerProfileEntity> {
    if (!!goal.occupationId === !!goal.opportunityId) {
      throw badInput('Choose one goal: either an occupationId or an opportunityId.');
    }
    if (goal.occupationId) {
      const [row]: Array<{ id: string }> = await this.ds.query('SELECT id FROM occupations WHERE id = $1', [
        goal.occupationId,
      ]);
      if (!row)
        throw notFound(
          'That occupation does not exist. Pick one from the occupations or reachableRoles query.',
        );
    } else {
      const [row]: Array<{ kind: string; status: string }> = await this.ds.query(
        'SELECT kind, status FROM opportunities WHERE id = $1',
        [goal.opportunityId],
      );
      if (!row) throw notFound('That opportunity does not exist.');
      if (row.kind !== 'VACANCY' && row.kind !== 'APPRENTICESHIP') {
        throw badInput('A goal must be a job: an occupation, a vacancy or an apprenticeship (not a course).');
      }
      if (row.status !== 'ACTIVE')
        throw badInput('That listing has closed. Pick an open vacancy or apprenticeship.');
    }
    await this.get(userId);
    await this.ds
      .getRepository(LearnerProfileEntity)
      .update(
        { userId },
        { goalOccupationId: goal.occupationId ?? null, goalOpportunityId: goal.opportunityId ?? null },
      );
    return this.get(userId);
  }

  /** The learner as the engine sees them. */
  async learnerRecord(userId: string, m: EntityManager = this.ds.manager): Promise<LearnerRecord> {
    const p = await this.get(userId, m);
    const skills = await this.heldSkills(userId, m);
    return {
      skills: skills.map((s) => ({ skill: s.skillId, level: s.level })),
      location:
        p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lon: p.longitude } : undefined,
      travelRadiusKm: p.travelRadiusKm ?? (p.latitude !== null ? 15 : undefined),
      modes: p.modes.length ? p.modes : undefined,
      hoursPerWeek: p.hoursPerWeek ?? undefined,
      budgetPence: p.budgetPence ?? undefined,
      eligibility: {
        ageBand: p.ageBand ?? undefined,
        employmentStatus: p.employmentStatus ?? undefined,
        receivingBenefits: p.receivingBenefits ?? undefined,
        highestQualificationLevel: p.highestQualificationLevel ?? undefined,
      },
      access: { noLaptop: p.noLaptop, mobileOnly: p.mobileOnly, stepFreeOnly: p.stepFreeOnly },
    };
  }
}
