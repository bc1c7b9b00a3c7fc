import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { AuditService, NotificationService, ProfileService, ReplanQueue } from '@skillpath/journey';
import type { ParticipationRequestKind } from '@skillpath/persistence';
import { CredentialsService } from '../credentials/credentials.service';
import { ListingsService } from '../listings/listings.service';
import { CompletionsRepository, ParticipationRequestRow } from './completions.repository';

export interface CompletionState {
  opportunityId: string;
  enrolled: boolean;
  providerConfirmed: boolean;
  learnerConfirmed: boolean;
  completed: boolean;
  credentialIds: string[];
}

/**
 * What a provider is told after recording an enrolment or completion: the same words whatever the
 * email (a learner with the course in their plan, one without, or no account at all), so the
 * mutation cannot be used to find out who uses Skillpath or what they plan to learn.
 */
export const PARTICIPATION_RECEIPT =
  'If a learner with that email has this course in their plan, they have been asked to confirm it. Nothing changes on their record until they do.';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Enrolments and completions. A provider's word is a request the learner accepts or declines;
 * nothing on the learner's record moves until they accept. A completion counts (skills granted as
 * COURSE_COMPLETED, credentials issued) only once both the provider and the learner have said so.
 */
@Injectable()
export class CourseCompletionsService {
  constructor(
    private readonly repo: CompletionsRepository,
    private readonly listings: ListingsService,
    private readonly profiles: ProfileService,
    private readonly credentials: CredentialsService,
    private readonly replans: ReplanQueue,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  recordEnrolment(user: AuthUser, opportunityId: string, learnerEmail: string): Promise<{ message: string }> {
    return this.ask(user, opportunityId, learnerEmail, 'ENROLMENT');
  }

  recordCompletion(
    user: AuthUser,
    opportunityId: string,
    learnerEmail: string,
  ): Promise<{ message: string }> {
    return this.ask(user, opportunityId, learnerEmail, 'COMPLETION');
  }

  /**
   * The provider's side: checks that depend only on the provider and its course (never on the email's
   * owner), then — if a learner with that email has the course in their roadmap — a request they
   * answer. The reply is PARTICIPATION_RECEIPT in every case.
   */
  private async ask(
    user: AuthUser,
    opportunityId: string,
    learnerEmail: string,
    kind: ParticipationRequestKind,
  ): Promise<{ message: string }> {
    const { opp, orgKind } = await this.listings.own(user, opportunityId);
    if (orgKind !== 'PROVIDER')
      throw badInput('Enrolments and completions are recorded for courses and bootcamps.');
    const email = learnerEmail.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 320)
      throw badInput('learnerEmail must be an email address, like name@example.com.', {
        field: 'learnerEmail',
      });
    const learnerId = await this.repo.learnerWithCourse(email, opp.id);
    if (learnerId) {
      await this.repo.transaction(async (m) => {
        const requestId = await this.repo.openRequest(m, {
          kind,
          userId: learnerId,
          opportunityId: opp.id,
          providerId: opp.organisationId!,
          requestedBy: user.id,
        });
        // Already asked and not yet answered: the learner has one request to answer, not two.
        if (!requestId) return;
        const provider = opp.organisationName;
        await this.notifications.notify(
          learnerId,
          {
            kind: 'PARTICIPATION_REQUEST',
            title:
              kind === 'ENROLMENT'
                ? `${provider} says you enrolled on ${opp.title}`
                : `${provider} says you completed ${opp.title}`,
            body:
              kind === 'ENROLMENT'
                ? 'Is that right? Accept to mark the step as enrolled in your plan, or decline if it is not.'
                : 'Is that right? Accept to have its skills added to your record (and any credential issued), or decline if it is not.',
            data: { requestId, opportunityId: opp.id, kind },
          },
          m,
        );
        await this.audit.record(
          {
            actorUserId: user.id,
            actorRole: user.role,
            subjectUserId: learnerId,
            action: kind === 'ENROLMENT' ? 'ENROLMENT_REQUESTED' : 'COMPLETION_REQUESTED',
            reason: `${provider} asked about ${opp.title} (${opp.id})`,
          },
          m,
        );
      });
    }
    return { message: PARTICIPATION_RECEIPT };
  }

  myRequests(userId: string, pendingOnly: boolean): Promise<ParticipationRequestRow[]> {
    return this.repo.requestsOf(userId, pendingOnly);
  }

