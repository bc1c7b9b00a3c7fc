import { Injectable } from '@nestjs/common';
import { randomInt } from 'crypto';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { CohortEntity, OutcomeKind } from '@skillpath/persistence';
import { OrganisationAccess } from '../organisations/organisation-access.service';
import { CohortsRepository } from './cohorts.repository';
import { LearnerOutcomeModel, OutcomeKindEnum, OutcomeRecorderEnum } from './cohort.models';

// No 0/O or 1/I: codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

@Injectable()
export class CohortsService {
  constructor(
    private readonly access: OrganisationAccess,
    private readonly repo: CohortsRepository,
  ) {}

  async create(user: AuthUser, partnershipId: string, name: string): Promise<CohortEntity> {
    await this.access.requireMember(user, partnershipId, { kinds: ['PARTNERSHIP'] });
    // Learners see the name when they join, and it heads every exported figure.
    if (name.trim().length < 1 || name.trim().length > 120)
      throw badInput('Give the cohort a name of 1 to 120 characters.', { field: 'name' });
    for (let attempt = 0; ; attempt++) {
      const joinCode = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(
        '',
      );
      try {
        return await this.repo.createCohort({
          partnershipId,
          name: name.trim(),
          joinCode,
          createdBy: user.id,
        });
      } catch (e) {
        if ((e as { code?: string }).code !== '23505' || attempt > 3) throw e;
      }
    }
  }

  async ofPartnership(user: AuthUser, partnershipId: string): Promise<CohortEntity[]> {
    await this.access.requireMember(user, partnershipId, { kinds: ['PARTNERSHIP'] });
    return this.repo.cohortsOf(partnershipId);
  }

  /** The cohort, when the caller belongs to its partnership. */
  async forPartner(user: AuthUser, cohortId: string): Promise<CohortEntity> {
    if (!isUuid(cohortId)) throw notFound('That cohort does not exist.');
    const cohort = await this.repo.cohort({ id: cohortId });
    if (!cohort) throw notFound('That cohort does not exist.');
    await this.access.requireMember(user, cohort.partnershipId, { kinds: ['PARTNERSHIP'] });
    return cohort;
  }

  async join(
    user: AuthUser,
    code: string,
    consent: boolean,
    individualMonitoring: boolean,
  ): Promise<CohortEntity> {
    if (!consent)
      throw badInput(
        'Joining a cohort needs your consent to the partnership counting your progress in its figures.',
      );
    const cohort = await this.repo.cohort({ joinCode: code.trim().toUpperCase() });
    if (!cohort) throw notFound('No cohort has that code. Check it with whoever gave it to you.');
    // Joined once: a double submit (the primary key) is told it is already in, and changes nothing.
    await this.repo.transaction(async (m) => {
      if (!(await this.repo.addMember(m, cohort.id, user.id, individualMonitoring)))
        throw conflict(`You are already in ${cohort.name}.`);
      if (individualMonitoring) await this.repo.allowPartnershipsToSeeProgress(m, user.id);
    });
    return cohort;
  }

  async leave(user: AuthUser, cohortId: string): Promise<boolean> {
    if (!isUuid(cohortId)) throw notFound('You are not in that cohort.');
    if (!(await this.repo.removeMember(cohortId, user.id))) throw notFound('You are not in that cohort.');
    return true;
  }

  async setMonitoring(user: AuthUser, cohortId: string, consent: boolean): Promise<boolean> {
    if (!isUuid(cohortId)) throw notFound('You are not in that cohort.');
    await this.repo.transaction(async (m) => {
      if (!(await this.repo.setMonitoring(m, cohortId, user.id, consent)))
        throw notFound('You are not in that cohort.');
      if (consent) await this.repo.allowPartnershipsToSeeProgress(m, user.id);
    });
    return consent;
  }

  async mine(
    userId: string,
  ): Promise<Array<{ cohort: CohortEntity; individualMonitoring: boolean; partnershipName: string }>> {
    const rows = await this.repo.membershipsOf(userId);
    return rows.map((r) => ({
      cohort: r.cohort!,
      individualMonitoring: r.individualMonitoring,
      partnershipName: r.cohort!.partnership!.name,
    }));
  }

  async reportOutcome(userId: string, kind: OutcomeKind, opportunityId: string | null): Promise<boolean> {
    if (opportunityId !== null && !isUuid(opportunityId)) throw notFound('That opportunity does not exist.');
    if (opportunityId && !(await this.repo.opportunityExists(opportunityId)))
      throw notFound('That opportunity does not exist.');
    await this.repo.reportOutcome(userId, kind, opportunityId);
    return true;
  }

  /** The learner's own outcomes, newest first: what they reported and what employers recorded about them. */
  async outcomesOf(userId: string): Promise<LearnerOutcomeModel[]> {
    return (await this.repo.outcomesOf(userId)).map((r) => ({
      id: r.id,
      kind: r.kind as OutcomeKindEnum,
      opportunityId: r.opportunityId ?? null,
      opportunityTitle: r.title ?? null,
      at: new Date(r.at),
      recordedBy: r.recordedBy as OutcomeRecorderEnum,
      employerName: r.recordedBy === 'EMPLOYER' ? (r.organisationName ?? null) : null,
    }));
  }
}
