import { isUuid } from '@skillpath/common';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { CredentialEntity } from '@skillpath/persistence';
import { CredentialSigner } from './credential-signer';

export interface CredentialCheck {
  valid: boolean;
  signatureValid: boolean;
  revoked: boolean;
  expired: boolean;
  reason: string;
  credentialId: string | null;
  /** The Open Badges credential, when the signature holds. */
  credential: Record<string, unknown> | null;
}

type Row = Record<string, unknown>;

/** Issues Open Badges 3.0 OpenBadgeCredentials for completed accredited courses, and checks them. */
@Injectable()
export class CredentialsService {
  readonly signer: CredentialSigner;
  readonly issuerId: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.issuerId = `${config.publicUrl}/credentials/issuer`;
    this.signer = new CredentialSigner(config.credentials.signingSeed, `${this.issuerId}#key-1`);
  }

  /** One credential per accreditation in force for the course, each carrying that employer's endorsement. */
  async issueForCompletion(m: EntityManager, userId: string, opportunityId: string): Promise<string[]> {
    const accreditations: Row[] = await m.query(
      `SELECT a.*, e.name AS employer_name FROM accreditations a JOIN organisations e ON e.id = a.employer_id
        WHERE a.opportunity_id = $1 AND a.status = 'ACTIVE'
          AND (a.valid_from IS NULL OR a.valid_from <= now()) AND (a.valid_to IS NULL OR a.valid_to > now())
          AND NOT EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = $2 AND c.accreditation_id = a.id)`,
      [opportunityId, userId],
    );
    if (!accreditations.length) return [];
    const [course]: Row[] = await m.query(
      `SELECT o.*, org.name AS provider_name FROM opportunities o LEFT JOIN organisations org ON org.id = o.organisation_id WHERE o.id = $1`,
      [opportunityId],
    );
    const [learner]: Row[] = await m.query('SELECT email, display_name FROM users WHERE id = $1', [userId]);
    const ids: string[] = [];
    for (const a of accreditations) {
      const skills: Row[] = await m.query(
        `SELECT s.id, s.uri, s.label, os.level FROM skills s
           LEFT JOIN opportunity_skills os ON os.skill_id = s.id AND os.opportunity_id = $2 AND os.role = 'TAUGHT'
          WHERE s.id = ANY($1::uuid[]) ORDER BY s.label`,
        [a.skill_ids, opportunityId],
      );
      const id = randomUUID();
      const issuedAt = new Date();
      const expiresAt = (a.valid_to as Date | null) ?? null;
      const vc = this.buildCredential({ id, issuedAt, expiresAt, course, learner, accreditation: a, skills });
      const payload = {
        iss: this.issuerId,
        jti: vc.id,
        sub: `urn:uuid:${userId}`,
        nbf: Math.floor(issuedAt.getTime() / 1000),
        ...(expiresAt ? { exp: Math.floor(expiresAt.getTime() / 1000) } : {}),
        vc,
      };
      await m.getRepository(CredentialEntity).insert({
        id,
        userId,
        opportunityId,
        accreditationId: a.id as string,
        achievementName: course.title as string,
        jws: this.signer.sign(payload),
        issuedAt,
        expiresAt,
      });
      ids.push(id);
    }
    return ids;
  }

  credentialUrl(id: string): string {
    return `${this.config.publicUrl}/credentials/${id}`;
  }

  private buildCredential(p: {
    id: string;
    issuedAt: Date;
    expiresAt: Date | null;
    course: Row;
    learner: Row;
    accreditation: Row;
    skills: Row[];
  }) {
    const base = this.config.publicUrl;
    const salt = randomBytes(8).toString('hex');
    const achievementId = `${base}/achievements/${p.course.id as string}`;
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: this.credentialUrl(p.id),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: this.issuerId, type: ['Profile'], name: 'Skillpath', url: base },
      validFrom: p.issuedAt.toISOString(),
      ...(p.expiresAt ? { validUntil: p.expiresAt.toISOString() } : {}),
      name: p.course.title as string,
      credentialSubject: {
        type: ['AchievementSubject'],
        name: p.learner.display_name as string,
        // The learner's email, salted and hashed: the holder can prove it is theirs without publishing it.
        identifier: [
          {
            type: 'IdentityObject',
            identityType: 'emailAddress',
            hashed: true,
            salt,
            identityHash: `sha256$${createHash('sha256')
              .update(`${p.learner.email as string}${salt}`)
              .digest('hex')}`,
          },
        ],
        achievement: {
          id: achievementId,
          type: ['Achievement'],
          achievementType: p.course.kind === 'BOOTCAMP' ? 'Certificate' : 'Course',
          name: p.course.title as string,
          description: (p.course.description as string | null) ?? `Completed ${p.course.title as string}.`,
          criteria: {
            narrative: 'Completion recorded by the training provider and confirmed by the learner.',
          },
          creator: {
            id: `${base}/organisations/${p.course.organisation_id as string}`,
            type: ['Profile'],
            name: (p.course.provider_name as string) ?? (p.course.organisation_name as string),
          },
          alignment: p.skills.map((s) => ({
            type: ['Alignment'],
            targetName: s.label as string,
            targetUrl: (s.uri as string | null) ?? `${base}/skills/${s.id as string}`,
            targetFramework: 'ESCO',
            ...(s.uri ? { targetCode: s.uri as string } : {}),
            ...(s.level ? { targetDescription: `Proficiency ${s.level as number} of 5` } : {}),
          })),
          endorsement: [
            {
              '@context': [
                'https://www.w3.org/ns/credentials/v2',
                'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
              ],
              id: `${base}/accreditations/${p.accreditation.id as string}`,
              type: ['VerifiableCredential', 'EndorsementCredential'],
              name: `${p.accreditation.employer_name as string} accredits ${p.course.title as string}`,
              issuer: {
                id: `${base}/organisations/${p.accreditation.employer_id as string}`,
                type: ['Profile'],
                name: p.accreditation.employer_name as string,
              },
              validFrom: new Date((p.accreditation.valid_from as Date | null) ?? p.issuedAt).toISOString(),
              ...(p.accreditation.valid_to
                ? { validUntil: new Date(p.accreditation.valid_to as Date).toISOString() }
                : {}),
              credentialSubject: {
                id: achievementId,
                type: ['EndorsementSubject'],
                endorsementComment: `${p.accreditation.employer_name as string} vouches that this course teaches ${p.skills.map((s) => s.label as string).join(', ')} to the level it claims${p.accreditation.guaranteed_interview ? ', and guarantees its graduates an interview' : ''}.`,
              },
            },
          ],
        },
      },
      credentialStatus: { id: `${this.credentialUrl(p.id)}/verify`, type: 'SkillpathRevocationCheck' },
    };
  }

  /** Signature, then revocation (credential or accreditation), then expiry. Needs no login. */
  async verify(input: { jws?: string; id?: string }): Promise<CredentialCheck> {
    let jws = input.jws?.trim();
    let row: Row | undefined;
    if (!jws && input.id) {
      if (!isUuid(input.id)) return this.fail('No credential has that id.');
      [row] = await this.ds.query('SELECT * FROM credentials WHERE id = $1', [input.id]);
      if (!row) return this.fail('No credential has that id.');
      jws = row.jws as string;
    }
    if (!jws) return this.fail('Give a credential (the signed JWS) or its id.');
    const payload = this.signer.verify(jws);
    if (!payload)
      return this.fail(
        'The signature does not match: this credential was not issued by Skillpath, or it has been altered.',
      );
    const vc = payload.vc as Record<string, unknown>;
    const credentialId =
      String(payload.jti ?? '')
        .split('/')
        .pop() ?? '';
    if (!row && isUuid(credentialId))
      [row] = await this.ds.query('SELECT * FROM credentials WHERE id = $1', [credentialId]);
    const base = { signatureValid: true, credentialId: row ? (row.id as string) : null, credential: vc };
    if (!row)
      return {
        ...base,
        valid: false,
        revoked: true,
        expired: false,
        reason: 'Skillpath has no record of this credential: it has been withdrawn.',
      };
    const [acc]: Row[] = row.accreditation_id
      ? await this.ds.query('SELECT status, valid_to, reason FROM accreditations WHERE id = $1', [
          row.accreditation_id,
        ])
      : [];
    if (row.revoked_at || !acc || acc.status === 'REVOKED') {
      const why =
        (row.revocation_reason as string | null) ??
        (acc?.reason as string | null) ??
        'the employer withdrew its accreditation';
      return { ...base, valid: false, revoked: true, expired: false, reason: `Revoked: ${why}.` };
    }
    const now = Date.now();
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
    const accTo = acc.valid_to ? new Date(acc.valid_to as string).getTime() : null;
    if (acc.status === 'EXPIRED' || (exp !== null && exp <= now) || (accTo !== null && accTo <= now)) {
      return {
        ...base,
        valid: false,
        revoked: false,
        expired: true,
        reason: 'Expired: the accreditation behind it has ended.',
      };
    }
    return {
      ...base,
      valid: true,
      revoked: false,
      expired: false,
      reason: 'Valid: issued by Skillpath, unaltered, not revoked and not expired.',
    };
  }

  ofLearner(userId: string): Promise<CredentialEntity[]> {
    return this.ds.getRepository(CredentialEntity).find({ where: { userId }, order: { issuedAt: 'DESC' } });
  }

  async jwsOf(id: string): Promise<string> {
    const [row]: Row[] = await this.ds.query('SELECT jws FROM credentials WHERE id = $1', [id]);
    return row.jws as string;
  }

  private fail(reason: string): CredentialCheck {
    return {
      valid: false,
      signatureValid: false,
      revoked: false,
      expired: false,
      reason,
      credentialId: null,
      credential: null,
    };
  }
}
