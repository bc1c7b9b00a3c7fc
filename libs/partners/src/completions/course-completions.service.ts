import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, isUuid, notFound } from '@skillpath/common';
import { NotificationService, ProfileService, ReplanQueue } from '@skillpath/journey';
import { CourseParticipationEntity } from '@skillpath/persistence';
import { CredentialsService } from '../credentials/credentials.service';
import { ListingsService } from '../listings/listings.service';

type Row = Record<string, unknown>;

export interface CompletionState {
  opportunityId: string;
  enrolled: boolean;
  providerConfirmed: boolean;
  learnerConfirmed: boolean;
  completed: boolean;
  credentialIds: string[];
}

/**
 * Enrolments and completions. A completion counts (skills granted as COURSE_COMPLETED, credentials
 * issued) only once both the provider and the learner have said so, in either order.
 */
@Injectable()
export class CourseCompletionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly listings: ListingsService,
    private readonly profiles: ProfileService,
    private readonly credentials: CredentialsService,
    private readonly replans: ReplanQueue,
    private readonly notifications: NotificationService,
  ) {}

  async recordEnrolment(
    user: AuthUser,
    opportunityId: string,
    learnerEmail: string,
  ): Promise<CompletionState> {
    const { learnerId } = await this.providerSide(user, opportunityId, learnerEmail);
    await this.ds.transaction(async (m) => {
      const p = await this.participation(m, learnerId, opportunityId);
      if (!p.enrolledAt)
        await m.getRepository(CourseParticipationEntity).update({ id: p.id }, { enrolledAt: new Date() });
      await this.setStepStatus(m, learnerId, opportunityId, 'ENROLLED', ['PLANNED']);
    });
    return this.state(learnerId, opportunityId);
  }

  async recordCompletion(
    user: AuthUser,
    opportunityId: string,
    learnerEmail: string,
  ): Promise<CompletionState> {
    const { learnerId, title } = await this.providerSide(user, opportunityId, learnerEmail);
    const done = await this.ds.transaction(async (m) => {
      const p = await this.participation(m, learnerId, opportunityId);
      // The learner marking the step completed themselves is their half of the confirmation.
      const [step]: Row[] = await m.query(
        `SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = $1 AND s.opportunity_id = $2 AND s.status = 'COMPLETED' LIMIT 1`,
        [learnerId, opportunityId],
      );
      const patch: Partial<CourseParticipationEntity> = {
        providerCompletedAt: p.providerCompletedAt ?? new Date(),
        enrolledAt: p.enrolledAt ?? new Date(),
      };
      if (step && !p.learnerCompletedAt) patch.learnerCompletedAt = new Date();
      await m.getRepository(CourseParticipationEntity).update({ id: p.id }, patch);
      return this.completeIfBoth(m, learnerId, opportunityId);
    });
    if (done) await this.afterCompletion(learnerId, opportunityId, title);
    else {
      await this.notifications.notify(learnerId, {
        kind: 'COMPLETION_TO_CONFIRM',
        title: 'Please confirm you finished a course',
        body: `${title} says you completed it. Confirm it to have the skills added to your record.`,
        data: { opportunityId },
      });
    }
    return this.state(learnerId, opportunityId);
  }

  async confirmByLearner(user: AuthUser, opportunityId: string): Promise<CompletionState> {
    if (!isUuid(opportunityId)) throw notFound('That course is not in your roadmap.');
    const [course]: Row[] = await this.ds.query(
      `SELECT o.title FROM opportunities o WHERE o.id = $2 AND EXISTS (
         SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = $1 AND s.opportunity_id = o.id AND s.kind = 'LEARN')`,
      [user.id, opportunityId],
    );
    if (!course) throw notFound('That course is not in your roadmap.');
    const done = await this.ds.transaction(async (m) => {
      const p = await this.participation(m, user.id, opportunityId);
      if (!p.learnerCompletedAt)
        await m
          .getRepository(CourseParticipationEntity)
          .update({ id: p.id }, { learnerCompletedAt: new Date() });
      return this.completeIfBoth(m, user.id, opportunityId);
    });
    if (done) await this.afterCompletion(user.id, opportunityId, course.title as string);
    return this.state(user.id, opportunityId);
  }

  async state(userId: string, opportunityId: string): Promise<CompletionState> {
    const p = await this.ds
      .getRepository(CourseParticipationEntity)
      .findOne({ where: { userId, opportunityId } });
    const creds: Array<{ id: string }> = await this.ds.query(
      'SELECT id FROM credentials WHERE user_id = $1 AND opportunity_id = $2 ORDER BY issued_at',
      [userId, opportunityId],
    );
    return {
      opportunityId,
      enrolled: !!p?.enrolledAt,
      providerConfirmed: !!p?.providerCompletedAt,
      learnerConfirmed: !!p?.learnerCompletedAt,
      completed: !!p?.completedAt,
      credentialIds: creds.map((c) => c.id),
    };
  }

  /** The provider's own course, and a learner (by the email they enrolled with) whose roadmap has it. */
  private async providerSide(
    user: AuthUser,
    opportunityId: string,
    learnerEmail: string,
  ): Promise<{ learnerId: string; title: string }> {
    const { opp, orgKind } = await this.listings.own(user, opportunityId);
    if (orgKind !== 'PROVIDER')
      throw badInput('Enrolments and completions are recorded for courses and bootcamps.');
    const [learner]: Row[] = await this.ds.query(
      `SELECT u.id FROM users u WHERE u.email = $1 AND u.role = 'LEARNER' AND EXISTS (
         SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = u.id AND s.opportunity_id = $2)`,
      [learnerEmail.trim().toLowerCase(), opportunityId],
    );
    // Whether the email has an account at all is not revealed.
    if (!learner) throw notFound('No learner with that email has this course in their roadmap.');
    return { learnerId: learner.id as string, title: opp.title };
  }

  private async participation(
    m: EntityManager,
    userId: string,
    opportunityId: string,
  ): Promise<CourseParticipationEntity> {
    const repo = m.getRepository(CourseParticipationEntity);
    await repo.createQueryBuilder().insert().values({ userId, opportunityId }).orIgnore().execute();
    return repo.findOneOrFail({ where: { userId, opportunityId }, lock: { mode: 'pessimistic_write' } });
  }

  private async completeIfBoth(m: EntityManager, userId: string, opportunityId: string): Promise<boolean> {
    const p = await m
      .getRepository(CourseParticipationEntity)
      .findOneOrFail({ where: { userId, opportunityId } });
    if (p.completedAt || !p.providerCompletedAt || !p.learnerCompletedAt) return false;
    await m.getRepository(CourseParticipationEntity).update({ id: p.id }, { completedAt: new Date() });
    const taught: Array<{ skill_id: string; level: number }> = await m.query(
      `SELECT skill_id, level FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'TAUGHT'`,
      [opportunityId],
    );
    await this.profiles.addEvidence(
      m,
      userId,
      taught.map((t) => ({ skillId: t.skill_id, level: Number(t.level) })),
      'COURSE_COMPLETED',
      opportunityId,
    );
    await this.setStepStatus(m, userId, opportunityId, 'COMPLETED', ['PLANNED', 'ENROLLED']);
    await this.credentials.issueForCompletion(m, userId, opportunityId);
    return true;
  }

  private async setStepStatus(
    m: EntityManager,
    userId: string,
    opportunityId: string,
    status: string,
    from: string[],
  ): Promise<void> {
    await m.query(
      `UPDATE roadmap_steps s SET status = $3, status_changed_at = now() FROM roadmaps r
        WHERE r.id = s.roadmap_id AND r.user_id = $1 AND s.opportunity_id = $2 AND s.status = ANY($4::text[])
          AND r.version = (SELECT max(version) FROM roadmaps WHERE user_id = $1)`,
      [userId, opportunityId, status, from],
    );
  }

  private async afterCompletion(userId: string, opportunityId: string, title: string): Promise<void> {
    await this.notifications.notify(userId, {
      kind: 'COURSE_COMPLETED',
      title: 'Course completed',
      body: `${title} is confirmed: its skills are on your record${(await this.state(userId, opportunityId)).credentialIds.length ? ' and you have a new credential' : ''}.`,
      data: { opportunityId },
    });
    await this.replans.request(userId, 'STEP_COMPLETED', title, [opportunityId]);
  }
}
