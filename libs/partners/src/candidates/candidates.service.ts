import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { AuditService, MatchingIndexService, NotificationService, ProfileService } from '@skillpath/journey';
import { fitToOpportunity } from '@skillpath/matching';
import { ExpressionOfInterestEntity, LearnerOutcomeEntity, type OutcomeKind } from '@skillpath/persistence';
import { OrganisationAccess } from '../organisations/organisation-access.service';

type Row = Record<string, unknown>;

/** What the employer has recorded for the interest's learner and vacancy, oldest first. */
const RECORDED_OUTCOMES = `ARRAY(SELECT lo.kind FROM learner_outcomes lo
   WHERE lo.user_id = i.learner_user_id AND lo.opportunity_id = i.vacancy_id AND lo.recorded_by = 'EMPLOYER'
   ORDER BY lo.at, lo.kind) AS recorded_outcomes`;

/** An interest as its employer sees it: name and email only where the learner accepted. */
const SENT_COLUMNS = `SELECT i.*, CASE WHEN i.status = 'ACCEPTED' THEN u.display_name END AS contact_name,
        CASE WHEN i.status = 'ACCEPTED' THEN u.email END AS contact_email, ${RECORDED_OUTCOMES}
   FROM expressions_of_interest i JOIN users u ON u.id = i.learner_user_id`;

export interface Candidate {
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
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: OrganisationAccess,
    private readonly profiles: ProfileService,
    private readonly engine: MatchingIndexService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  async forVacancy(user: AuthUser, vacancyId: string, minFit: number): Promise<Candidate[]> {
    if (!(minFit > 0 && minFit <= 1)) throw badInput('minFit must be more than 0 and at most 1.');
    const vacancy = await this.vacancy(user, vacancyId);
    const requires: Array<{ skill_id: string; level: number }> = await this.ds.query(
      `SELECT skill_id, level FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'REQUIRED'`,
      [vacancyId],
    );
    const needs = requires.map((r) => ({ skill: r.skill_id, level: Number(r.level) }));
    // Only consenting learners who hold at least one of the skills (or one related to them) are scored.
    const { graph } = await this.engine.get();
    const related = [
      ...new Set(needs.flatMap((n) => [n.skill, ...graph.related(n.skill).map((r) => r.skill)])),
    ];
    const learners: Row[] = await this.ds.query(
      `SELECT p.user_id, p.borough FROM learner_profiles p JOIN users u ON u.id = p.user_id
        WHERE p.share_with_employers AND u.role = 'LEARNER'
          AND EXISTS (SELECT 1 FROM learner_skills ls WHERE ls.user_id = p.user_id AND ls.skill_id = ANY($1::uuid[]))`,
      [related],
    );
    const out: Candidate[] = [];
    for (const l of learners) {
      const userId = l.user_id as string;
      const held = await this.profiles.heldSkills(userId);
      const fit = fitToOpportunity(
        { skills: held.map((h) => ({ skill: h.skillId, level: h.level })) },
        { requires: needs, title: vacancy.title as string },
        graph,
      );
      if (fit.score < minFit) continue;
      const [progress]: Row[] = await this.ds.query(
        `SELECT count(*) FILTER (WHERE s.status = 'COMPLETED')::int AS done, count(*)::int AS total FROM roadmap_steps s
          WHERE s.roadmap_id = (SELECT id FROM roadmaps WHERE user_id = $1 ORDER BY version DESC LIMIT 1)`,
        [userId],
      );
      const [interest]: Row[] = await this.ds.query(
        'SELECT status FROM expressions_of_interest WHERE vacancy_id = $1 AND learner_user_id = $2',
        [vacancyId, userId],
      );
      out.push({
        candidateId: userId,
        fit: Math.round(fit.score * 100) / 100,
        borough: (l.borough as string | null) ?? null,
        metSkillIds: fit.met.map((s) => s.skill),
        missingSkillIds: fit.short.map((s) => s.skill),
        skills: held.filter((h) => related.includes(h.skillId)),
        stepsCompleted: Number(progress?.done ?? 0),
        stepsTotal: Number(progress?.total ?? 0),
        interestStatus: (interest?.status as string | undefined) ?? null,
      });
      await this.audit.record({
        actorUserId: user.id,
        actorRole: user.role,
        subjectUserId: userId,
        action: 'CANDIDATE_VIEWED',
        reason: `fit ${Math.round(fit.score * 100)}% to vacancy ${vacancy.title as string} (${vacancyId}) of ${vacancy.organisation_name as string}`,
      });
    }
    return out.sort((a, b) => b.fit - a.fit || a.candidateId.localeCompare(b.candidateId));
  }

  async expressInterest(
    user: AuthUser,
    vacancyId: string,
    candidateId: string,
    message: string,
  ): Promise<ExpressionOfInterestEntity> {
    const vacancy = await this.vacancy(user, vacancyId);
    const text = message.trim();
    if (text.length < 10 || text.length > 1000)
      throw badInput('The message must be 10 to 1,000 letters, saying why you would like to talk.', {
        field: 'message',
      });
    if (!isUuid(candidateId)) throw notFound('That candidate is not available.');
    const [consenting]: Row[] = await this.ds.query(
      `SELECT 1 FROM learner_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1 AND p.share_with_employers AND u.role = 'LEARNER'`,
      [candidateId],
    );
    // A learner who does not share looks exactly like one who does not exist.
    if (!consenting) throw notFound('That candidate is not available.');
    const repo = this.ds.getRepository(ExpressionOfInterestEntity);
    if (await repo.findOne({ where: { vacancyId, learnerUserId: candidateId } }))
      throw conflict('You have already expressed interest in this candidate for this vacancy.');
    const saved = await repo.save(
      repo.create({
        employerId: vacancy.organisation_id as string,
        vacancyId,
        learnerUserId: candidateId,
        sentBy: user.id,
        message: text,
      }),
    );
    await this.notifications.notify(candidateId, {
      kind: 'EMPLOYER_INTEREST',
      title: `${vacancy.organisation_name as string} is interested in you`,
      body: `For ${vacancy.title as string}: "${text}". Accept to share your name and email with them; they have neither until you do.`,
      data: { interestId: saved.id, vacancyId },
    });
    await this.audit.record({
      actorUserId: user.id,
      actorRole: user.role,
      subjectUserId: candidateId,
      action: 'INTEREST_EXPRESSED',
      reason: `vacancy ${vacancyId}`,
    });
    return saved;
  }

