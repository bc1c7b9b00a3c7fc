import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { CohortEntity, CohortMemberEntity, LearnerOutcomeEntity, OutcomeKind } from '@skillpath/persistence';
import { OrganisationAccess } from '../organisations/organisation-access.service';
import { CohortsRepository } from './cohorts.repository';
import { LearnerOutcomeModel, OutcomeKindEnum, OutcomeRecorderEnum } from './cohort.models';

// No 0/O or 1/I: codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: OrganisationAccess,
    private readonly repo: CohortsRepository,
  ) {}

  async create(user: AuthUser, partnershipId: string, name: string): Promise<CohortEntity> {
    await this.access.requireMember(user, partnershipId, { kinds: ['PARTNERSHIP'] });
    // Learners see the name when they join, and it heads every exported figure.
    if (name.trim().length < 1 || name.trim().length > 120)
      throw badInput('Give the cohort a name of 1 to 120 characters.', { field: 'name' });
    const repo = this.ds.getRepository(CohortEntity);
    for (let attempt = 0; ; attempt++) {
      const joinCode = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(
        '',
      );
      try {
        return await repo.save(
          repo.create({ partnershipId, name: name.trim(), joinCode, createdBy: user.id }),
        );
      } catch (e) {
        if ((e as { code?: string }).code !== '23505' || attempt > 3) throw e;
      }
    }
  }

  async ofPartnership(user: AuthUser, partnershipId: string): Promise<CohortEntity[]> {
    await this.access.requireMember(user, partnershipId, { kinds: ['PARTNERSHIP'] });
    return this.ds
      .getRepository(CohortEntity)
      .find({ where: { partnershipId }, order: { createdAt: 'ASC' } });
  }

  /** The cohort, when the caller belongs to its partnership. */
  async forPartner(user: AuthUser, cohortId: string): Promise<CohortEntity> {
    if (!isUuid(cohortId)) throw notFound('That cohort does not exist.');
    const cohort = await this.ds.getRepository(CohortEntity).findOne({ where: { id: cohortId } });
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
    const cohort = await this.ds
      .getRepository(CohortEntity)
      .findOne({ where: { joinCode: code.trim().toUpperCase() } });
    if (!cohort) throw notFound('No cohort has that code. Check it with whoever gave it to you.');
    const repo = this.ds.getRepository(CohortMemberEntity);
    if (await repo.findOne({ where: { cohortId: cohort.id, userId: user.id } }))
      throw conflict(`You are already in ${cohort.name}.`);
    await this.ds.transaction(async (m) => {
      await m.getRepository(CohortMemberEntity).insert({
        cohortId: cohort.id,
        userId: user.id,
        consentedAt: new Date(),
        individualMonitoring,
      });
      if (individualMonitoring) await this.repo.allowPartnershipsToSeeProgress(m, user.id);
    });
    return cohort;
  }

  async leave(user: AuthUser, cohortId: string): Promise<boolean> {
    if (!isUuid(cohortId)) throw notFound('You are not in that cohort.');
    const res = await this.ds.getRepository(CohortMemberEntity).delete({ cohortId, userId: user.id });
    if (!res.affected) throw notFound('You are not in that cohort.');
    return true;
  }

  async setMonitoring(user: AuthUser, cohortId: string, consent: boolean): Promise<boolean> {
    if (!isUuid(cohortId)) throw notFound('You are not in that cohort.');
    await this.ds.transaction(async (m) => {
      const res = await m
        .getRepository(CohortMemberEntity)
        .update({ cohortId, userId: user.id }, { individualMonitoring: consent });
      if (!res.affected) throw notFound('You are not in that cohort.');
      if (consent) await this.repo.allowPartnershipsToSeeProgress(m, user.id);
    });
    return consent;
  }

  async mine(
    userId: string,
  ): Promise<Array<{ cohort: CohortEntity; individualMonitoring: boolean; partnershipName: string }>> {
    const rows = await this.ds
      .getRepository(CohortMemberEntity)
      .find({ where: { userId }, relations: { cohort: { partnership: true } } });
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
    await this.ds
      .getRepository(LearnerOutcomeEntity)
      .insert({ userId, kind, opportunityId, recordedBy: 'LEARNER' });
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
