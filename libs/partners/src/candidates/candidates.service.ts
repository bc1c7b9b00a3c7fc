import { Injectable } from '@nestjs/common';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { MatchingIndexService, NotificationService, progressFigures } from '@skillpath/journey';
import { fitToOpportunity } from '@skillpath/matching';
import { ExpressionOfInterestEntity, type OutcomeKind } from '@skillpath/persistence';
import { OrganisationAccess } from '../organisations/organisation-access.service';
import { CandidatePseudonyms } from './candidate-pseudonyms';
import { CandidatesRepository, InterestRow, VacancyRow } from './candidates.repository';

export interface Candidate {
  /** A pseudonym for this employer only (see CandidatePseudonyms), never the learner's id. */
  candidateId: string;
  fit: number;
  borough: string | null;
  metSkillIds: string[];
  missingSkillIds: string[];
  skills: Array<{ skillId: string; level: number }>;
  stepsCompleted: number;
  stepsTotal: number;
  interestStatus: string | null;
}

/** Learners who chose to share with employers, as an employer sees them: skills and progress, never who they are. */
@Injectable()
export class CandidatesService {
  constructor(
    private readonly repo: CandidatesRepository,
    private readonly access: OrganisationAccess,
    private readonly engine: MatchingIndexService,
    private readonly notifications: NotificationService,
    private readonly pseudonyms: CandidatePseudonyms,
  ) {}

  /** Candidates for a vacancy, best fit first. A constant number of queries, however many learners. */
  async forVacancy(user: AuthUser, vacancyId: string, minFit: number): Promise<Candidate[]> {
    if (!(minFit > 0 && minFit <= 1)) throw badInput('minFit must be more than 0 and at most 1.');
    const vacancy = await this.vacancy(user, vacancyId, 'see candidates');
    const needs = await this.repo.requiredSkills(vacancyId);
    // Only consenting learners who hold at least one of the skills (or one related to them) are scored.
    const { graph } = await this.engine.get();
    const related = [
      ...new Set(needs.flatMap((n) => [n.skill, ...graph.related(n.skill).map((r) => r.skill)])),
    ];
    const relatedSet = new Set(related);
    const rows = await this.repo.candidates(vacancyId, related);
    const out: Array<Candidate & { userId: string }> = [];
    for (const l of rows) {
      const fit = fitToOpportunity(
        { skills: l.held.map((h) => ({ skill: h.skillId, level: h.level })) },
        { requires: needs, title: vacancy.title },
        graph,
      );
      if (fit.score < minFit) continue;
      out.push({
        userId: l.userId,
        candidateId: this.pseudonyms.of(vacancy.organisationId, l.userId),
        fit: Math.round(fit.score * 100) / 100,
        borough: l.borough ?? null,
        metSkillIds: fit.met.map((s) => s.skill),
        missingSkillIds: fit.short.map((s) => s.skill),
        skills: l.held.filter((h) => relatedSet.has(h.skillId)),
        ...progressFigures(l.steps),
        interestStatus: l.interestStatus ?? null,
      });
    }
    await this.repo.audit(
      out.map((c) => ({
        actorUserId: user.id,
        actorRole: user.role,
        subjectUserId: c.userId,
        action: 'CANDIDATE_VIEWED',
        reason: `fit ${Math.round(c.fit * 100)}% to vacancy ${vacancy.title} (${vacancyId}) of ${vacancy.organisationName}`,
      })),
    );
    return out
      .sort((a, b) => b.fit - a.fit || a.candidateId.localeCompare(b.candidateId))
      .map(({ userId: _userId, ...c }) => c);
  }

  async expressInterest(
    user: AuthUser,
    vacancyId: string,
    candidateId: string,
    message: string,
  ): Promise<ExpressionOfInterestEntity> {
    const vacancy = await this.vacancy(user, vacancyId, 'contact candidates');
    const text = message.trim();
    if (text.length < 10 || text.length > 1000)
      throw badInput('The message must be 10 to 1,000 letters, saying why you would like to talk.', {
        field: 'message',
      });
    // The employer's pseudonym, turned back into the learner server-side; anything else is "not available".
    const learnerId = this.pseudonyms.resolve(vacancy.organisationId, candidateId);
    // A learner who does not share looks exactly like one who does not exist.
    if (!learnerId || !(await this.repo.isConsentingLearner(learnerId)))
      throw notFound('That candidate is not available.');
    const repo = this.repo.interestRepo();
    if (await repo.findOne({ where: { vacancyId, learnerUserId: learnerId } }))
      throw conflict('You have already expressed interest in this candidate for this vacancy.');
    const saved = await repo.save(
      repo.create({
        employerId: vacancy.organisationId,
        vacancyId,
        learnerUserId: learnerId,
        sentBy: user.id,
        message: text,
      }),
    );
    await this.notifications.notify(learnerId, {
      kind: 'EMPLOYER_INTEREST',
      title: `${vacancy.organisationName} is interested in you`,
      body: `For ${vacancy.title}: "${text}". Accept to share your name and email with them; they have neither until you do.`,
      data: { interestId: saved.id, vacancyId },
    });
    await this.repo.audit([
      {
        actorUserId: user.id,
        actorRole: user.role,
        subjectUserId: learnerId,
        action: 'INTEREST_EXPRESSED',
        reason: `vacancy ${vacancyId}`,
      },
    ]);
    return saved;
  }