  /** The learner answers a provider's request; only "yes" changes their record. Answered once. */
  async respond(user: AuthUser, requestId: string, accept: boolean): Promise<ParticipationRequestRow> {
    if (!isUuid(requestId)) throw notFound('That request does not exist.');
    const req = await this.repo.request(requestId, user.id);
    if (!req) throw notFound('That request does not exist.');
    const completed = await this.repo.transaction(async (m) => {
      if (!(await this.repo.answer(m, req.id, accept ? 'ACCEPTED' : 'DECLINED')))
        throw conflict(`You have already answered this request (${req.status.toLowerCase()}).`);
      await this.audit.record(
        {
          actorUserId: user.id,
          actorRole: user.role,
          subjectUserId: user.id,
          action: `${req.kind}_${accept ? 'ACCEPTED' : 'DECLINED'}`,
          reason: `${req.providerName}'s request about ${req.courseTitle} (${req.opportunityId})`,
        },
        m,
      );
      if (!accept) return false;
      const p = await this.repo.participation(m, user.id, req.opportunityId);
      if (req.kind === 'ENROLMENT') {
        if (!p.enrolledAt) await this.repo.updateParticipation(m, p.id, { enrolledAt: new Date() });
        await this.repo.setStepStatus(m, user.id, req.opportunityId, 'ENROLLED', ['PLANNED']);
        return false;
      }
      // Accepting the provider's "completed" is the learner's own confirmation too.
      const now = new Date();
      await this.repo.updateParticipation(m, p.id, {
        providerCompletedAt: p.providerCompletedAt ?? now,
        learnerCompletedAt: p.learnerCompletedAt ?? now,
        enrolledAt: p.enrolledAt ?? now,
      });
      return this.completeIfBoth(m, user.id, req.opportunityId);
    });
    if (completed) await this.afterCompletion(user.id, req.opportunityId, req.courseTitle);
    return (await this.repo.request(req.id, user.id))!;
  }

  /** The learner's own "I completed it" (their half of a completion). */
  async confirmByLearner(user: AuthUser, opportunityId: string): Promise<CompletionState> {
    if (!isUuid(opportunityId)) throw notFound('That course is not in your roadmap.');
    const title = await this.repo.courseInRoadmap(user.id, opportunityId);
    if (!title) throw notFound('That course is not in your roadmap.');
    const done = await this.repo.transaction(async (m) => {
      const p = await this.repo.participation(m, user.id, opportunityId);
      if (!p.learnerCompletedAt)
        await this.repo.updateParticipation(m, p.id, { learnerCompletedAt: new Date() });
      return this.completeIfBoth(m, user.id, opportunityId);
    });
    if (done) await this.afterCompletion(user.id, opportunityId, title);
    return this.state(user.id, opportunityId);
  }

  async state(userId: string, opportunityId: string): Promise<CompletionState> {
    const p = await this.repo.findParticipation(userId, opportunityId);
    return {
      opportunityId,
      enrolled: !!p?.enrolledAt,
      providerConfirmed: !!p?.providerCompletedAt,
      learnerConfirmed: !!p?.learnerCompletedAt,
      completed: !!p?.completedAt,
      credentialIds: await this.credentials.idsFor(userId, opportunityId),
    };
  }

  private async completeIfBoth(m: EntityManager, userId: string, opportunityId: string): Promise<boolean> {
    const p = await this.repo.findParticipation(userId, opportunityId, m);
    if (!p || p.completedAt || !p.providerCompletedAt || !p.learnerCompletedAt) return false;
    await this.repo.updateParticipation(m, p.id, { completedAt: new Date() });
    await this.profiles.addEvidence(
      m,
      userId,
      await this.repo.taughtSkills(m, opportunityId),
      'COURSE_COMPLETED',
      opportunityId,
    );
    await this.repo.setStepStatus(m, userId, opportunityId, 'COMPLETED', ['PLANNED', 'ENROLLED']);
    await this.credentials.issueForCompletion(m, userId, opportunityId);
    return true;
  }

  private async afterCompletion(userId: string, opportunityId: string, title: string): Promise<void> {
    await this.notifications.notify(userId, {
      kind: 'COURSE_COMPLETED',
      title: 'Course completed',
      body: `${title} is confirmed: its skills are on your record${(await this.credentials.idsFor(userId, opportunityId)).length ? ' and you have a new credential' : ''}.`,
      data: { opportunityId },
    });
    await this.replans.request(userId, 'STEP_COMPLETED', title, [opportunityId]);
  }
}
