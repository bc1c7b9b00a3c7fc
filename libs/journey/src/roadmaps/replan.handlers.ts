import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { HandlesJob, JobName, JobOutcome, JobPayloads, ReplanTriggerName } from '@skillpath/queues';
import { MatchingIndexService } from '../engine/matching-index.service';
import { NotificationService } from '../notifications/notification.service';
import { LearnerProfileRepository } from '../profile/learner-profile.repository';
import { ReplanQueue } from './replan.queue';
import { RoadmapRepository } from './roadmap.repository';
import { RoadmapService } from './roadmap.service';

// Postgres allows at most 65,535 parameters per statement; ids are passed as one array, but a
// fan-out still works through users in pages so that one job never holds too much.
const FAN_OUT_PAGE = 1000;

/** When one learner is touched by several changes, the weightiest names the re-plan. */
const TRIGGER_RANK: Partial<Record<ReplanTriggerName, number>> = {
  LISTING_CHANGED: 1,
  LISTING_EXPIRED: 2,
  GOAL_CLOSED: 3,
};

@Injectable()
export class ReplanHandlers {
  private readonly log = new Logger(ReplanHandlers.name);

  constructor(
    private readonly profiles: LearnerProfileRepository,
    private readonly versions: RoadmapRepository,
    private readonly roadmaps: RoadmapService,
    private readonly notifications: NotificationService,
    private readonly replans: ReplanQueue,
    private readonly engine: MatchingIndexService,
  ) {}

  /** Re-plans one learner's roadmap and tells them what changed. */
  @HandlesJob(JobName.ReplanRoadmap)
  async replan(job: Job<JobPayloads[JobName.ReplanRoadmap]>): Promise<JobOutcome> {
    const { userId, trigger, reason } = job.data;
    // The account was erased or the goal removed since the job was queued: nothing to plan.
    if (!(await this.profiles.hasGoal(userId))) return { status: 'skipped', reason: 'no learner or no goal' };
    const planned = await this.roadmaps.replan(userId, trigger, reason || undefined);
    const { roadmap, added, removed, goalClosed } = planned;
    const changed = added.length > 0 || removed.length > 0;
    if (goalClosed || changed || trigger === 'LISTING_EXPIRED' || trigger === 'STEP_COMPLETED') {
      const parts = [roadmap.reason];
      if (added.length) parts.push(`New in your plan: ${added.join(', ')}.`);
      if (removed.length) parts.push(`No longer in your plan: ${removed.join(', ')}.`);
      if (!roadmap.reachable)
        parts.push(
          'Some skills for your goal are not taught nearby right now; your plan shows other goals within reach.',
        );
      await this.notifications.notify(userId, {
        kind: goalClosed ? 'GOAL_CLOSED' : 'ROADMAP_UPDATED',
        title: goalClosed ? 'The job you were aiming for has closed' : 'Your roadmap was updated',
        body: parts.join(' '),
        data: { roadmapId: roadmap.id, version: roadmap.version, trigger: roadmap.trigger, added, removed },
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
        if ((TRIGGER_RANK[trigger] ?? 0) > (TRIGGER_RANK[cur.trigger] ?? 0))
          Object.assign(cur, { trigger, title });
      }
    };
    for (const r of await this.versions.liveStepsOn(all))
      note(r.userId, r.status === 'ACTIVE' ? 'LISTING_CHANGED' : 'LISTING_EXPIRED', r.title, r.opportunityId);
    // A goal listing that closed moves the learner's goal on (RoadmapService.replan decides to what).
    for (const r of await this.profiles.learnersAimingAt(all))
      note(r.userId, r.status === 'ACTIVE' ? 'LISTING_CHANGED' : 'GOAL_CLOSED', r.title, r.opportunityId);
    for (const r of await this.versions.newlyFitting(changedIds))
      if (!affected.has(r.userId)) note(r.userId, 'LISTING_CHANGED', r.title, r.opportunityId);
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
