import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { CohortEntity, CohortMemberEntity, LearnerOutcomeEntity, OutcomeKind } from '@skillpath/persistence';
import { OrganisationAccess } from '../organisations/organisation-access.service';
import { LearnerOutcomeModel, OutcomeKindEnum, OutcomeRecorderEnum } from './cohort.models';

// No 0/O or 1/I: codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: OrganisationAccess,
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
      if (individualMonitoring) await allowPartnershipsToSeeProgress(m, user.id);
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
      if (consent) await allowPartnershipsToSeeProgress(m, user.id);
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
    if (opportunityId) {
      const [o]: Array<{ id: string }> = await this.ds.query('SELECT id FROM opportunities WHERE id = $1', [
        opportunityId,
      ]);
      if (!o) throw notFound('That opportunity does not exist.');
    }
    await this.ds
      .getRepository(LearnerOutcomeEntity)
      .insert({ userId, kind, opportunityId, recordedBy: 'LEARNER' });
    return true;
  }

  /** The learner's own outcomes, newest first: what they reported and what employers recorded about them. */
  async outcomesOf(userId: string): Promise<LearnerOutcomeModel[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT lo.id, lo.kind, lo.opportunity_id, lo.recorded_by, lo.at, o.title, o.organisation_name
         FROM learner_outcomes lo LEFT JOIN opportunities o ON o.id = lo.opportunity_id
        WHERE lo.user_id = $1 ORDER BY lo.at DESC, lo.id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as OutcomeKindEnum,
      opportunityId: (r.opportunity_id as string | null) ?? null,
      opportunityTitle: (r.title as string | null) ?? null,
      at: new Date(r.at as string),
      recordedBy: r.recorded_by as OutcomeRecorderEnum,
      employerName: r.recorded_by === 'EMPLOYER' ? ((r.organisation_name as string | null) ?? null) : null,
    }));
  }
}

/**
 * A partnership sees a member one by one only while both consents hold: the cohort's and the profile's
 * "partnerships may see my progress" (turning that off hides the learner from every cohort's list at once).
 * Saying yes for a cohort is saying yes to partnerships seeing progress, so it turns the profile's on.
 */
async function allowPartnershipsToSeeProgress(m: EntityManager, userId: string): Promise<void> {
  await m.query(
    `INSERT INTO learner_profiles (user_id, share_with_partnerships) VALUES ($1, true)
     ON CONFLICT (user_id) DO UPDATE SET share_with_partnerships = true, updated_at = now()`,
    [userId],
  );
}
