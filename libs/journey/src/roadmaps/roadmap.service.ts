import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { badInput } from '@skillpath/common';
import { planRoadmap, Roadmap as EnginePlan, RoadmapGoal } from '@skillpath/matching';
import {
  LearnerProfileEntity,
  ReplanTrigger,
  RoadmapEntity,
  RoadmapStepEntity,
  StepStatus,
} from '@skillpath/persistence';
import { MatchingIndexService } from '../engine/matching-index.service';
import { ProfileService } from '../profile/profile.service';
import { reasonFor } from './replan-reasons';

export interface PlannedVersion {
  roadmap: RoadmapEntity;
  previous: RoadmapEntity | null;
  added: string[];
  removed: string[];
}

/** Statuses a step keeps across re-plans: what the learner has done or is doing is not re-decided. */
const KEPT: StepStatus[] = ['COMPLETED', 'ENROLLED'];

/**
 * Plans a learner's roadmap with the engine and stores it as a new version, carrying over the steps
 * the learner has completed or is enrolled on, and recording what changed and why.
 */
@Injectable()
export class RoadmapService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly profiles: ProfileService,
    private readonly engine: MatchingIndexService,
  ) {}

  async goalFor(profile: LearnerProfileEntity, m: EntityManager): Promise<RoadmapGoal & { label: string }> {
    if (profile.goalOccupationId) {
      const rows: Array<{ title: string; skill_id: string; level: number }> = await m.query(
        `SELECT o.title, os.skill_id, os.level FROM occupations o
           LEFT JOIN occupation_skills os ON os.occupation_id = o.id AND os.relation = 'essential' WHERE o.id = $1`,
        [profile.goalOccupationId],
      );
      if (!rows.length) throw badInput('Your goal no longer exists. Choose another with setGoal.');
      return {
        title: rows[0].title,
        label: rows[0].title,
        occupationId: profile.goalOccupationId,
        skills: rows.filter((r) => r.skill_id).map((r) => ({ skill: r.skill_id, level: r.level })),
      };
    }
    if (profile.goalOpportunityId) {
      const rows: Array<{
        title: string;
        organisation_name: string;
        occupation_id: string | null;
        skill_id: string;
        level: number;
      }> = await m.query(
        `SELECT o.title, o.organisation_name, o.occupation_id, os.skill_id, os.level FROM opportunities o
             LEFT JOIN opportunity_skills os ON os.opportunity_id = o.id AND os.role = 'REQUIRED' WHERE o.id = $1`,
        [profile.goalOpportunityId],
      );
      if (!rows.length) throw badInput('Your goal no longer exists. Choose another with setGoal.');
      return {
        title: rows[0].title,
        label: `${rows[0].title} at ${rows[0].organisation_name}`,
        occupationId: rows[0].occupation_id ?? undefined,
        skills: rows.filter((r) => r.skill_id).map((r) => ({ skill: r.skill_id, level: r.level })),
      };
    }
    throw badInput('Choose a goal first (setGoal), then ask for a plan.');
  }

  /** Plans and stores a new version. Serialised per learner by locking their profile row. */
  async replan(
    userId: string,
    trigger: ReplanTrigger,
    detail?: string,
    today?: string,
  ): Promise<PlannedVersion> {
    const snapshot = await this.engine.get();
    return this.ds.transaction(async (m) => {
      await this.profiles.get(userId, m);
      const [profile] = await m
        .getRepository(LearnerProfileEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.user_id = :userId', { userId })
        .getMany();
      const goal = await this.goalFor(profile, m);
      const previous = await m
        .getRepository(RoadmapEntity)
        .findOne({ where: { userId }, order: { version: 'DESC' } });
      const previousSteps = previous
        ? await m
            .getRepository(RoadmapStepEntity)
            .find({ where: { roadmapId: previous.id }, order: { position: 'ASC' } })
        : [];
      const kept = previousSteps.filter((s) => KEPT.includes(s.status) && s.kind === 'LEARN');

      // Skills from steps the learner is enrolled on count as on their way: the plan builds on them.
      const learner = await this.profiles.learnerRecord(userId, m);
      const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
      for (const step of kept.filter((s) => s.status === 'ENROLLED')) {
        for (const g of step.skillsGained) held.set(g.skillId, Math.max(held.get(g.skillId) ?? 0, g.level));
      }
      learner.skills = [...held].map(([skill, level]) => ({ skill, level }));

      // A course the learner stopped is not offered to them again.
      const dropped: Array<{ opportunity_id: string }> = await m.query(
        `SELECT DISTINCT s.opportunity_id FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id
          WHERE r.user_id = $1 AND s.status = 'DROPPED'`,
        [userId],
      );
      const plan: EnginePlan = planRoadmap(snapshot.index, learner, goal, {
        occupations: snapshot.targetOccupations,
        today,
        excludeOpportunityIds: dropped.map((d) => d.opportunity_id),
      });

      const version = (previous?.version ?? 0) + 1;
      const keptIds = new Set(kept.map((s) => s.opportunityId));
      const newLearn = plan.steps.filter((s) => !keptIds.has(s.opportunityId));
      const jobs = plan.jobs.filter((j) => !keptIds.has(j.opportunityId));
      const untaught = new Set(plan.untaughtSkills);
      const roadmap = await m.getRepository(RoadmapEntity).save(
        m.getRepository(RoadmapEntity).create({
          userId,
          version,
          goalOccupationId: profile.goalOccupationId,
          goalOpportunityId: profile.goalOpportunityId,
          reachable: plan.reachable,
          coverage: plan.coverage,
          missingSkillIds: [...new Set([...plan.missingSkills.map((s) => s.skill), ...untaught])],
          totalHours: plan.totals.hours,
          totalCostPence: plan.totals.costPence,
          trigger,
          reason: reasonFor(trigger, detail),
          summary: plan.summary,
          changes: {},
          alternatives: plan.alternatives,
        }),
      );
      const rows: Partial<RoadmapStepEntity>[] = [];
      let position = 1;
      for (const s of kept) {
        rows.push({ ...stripIdentity(s), roadmapId: roadmap.id, position: position++ });
      }
      for (const s of newLearn) {
        rows.push({
          roadmapId: roadmap.id,
          position: position++,
          opportunityId: s.opportunityId,
          kind: 'LEARN',
          skillsGained: s.skillsGained.map((g) => ({ skillId: g.skill, level: g.level })),
          status: 'PLANNED',
          why: s.why,
          hours: s.hours,
          costPence: s.costToLearnerPence,
          distanceKm: s.distanceKm ?? null,
          plannedStart: s.plannedStart ? new Date(s.plannedStart) : null,
          plannedEnd: s.plannedEnd ? new Date(s.plannedEnd) : null,
        });
      }
      // Jobs the learner had already applied for stay; new suggestions follow.
      const appliedJobs = previousSteps.filter(
        (s) => s.kind === 'APPLY' && s.status !== 'PLANNED' && s.status !== 'DROPPED',
      );
      const appliedIds = new Set(appliedJobs.map((s) => s.opportunityId));
      for (const s of appliedJobs)
        rows.push({ ...stripIdentity(s), roadmapId: roadmap.id, position: position++ });
      for (const j of jobs.filter((j) => !appliedIds.has(j.opportunityId))) {
        rows.push({
          roadmapId: roadmap.id,
          position: position++,
          opportunityId: j.opportunityId,
          kind: 'APPLY',
          skillsGained: [],
          status: 'PLANNED',
          why: j.why,
          hours: null,
          costPence: 0,
          distanceKm: j.distanceKm ?? null,
          plannedStart: null,
          plannedEnd: null,
        });
      }
      if (rows.length)
        await m.getRepository(RoadmapStepEntity).insert(rows as QueryDeepPartialEntity<RoadmapStepEntity>[]);

      const titles = await this.titles(m, [
        ...rows.map((r) => r.opportunityId!),
        ...previousSteps.map((s) => s.opportunityId),
      ]);
      const before = new Set(previousSteps.filter((s) => s.status !== 'DROPPED').map((s) => s.opportunityId));
      const after = new Set(rows.map((r) => r.opportunityId!));
      const added = [...after].filter((id) => previous && !before.has(id)).map((id) => titles.get(id) ?? id);
      const removed = [...before].filter((id) => !after.has(id)).map((id) => titles.get(id) ?? id);
      roadmap.changes = { added, removed };
      await m.getRepository(RoadmapEntity).update({ id: roadmap.id }, { changes: roadmap.changes });
      return { roadmap, previous, added, removed };
    });
  }

  private async titles(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; title: string }> = await m.query(
      'SELECT id, title FROM opportunities WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}

function stripIdentity(s: RoadmapStepEntity): Partial<RoadmapStepEntity> {
  const { id: _id, roadmapId: _r, position: _p, roadmap: _rm, opportunity: _o, ...rest } = s;
  return rest;
}
