import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  type OpportunityStatus,
  RoadmapEntity,
  RoadmapStepEntity,
  Sql,
  StepStatus,
} from '@skillpath/persistence';

/** A new version as the planner made it, before the database gives it an id and a time. */
export type NewRoadmap = Omit<RoadmapEntity, 'id' | 'createdAt' | 'user'>;
/** A step to store in a version. */
export type NewRoadmapStep = Omit<RoadmapStepEntity, 'id' | 'roadmap' | 'opportunity' | 'statusChangedAt'> & {
  statusChangedAt?: Date | null;
};

/** A live step on a listing, with the listing's title and status now. */
export interface StepOnListing {
  userId: string;
  opportunityId: string;
  title: string;
  status: OpportunityStatus;
}

/** `roadmaps` and `roadmap_steps`: every version of every learner's plan. */
@Injectable()
export class RoadmapRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** The learner's live (newest) version. */
  latest(userId: string, m: EntityManager = this.ds.manager): Promise<RoadmapEntity | null> {
    return m.getRepository(RoadmapEntity).findOne({ where: { userId }, order: { version: 'DESC' } });
  }

  /** Every version, newest first. */
  history(userId: string): Promise<RoadmapEntity[]> {
    return this.ds.getRepository(RoadmapEntity).find({ where: { userId }, order: { version: 'DESC' } });
  }

  async exists(userId: string): Promise<boolean> {
    return this.ds.getRepository(RoadmapEntity).exists({ where: { userId } });
  }

  /** The steps of some versions, in order. */
  steps(roadmapIds: readonly string[], m: EntityManager = this.ds.manager): Promise<RoadmapStepEntity[]> {
    if (!roadmapIds.length) return Promise.resolve([]);
    return m
      .getRepository(RoadmapStepEntity)
      .createQueryBuilder('s')
      .where('s.roadmap_id IN (:...ids)', { ids: [...roadmapIds] })
      .orderBy('s.position', 'ASC')
      .getMany();
  }

  /** Listings the learner stopped in any version: not offered to them again. */
  async droppedOpportunityIds(userId: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows = await new Sql(m).rows<{ opportunity_id: string }>(
      `SELECT DISTINCT s.opportunity_id FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id
        WHERE r.user_id = $1 AND s.status = 'DROPPED'`,
      [userId],
    );
    return rows.map((r) => r.opportunity_id);
  }

  async insertVersion(m: EntityManager, roadmap: NewRoadmap): Promise<RoadmapEntity> {
    const repo = m.getRepository(RoadmapEntity);
    return repo.save(repo.create(roadmap));
  }

  async insertSteps(m: EntityManager, steps: NewRoadmapStep[]): Promise<void> {
    if (steps.length)
      await m.getRepository(RoadmapStepEntity).insert(steps as QueryDeepPartialEntity<RoadmapStepEntity>[]);
  }

  async setChanges(m: EntityManager, roadmapId: string, changes: RoadmapEntity['changes']): Promise<void> {
    await m.getRepository(RoadmapEntity).update({ id: roadmapId }, { changes });
  }

  /** One of the learner's own steps, locked; null when the step is not theirs or does not exist. */
  ownStepForUpdate(m: EntityManager, stepId: string, userId: string): Promise<RoadmapStepEntity | null> {
    return m
      .getRepository(RoadmapStepEntity)
      .createQueryBuilder('s')
      .innerJoin(RoadmapEntity, 'r', 'r.id = s.roadmap_id')
      .where('s.id = :stepId AND r.user_id = :userId', { stepId, userId })
      .setLock('pessimistic_write', undefined, ['s'])
      .getOne();
  }

  async setStepStatus(m: EntityManager, stepId: string, status: StepStatus): Promise<void> {
    await m.getRepository(RoadmapStepEntity).update({ id: stepId }, { status, statusChangedAt: new Date() });
  }

  /** Learners whose live roadmap has a step (planned or under way) on one of these listings. */
  liveStepsOn(opportunityIds: readonly string[]): Promise<StepOnListing[]> {
    if (!opportunityIds.length) return Promise.resolve([]);
    return this.sql.rows<StepOnListing>(
      `WITH latest AS (
         SELECT DISTINCT ON (r.user_id) r.id, r.user_id FROM roadmaps r
          WHERE r.user_id IN (SELECT r2.user_id FROM roadmaps r2 JOIN roadmap_steps s2 ON s2.roadmap_id = r2.id
                               WHERE s2.opportunity_id = ANY($1::uuid[]))
          ORDER BY r.user_id, r.version DESC)
       SELECT l.user_id AS "userId", s.opportunity_id AS "opportunityId", o.title, o.status FROM latest l
         JOIN roadmap_steps s ON s.roadmap_id = l.id AND s.status IN ('PLANNED', 'ENROLLED')
         JOIN opportunities o ON o.id = s.opportunity_id
        WHERE s.opportunity_id = ANY($1::uuid[])`,
      [[...opportunityIds]],
    );
  }

  /**
   * Learners a batch of changed listings may now suit: their goal occupation gained a vacancy or
   * apprenticeship, or their unreachable roadmap misses a skill a changed course now teaches.
   */
  newlyFitting(
    changedIds: readonly string[],
  ): Promise<Array<{ userId: string; opportunityId: string; title: string }>> {
    if (!changedIds.length) return Promise.resolve([]);
    return this.sql.rows<{ userId: string; opportunityId: string; title: string }>(
      `WITH changed AS (SELECT id, title, kind, occupation_id FROM opportunities WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'),
            latest AS (SELECT DISTINCT ON (user_id) id, user_id, reachable, missing_skill_ids, goal_occupation_id
                         FROM roadmaps ORDER BY user_id, version DESC)
       SELECT l.user_id AS "userId", c.id AS "opportunityId", c.title FROM latest l JOIN changed c
           ON (c.kind IN ('VACANCY', 'APPRENTICESHIP') AND c.occupation_id = l.goal_occupation_id)
           OR (NOT l.reachable AND EXISTS (SELECT 1 FROM opportunity_skills os WHERE os.opportunity_id = c.id
                                             AND os.role = 'TAUGHT' AND os.skill_id = ANY(l.missing_skill_ids)))`,
      [[...changedIds]],
    );
  }
}