  async respond(user: AuthUser, interestId: string, accept: boolean): Promise<ExpressionOfInterestEntity> {
    if (!isUuid(interestId)) throw notFound('That expression of interest does not exist.');
    const repo = this.ds.getRepository(ExpressionOfInterestEntity);
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
   * only self-reported. Recording the same thing twice records it once.
   */
  async recordOutcome(user: AuthUser, interestId: string, kind: OutcomeKind): Promise<Row> {
    if (kind === 'APPLIED')
      throw badInput('Only the learner can report applying. Record INTERVIEWED or IN_WORK.');
    if (!isUuid(interestId)) throw notFound('That expression of interest does not exist.');
    const repo = this.ds.getRepository(ExpressionOfInterestEntity);
    const found = await repo.findOne({ where: { id: interestId } });
    if (!found) throw notFound('That expression of interest does not exist.');
    await this.access.requireMember(user, found.employerId, { kinds: ['EMPLOYER'] });
    if (found.status !== 'ACCEPTED')
      throw conflict(
        found.status === 'PENDING'
          ? 'The candidate has not accepted your interest yet. You can record an interview once they have.'
          : 'The candidate declined your interest, so there is nothing to record.',
      );
    const outcomes = this.ds.getRepository(LearnerOutcomeEntity);
    const already = await outcomes.findOne({
      where: { userId: found.learnerUserId, kind, opportunityId: found.vacancyId, recordedBy: 'EMPLOYER' },
    });
    if (!already) {
      await outcomes.insert({
        userId: found.learnerUserId,
        kind,
        opportunityId: found.vacancyId,
        recordedBy: 'EMPLOYER',
      });
      const [v]: Row[] = await this.ds.query(
        'SELECT o.title, e.name FROM opportunities o JOIN organisations e ON e.id = $2 WHERE o.id = $1',
        [found.vacancyId, found.employerId],
      );
      await this.notifications.notify(found.learnerUserId, {
        kind: 'EMPLOYER_OUTCOME',
        title:
          kind === 'IN_WORK'
            ? `${v.name as string} recorded that you started work with them`
            : `${v.name as string} recorded your interview`,
        body: `For ${v.title as string}. It counts towards your progress. If it is wrong, tell your adviser.`,
        data: { interestId: found.id, vacancyId: found.vacancyId, outcome: kind },
      });
      await this.audit.record({
        actorUserId: user.id,
        actorRole: user.role,
        subjectUserId: found.learnerUserId,
        action: 'OUTCOME_RECORDED',
        reason: `${kind} for vacancy ${found.vacancyId}`,
      });
    }
    const [row] = await this.withOutcomes(`WHERE i.id = $1`, [found.id]);
    return row;
  }

  mine(userId: string): Promise<Row[]> {
    return this.ds.query(
      `SELECT i.*, o.title AS vacancy_title, e.name AS employer_name, ${RECORDED_OUTCOMES} FROM expressions_of_interest i
         JOIN opportunities o ON o.id = i.vacancy_id JOIN organisations e ON e.id = i.employer_id
        WHERE i.learner_user_id = $1 ORDER BY i.created_at DESC`,
      [userId],
    );
  }

  /** An employer's expressions of interest for a vacancy; name and email only where the learner accepted. */
  async sent(user: AuthUser, vacancyId: string): Promise<Row[]> {
    await this.vacancy(user, vacancyId);
    const rows: Row[] = await this.ds.query(`${SENT_COLUMNS} WHERE i.vacancy_id = $1 ORDER BY i.created_at`, [
      vacancyId,
    ]);
    for (const r of rows.filter((x) => x.status === 'ACCEPTED')) {
      await this.audit.record({
        actorUserId: user.id,
        actorRole: user.role,
        subjectUserId: r.learner_user_id as string,
        action: 'CONTACT_VIEWED',
        reason: `accepted interest for vacancy ${vacancyId}`,
      });
    }
    return rows;
  }

  private withOutcomes(where: string, params: unknown[]): Promise<Row[]> {
    return this.ds.query(`${SENT_COLUMNS} ${where}`, params);
  }

  private async vacancy(user: AuthUser, vacancyId: string): Promise<Row> {
    if (!isUuid(vacancyId)) throw notFound('That vacancy does not exist.');
    const [v]: Row[] = await this.ds.query(
      `SELECT * FROM opportunities WHERE id = $1 AND kind IN ('VACANCY', 'APPRENTICESHIP')`,
      [vacancyId],
    );
    if (!v || !v.organisation_id) throw notFound('That vacancy does not exist.');
    await this.access.requireMember(user, v.organisation_id as string, { kinds: ['EMPLOYER'] });
    return v;
  }
}
