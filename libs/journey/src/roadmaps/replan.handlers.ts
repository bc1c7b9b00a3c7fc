import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { HandlesJob, JobName, JobOutcome, JobPayloads, ReplanTriggerName } from '@skillpath/queues';
import { MatchingIndexService } from '../engine/matching-index.service';
import { NotificationService } from '../notifications/notification.service';
import { ReplanQueue } from './replan.queue';
import { RoadmapService } from './roadmap.service';

// Postgres allows at most 65,535 parameters per statement; ids are passed as one array, but a
// fan-out still works through users in pages so that one job never holds too much.
const FAN_OUT_PAGE = 1000;

@Injectable()
export class ReplanHandlers {
  private readonly log = new Logger(ReplanHandlers.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly roadmaps: RoadmapService,
    private readonly notifications: NotificationService,
    private readonly replans: ReplanQueue,
    private readonly engine: MatchingIndexService,
  ) {}

  /** Re-plans one learner's roadmap and tells them what changed. */
  @HandlesJob(JobName.ReplanRoadmap)
  async replan(job: Job<JobPayloads[JobName.ReplanRoadmap]>): Promise<JobOutcome> {
    const { userId, trigger, reason } = job.data;
    const [exists]: Array<{ n: number }> = await this.ds.query(
      'SELECT 1 AS n FROM learner_profiles WHERE user_id = $1 AND (goal_occupation_id IS NOT NULL OR goal_opportunity_id IS NOT NULL)',
      [userId],
    );
    // The account was erased or the goal removed since the job was queued: nothing to plan.
    if (!exists) return { status: 'skipped', reason: 'no learner or no goal' };
    const planned = await this.roadmaps.replan(userId, trigger, reason || undefined);
    const { roadmap, added, removed } = planned;
    const changed = added.length > 0 || removed.length > 0;
    if (changed || trigger === 'LISTING_EXPIRED' || trigger === 'STEP_COMPLETED') {
      const parts = [roadmap.reason];
      if (added.length) parts.push(`New in your plan: ${added.join(', ')}.`);
      if (removed.length) parts.push(`No longer in your plan: ${removed.join(', ')}.`);
      if (!roadmap.reachable)
        parts.push(
          'Some skills for your goal are not taught nearby right now; your plan shows other goals within reach.',
        );
      await this.notifications.notify(userId, {
        kind: 'ROADMAP_UPDATED',
        title: 'Your roadmap was updated',
        body: parts.join(' '),
        data: { roadmapId: roadmap.id, version: roadmap.version, trigger, added, removed },
      });
    }
    return { status: 'success', version: roadmap.version, added: added.length, removed: removed.length };
  }

  /**
   * Finds the roadmaps a batch of listing changes touches — live roadmaps with a step on a changed or
   * expired listing, learners whose goal occupation gained a vacancy, and unreachable roadmaps whose
   * missing skills a changed course now teaches — and queues their re-planning.
   */
  @HandlesJob(JobName.FanOutListingChanges)
  async fanOut(job: Job<JobPayloads[JobName.FanOutListingChanges]>): Promise<JobOutcome> {
    const { changedIds, expiredIds } = job.data;
    // The worker's own index must see the changes before it re-plans.
    await this.engine.apply({ changedIds, expiredIds });
    const all = [...new Set([...changedIds, ...expiredIds])];
    const affected = new Map<string, { trigger: ReplanTriggerName; title: string; ids: string[] }>();
    const note = (userId: string, trigger: ReplanTriggerName, title: string, id: string) => {
      const cur = affected.get(userId);
      if (!cur) affected.set(userId, { trigger, title, ids: [id] });
      else {
        cur.ids.push(id);
        if (trigger === 'LISTING_EXPIRED' && cur.trigger !== 'LISTING_EXPIRED')
          Object.assign(cur, { trigger, title });
      }
    };
    if (all.length) {
      const onRoadmaps: Array<{ user_id: string; opportunity_id: string; title: string; status: string }> =
        await this.ds.query(
          `WITH latest AS (
           SELECT DISTINCT ON (r.user_id) r.id, r.user_id FROM roadmaps r
            WHERE r.user_id IN (SELECT r2.user_id FROM roadmaps r2 JOIN roadmap_steps s2 ON s2.roadmap_id = r2.id
                                 WHERE s2.opportunity_id = ANY($1::uuid[]))
            ORDER BY r.user_id, r.version DESC)
         SELECT l.user_id, s.opportunity_id, o.title, o.status FROM latest l
           JOIN roadmap_steps s ON s.roadmap_id = l.id AND s.status IN ('PLANNED', 'ENROLLED')
           JOIN opportunities o ON o.id = s.opportunity_id
          WHERE s.opportunity_id = ANY($1::uuid[])`,
          [all],
        );
      for (const r of onRoadmaps)
        note(
          r.user_id,
          r.status === 'ACTIVE' ? 'LISTING_CHANGED' : 'LISTING_EXPIRED',
          r.title,
          r.opportunity_id,
        );
    }
    if (changedIds.length) {
      const newlyFit: Array<{ user_id: string; opportunity_id: string; title: string }> = await this.ds.query(
        `WITH changed AS (SELECT id, title, kind, occupation_id FROM opportunities WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'),
              latest AS (SELECT DISTINCT ON (user_id) id, user_id, reachable, missing_skill_ids, goal_occupation_id
                           FROM roadmaps ORDER BY user_id, version DESC)
         SELECT l.user_id, c.id AS opportunity_id, c.title FROM latest l JOIN changed c
             ON (c.kind IN ('VACANCY', 'APPRENTICESHIP') AND c.occupation_id = l.goal_occupation_id)
             OR (NOT l.reachable AND EXISTS (SELECT 1 FROM opportunity_skills os WHERE os.opportunity_id = c.id
                                               AND os.role = 'TAUGHT' AND os.skill_id = ANY(l.missing_skill_ids)))`,
        [changedIds],
      );
      for (const r of newlyFit)
        if (!affected.has(r.user_id)) note(r.user_id, 'LISTING_CHANGED', r.title, r.opportunity_id);
    }
    const items = [...affected].map(([userId, a]) => ({
      userId,
      trigger: a.trigger,
      reason: a.title,
      opportunityIds: a.ids,
    }));
    for (let i = 0; i < items.length; i += FAN_OUT_PAGE)
      await this.replans.requestMany(items.slice(i, i + FAN_OUT_PAGE));
    this.log.log(
      `listing changes from ${job.data.origin}: ${all.length} listings, ${items.length} roadmaps to re-plan`,
    );
    return { status: 'success', roadmaps: items.length };
  }
}
