import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { badInput, conflict, isUuid, notFound } from '@skillpath/common';
import { AccreditationEntity, AccreditationStatus, CredentialEntity } from '@skillpath/persistence';
import { ListingChangeNotifier } from '../listings/listing-changes.service';
import { ListingsService } from '../listings/listings.service';
import { OrganisationAccess } from '../organisations/organisation-access.service';

type Row = Record<string, unknown>;

const ACCREDITATION_SQL = `SELECT a.*, o.title AS course_title, o.organisation_id AS provider_id, e.name AS employer_name,
    o.organisation_name AS provider_name, o.mode AS course_mode, o.borough AS course_borough,
    o.postcode AS course_postcode, o.start_date AS course_start
  FROM accreditations a JOIN opportunities o ON o.id = a.opportunity_id JOIN organisations e ON e.id = a.employer_id`;

/** A provider asks an employer to vouch for a course; the employer approves, declines or later revokes. */
@Injectable()
export class AccreditationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: OrganisationAccess,
    private readonly listings: ListingsService,
    private readonly changes: ListingChangeNotifier,
  ) {}

  async request(
    user: AuthUser,
    input: { opportunityId: string; employerId: string; skillIds: string[] },
  ): Promise<Row> {
    // Listings are public, so saying what kind one is reveals nothing: check that before membership.
    const [listing]: Row[] = isUuid(input.opportunityId)
      ? await this.ds.query('SELECT kind FROM opportunities WHERE id = $1', [input.opportunityId])
      : [];
    if (listing && listing.kind !== 'COURSE' && listing.kind !== 'BOOTCAMP') {
      throw badInput('Only courses and bootcamps can be accredited; a vacancy or apprenticeship cannot.');
    }
    const { opp } = await this.listings.own(user, input.opportunityId);
    if (opp.status !== 'ACTIVE') throw badInput('That course is no longer active.');
    if (!isUuid(input.employerId)) throw notFound('That employer does not exist.');
    const [employer]: Row[] = await this.ds.query('SELECT kind FROM organisations WHERE id = $1', [
      input.employerId,
    ]);
    if (!employer) throw notFound('That employer does not exist.');
    if (employer.kind !== 'EMPLOYER') throw badInput('Accreditation is asked of an employer organisation.');
    const skillIds = [...new Set(input.skillIds)];
    const taught: Array<{ skill_id: string }> = await this.ds.query(
      `SELECT skill_id FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'TAUGHT'`,
      [opp.id],
    );
    const untaught = skillIds.filter((s) => !taught.some((t) => t.skill_id === s));
    if (untaught.length) {
      throw badInput(
        `The course does not teach ${untaught.length === 1 ? 'that skill' : 'those skills'}: ${untaught.join(', ')}. An employer can only vouch for skills it teaches.`,
        {
          skillIds: untaught,
        },
      );
    }
    const open: Row[] = await this.ds.query(
      `SELECT id FROM accreditations WHERE opportunity_id = $1 AND employer_id = $2 AND status IN ('REQUESTED', 'ACTIVE')`,
      [opp.id, input.employerId],
    );
    if (open.length)
      throw conflict('That employer already has a request or an accreditation in force for this course.');
    const saved = await this.ds
      .getRepository(AccreditationEntity)
      .save(
        this.ds
          .getRepository(AccreditationEntity)
          .create({ opportunityId: opp.id, employerId: input.employerId, skillIds, status: 'REQUESTED' }),
      );
    return this.read(saved.id);
  }

  async approve(
    user: AuthUser,
    id: string,
    input: { validFrom?: Date; validTo: Date; guaranteedInterview: boolean },
  ): Promise<Row> {
    const a = await this.forEmployer(user, id);
    const validFrom = input.validFrom ?? new Date();
    if (input.validTo <= validFrom)
      throw badInput('validTo must be after validFrom: the accreditation would end before it starts.');
    if (input.validTo <= new Date()) throw badInput('validTo must be in the future.');
    await this.transition(a, ['REQUESTED'], {
      status: 'ACTIVE',
      validFrom,
      validTo: input.validTo,
      guaranteedInterview: input.guaranteedInterview,
      reason: null,
    });
    await this.changes.changed([a.opportunity_id as string], 'accreditation approved');
    return this.read(id);
  }

  async decline(user: AuthUser, id: string, reason: string): Promise<Row> {
    const a = await this.forEmployer(user, id);
    await this.transition(a, ['REQUESTED'], { status: 'DECLINED', reason });
    return this.read(id);
  }

  /** Stops counting at once: ranking, the course's label and every credential it backs. */
  async revoke(user: AuthUser, id: string, reason: string): Promise<Row> {
    const a = await this.forEmployer(user, id);
    await this.ds.transaction(async (m) => {
      await this.transition(a, ['ACTIVE'], { status: 'REVOKED', reason }, m);
      await m
        .getRepository(CredentialEntity)
        .update({ accreditationId: id }, { revokedAt: new Date(), revocationReason: reason });
    });
    await this.changes.changed([a.opportunity_id as string], 'accreditation revoked');
    return this.read(id);
  }

  /** Accreditations given by an employer, or asked for a provider's courses. */
  async list(user: AuthUser, organisationId: string): Promise<Row[]> {
    const org = await this.access.requireMember(user, organisationId, { kinds: ['EMPLOYER', 'PROVIDER'] });
    const column = org.kind === 'EMPLOYER' ? 'a.employer_id' : 'o.organisation_id';
    return this.ds.query(`${ACCREDITATION_SQL} WHERE ${column} = $1 ORDER BY a.created_at DESC`, [
      organisationId,
    ]);
  }

  read(id: string): Promise<Row> {
    return this.ds.query(`${ACCREDITATION_SQL} WHERE a.id = $1`, [id]).then((rows: Row[]) => rows[0]);
  }

  private async forEmployer(user: AuthUser, id: string): Promise<Row> {
    if (!isUuid(id)) throw notFound('That accreditation does not exist.');
    const a = await this.read(id);
    if (!a) throw notFound('That accreditation does not exist.');
    await this.access.requireMember(user, a.employer_id as string, { kinds: ['EMPLOYER'] });
    return a;
  }

  private async transition(
    a: Row,
    from: AccreditationStatus[],
    patch: Partial<AccreditationEntity>,
    m = this.ds.manager,
  ): Promise<void> {
    // Conditional update: two employers' clicks racing cannot both succeed.
    const res = await m
      .createQueryBuilder()
      .update(AccreditationEntity)
      .set(patch)
      .where('id = :id AND status IN (:...from)', { id: a.id, from })
      .execute();
    if (!res.affected)
      throw conflict(
        `That accreditation is ${String(a.status).toLowerCase()}, so it cannot become ${String(patch.status).toLowerCase()}.`,
      );
  }
}