  async respond(user: AuthUser, interestId: string, accept: boolean): Promise<ExpressionOfInterestEntity> {
    if (!isUuid(interestId)) throw notFound('That expression of interest does not exist.');
    const repo = this.repo.interestRepo();
    const found = await repo.findOne({ where: { id: interestId, learnerUserId: user.id } });
    if (!found) throw notFound('That expression of interest does not exist.');
    if (found.status !== 'PENDING') throw conflict(`You have already ${found.status.toLowerCase()} this.`);
    await repo.update(
      { id: found.id },
      { status: accept ? 'ACCEPTED' : 'DECLINED', respondedAt: new Date() },
    );
    return repo.findOneOrFail({ where: { id: found.id } });
  }

  /**
   * The employer records that it interviewed (or took on) a candidate who accepted its interest: the
   * second party to what learners report themselves, so a partnership's "interviews recorded" is not
   * only self-reported. Recording the same thing twice — even two requests at once — records it once
   * (a unique index), and notifies and audits once.
   */
  async recordOutcome(user: AuthUser, interestId: string, kind: OutcomeKind): Promise<InterestRow> {
    if (kind === 'APPLIED')
      throw badInput('Only the learner can report applying. Record INTERVIEWED or IN_WORK.');
    if (!isUuid(interestId)) throw notFound('That expression of interest does not exist.');
    const found = await this.repo.interestRepo().findOne({ where: { id: interestId } });
    if (!found) throw notFound('That expression of interest does not exist.');
    await this.access.requireMember(user, found.employerId, { kinds: ['EMPLOYER'] });
    if (found.status !== 'ACCEPTED')
      throw conflict(
        found.status === 'PENDING'
          ? 'The candidate has not accepted your interest yet. You can record an interview once they have.'
          : 'The candidate declined your interest, so there is nothing to record.',
      );
    if (await this.repo.recordEmployerOutcome(found.learnerUserId, found.vacancyId, kind)) {
      const v = await this.repo.vacancyAndEmployerNames(found.vacancyId, found.employerId);
      await this.notifications.notify(found.learnerUserId, {
        kind: 'EMPLOYER_OUTCOME',
        title:
          kind === 'IN_WORK'
            ? `${v.name} recorded that you started work with them`
            : `${v.name} recorded your interview`,
        body: `For ${v.title}. It counts towards your progress. If it is wrong, tell your adviser.`,
        data: { interestId: found.id, vacancyId: found.vacancyId, outcome: kind },
      });
      await this.repo.audit([
        {
          actorUserId: user.id,
          actorRole: user.role,
          subjectUserId: found.learnerUserId,
          action: 'OUTCOME_RECORDED',
          reason: `${kind} for vacancy ${found.vacancyId}`,
        },
      ]);
    }
    const [row] = await this.repo.interestForEmployer({ id: found.id });
    return row;
  }

  mine(userId: string): Promise<InterestRow[]> {
    return this.repo.interestsOfLearner(userId);
  }

  /** An employer's expressions of interest for a vacancy; name and email only where the learner accepted. */
  async sent(user: AuthUser, vacancyId: string): Promise<InterestRow[]> {
    await this.vacancy(user, vacancyId, 'contact candidates');
    const rows = await this.repo.interestForEmployer({ vacancyId });
    await this.repo.audit(
      rows
        .filter((x) => x.status === 'ACCEPTED')
        .map((r) => ({
          actorUserId: user.id,
          actorRole: user.role,
          subjectUserId: r.learnerUserId,
          action: 'CONTACT_VIEWED',
          reason: `accepted interest for vacancy ${vacancyId}`,
        })),
    );
    return rows;
  }

  /** The employer's own vacancy; its organisation must be a member's and verified (issue 13). */
  private async vacancy(user: AuthUser, vacancyId: string, what: string): Promise<VacancyRow> {
    if (!isUuid(vacancyId)) throw notFound('That vacancy does not exist.');
    const v = await this.repo.vacancy(vacancyId);
    if (!v) throw notFound('That vacancy does not exist.');
    const org = await this.access.requireMember(user, v.organisationId, { kinds: ['EMPLOYER'] });
    this.access.requireVerified(org, what);
    return v;
  }
}
