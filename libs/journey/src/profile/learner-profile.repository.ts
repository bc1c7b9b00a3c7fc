import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  LearnerProfileEntity,
  LearnerSkillEntity,
  OpportunityStatus,
  SkillSource,
  Sql,
} from '@skillpath/persistence';

export interface HeldSkill {
  skillId: string;
  level: number;
}

/** The columns of a profile a learner may change (everything but identity and bookkeeping). */
export type ProfilePatch = Partial<Omit<LearnerProfileEntity, 'userId' | 'updatedAt' | 'user'>>;

/** `learner_profiles` and `learner_skills`: what a learner tells us and what evidence shows they can do. */
@Injectable()
export class LearnerProfileRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** The learner's profile, created empty on first use. */
  async ensure(userId: string, m: EntityManager = this.ds.manager): Promise<LearnerProfileEntity> {
    const repo = m.getRepository(LearnerProfileEntity);
    const found = await repo.findOne({ where: { userId } });
    if (found) return found;
    await repo.createQueryBuilder().insert().values({ userId }).orIgnore().execute();
    return repo.findOneOrFail({ where: { userId } });
  }

  /** The profile row locked for the rest of the transaction: serialises re-plans of one learner. */
  async lock(userId: string, m: EntityManager): Promise<LearnerProfileEntity> {
    const lockRow = () =>
      m
        .getRepository(LearnerProfileEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.user_id = :userId', { userId })
        .getOne();
    // Almost every learner has a profile by now: lock it in one statement, and create it only if missing.
    const locked = await lockRow();
    if (locked) return locked;
    await this.ensure(userId, m);
    return (await lockRow())!;
  }

  async update(userId: string, patch: ProfilePatch, m: EntityManager = this.ds.manager): Promise<void> {
    if (Object.keys(patch).length) await m.getRepository(LearnerProfileEntity).update({ userId }, patch);
  }

  /** Whether the learner has a goal (and so something to plan towards). */
  async hasGoal(userId: string): Promise<boolean> {
    const rows = await this.sql.rows<object>(
      'SELECT 1 FROM learner_profiles WHERE user_id = $1 AND (goal_occupation_id IS NOT NULL OR goal_opportunity_id IS NOT NULL)',
      [userId],
    );
    return rows.length > 0;
  }

  /** The learner's level in each skill: the highest any source shows. */
  async heldSkills(userId: string, m: EntityManager = this.ds.manager): Promise<HeldSkill[]> {
    const rows = await new Sql(m).rows<{ skill_id: string; level: number }>(
      'SELECT skill_id, max(level)::int AS level FROM learner_skills WHERE user_id = $1 GROUP BY skill_id',
      [userId],
    );
    return rows.map((r) => ({ skillId: r.skill_id, level: r.level }));
  }

  /** Replaces every skill of one source (e.g. self-assessment) with these. */
  async replaceSkills(
    userId: string,
    source: SkillSource,
    skills: HeldSkill[],
    m: EntityManager,
  ): Promise<void> {
    await m.getRepository(LearnerSkillEntity).delete({ userId, source });
    if (skills.length) {
      await m
        .getRepository(LearnerSkillEntity)
        .insert(skills.map((s) => ({ userId, skillId: s.skillId, level: s.level, source })));
    }
  }

  /** Records evidence of skills from one source, keeping the highest level seen. */
  async addEvidence(
    m: EntityManager,
    userId: string,
    skills: HeldSkill[],
    source: SkillSource,
    evidenceId: string,
  ): Promise<void> {
    for (const s of skills) {
      await new Sql(m).exec(
        `INSERT INTO learner_skills (user_id, skill_id, source, level, evidence_id, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (user_id, skill_id, source) DO UPDATE SET level = GREATEST(learner_skills.level, EXCLUDED.level),
           evidence_id = EXCLUDED.evidence_id, updated_at = now()`,
        [userId, s.skillId, source, s.level, evidenceId],
      );
    }
  }

  /** Learners with a roadmap whose goal is one of these listings, with the listing's title and status now. */
  async learnersAimingAt(
    opportunityIds: readonly string[],
  ): Promise<Array<{ userId: string; opportunityId: string; title: string; status: OpportunityStatus }>> {
    if (!opportunityIds.length) return [];
    return this.sql.rows<{ userId: string; opportunityId: string; title: string; status: OpportunityStatus }>(
      `SELECT p.user_id AS "userId", o.id AS "opportunityId", o.title, o.status FROM learner_profiles p
         JOIN opportunities o ON o.id = p.goal_opportunity_id
        WHERE p.goal_opportunity_id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM roadmaps r WHERE r.user_id = p.user_id)`,
      [[...opportunityIds]],
    );
  }
}
