import { isUuid } from '@skillpath/common';
import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { createHash, randomBytes, randomInt, randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { CredentialEntity } from '@skillpath/persistence';
import { encodeStatusList, STATUS_LIST_LENGTH } from './bitstring-status-list';
import { CredentialSigner } from './credential-signer';
import {
  BackingAccreditationRow,
  CourseRow,
  CredentialSkillRow,
  CredentialsRepository,
} from './credentials.repository';

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

/** Issues Open Badges 3.0 OpenBadgeCredentials for completed accredited courses, and checks them. */
@Injectable()
export class CredentialsService {
  readonly signer: CredentialSigner;
  readonly issuerId: string;

  constructor(
    private readonly repo: CredentialsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.issuerId = `${config.publicUrl}/credentials/issuer`;
    this.signer = new CredentialSigner(config.credentials.signingSeed, `${this.issuerId}#key-1`);
  }

  /**
   * One credential per accreditation in force for the course, each carrying that employer's
   * endorsement. Only VERIFIED organisations count: no credential names an unverified employer or provider.
   */
  async issueForCompletion(m: EntityManager, userId: string, opportunityId: string): Promise<string[]> {
    const accreditations = await this.repo.backingAccreditations(m, userId, opportunityId);
    if (!accreditations.length) return [];
    const course = await this.repo.course(m, opportunityId);
    // The credential names the provider as its creator: an unverified provider is named on none.
    if (course.organisationId && course.providerVerification !== 'VERIFIED') return [];
    const learner = await this.repo.learner(m, userId);
    const allSkills = await this.repo.skills(
      m,
      [...new Set(accreditations.flatMap((a) => a.skillIds))],
      opportunityId,
    );
    const indexes = await this.statusIndexes(m, accreditations.length);
    const ids: string[] = [];
    for (const [k, a] of accreditations.entries()) {
      const skills = allSkills.filter((s) => a.skillIds.includes(s.id));
      const id = randomUUID();
      const issuedAt = new Date();
      const expiresAt = a.validTo ?? null;
      const vc = this.buildCredential({
        id,
        issuedAt,
        expiresAt,
        course,
        learner,
        accreditation: a,
        skills,
        statusListIndex: indexes[k],
      });
      const payload = {
        iss: this.issuerId,
        jti: vc.id,
        sub: `urn:uuid:${userId}`,
        nbf: Math.floor(issuedAt.getTime() / 1000),
        ...(expiresAt ? { exp: Math.floor(expiresAt.getTime() / 1000) } : {}),
        vc,
      };
      await this.repo.insert(m, {
        id,
        userId,
        opportunityId,
        accreditationId: a.id,
        achievementName: course.title,
        jws: this.signer.sign(payload),
        issuedAt,
        expiresAt,
        statusListIndex: indexes[k],
      });
      ids.push(id);
    }
    return ids;
  }

  /** Random unused bits of the status list (random, so a credential's position says nothing of its age). */
  private async statusIndexes(m: EntityManager, n: number): Promise<number[]> {
    const out: number[] = [];
    for (let attempt = 0; out.length < n; attempt++) {
      if (attempt > 20) throw new Error('the credential status list is full');
      const picks = [...new Set(Array.from({ length: n * 2 }, () => randomInt(STATUS_LIST_LENGTH)))].filter(
        (i) => !out.includes(i),
      );
      out.push(...(await this.repo.freeStatusIndexes(m, picks)).slice(0, n - out.length));
    }
    return out;
  }

  get statusListUrl(): string {
    return `${this.config.publicUrl}/credentials/status/1`;
  }

  /**
   * The signed BitstringStatusListCredential (VC-JWT) a verifier fetches from `statusListCredential`:
   * a set bit means the credential no longer holds (revoked, its accreditation withdrawn or its
   * employer's verification withdrawn).
   */
  async statusListCredential(): Promise<string> {
    const now = new Date();
    const vc = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: this.statusListUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: this.issuerId,
      validFrom: now.toISOString(),
      credentialSubject: {
        id: `${this.statusListUrl}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: encodeStatusList(await this.repo.revokedIndexes()),
      },
    };
    return this.signer.sign({ iss: this.issuerId, jti: vc.id, iat: Math.floor(now.getTime() / 1000), vc });
  }

  credentialUrl(id: string): string {
    return `${this.config.publicUrl}/credentials/${id}`;
  }

  private buildCredential(p: {
    id: string;
    issuedAt: Date;
    expiresAt: Date | null;
    course: CourseRow;
    learner: { email: string; displayName: string };
    accreditation: BackingAccreditationRow;
    skills: CredentialSkillRow[];
    statusListIndex: number;
  }) {
    const base = this.config.publicUrl;
    const salt = randomBytes(8).toString('hex');
    const achievementId = `${base}/achievements/${p.course.id}`;
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
      name: p.course.title,
      credentialSubject: {
        type: ['AchievementSubject'],
        name: p.learner.displayName,
        // The learner's email, salted and hashed: the holder can prove it is theirs without publishing it.
        identifier: [
          {
            type: 'IdentityObject',
            identityType: 'emailAddress',
            hashed: true,
            salt,
            identityHash: `sha256$${createHash('sha256').update(`${p.learner.email}${salt}`).digest('hex')}`,
          },
        ],
        achievement: {
          id: achievementId,
          type: ['Achievement'],
          achievementType: p.course.kind === 'BOOTCAMP' ? 'Certificate' : 'Course',
          name: p.course.title,
          description: p.course.description ?? `Completed ${p.course.title}.`,
          criteria: {
            narrative: 'Completion recorded by the training provider and confirmed by the learner.',
          },
          creator: {
            id: `${base}/organisations/${p.course.organisationId}`,
            type: ['Profile'],
            name: p.course.providerName ?? p.course.organisationName,
          },
          alignment: p.skills.map((s) => ({
            type: ['Alignment'],
            targetName: s.label,
            targetUrl: s.uri ?? `${base}/skills/${s.id}`,
            targetFramework: 'ESCO',
            ...(s.uri ? { targetCode: s.uri } : {}),
            ...(s.level ? { targetDescription: `Proficiency ${s.level} of 5` } : {}),
          })),
          endorsement: [
            {
              '@context': [
                'https://www.w3.org/ns/credentials/v2',
                'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
              ],
              id: `${base}/accreditations/${p.accreditation.id}`,
              type: ['VerifiableCredential', 'EndorsementCredential'],
              name: `${p.accreditation.employerName} accredits ${p.course.title}`,
              issuer: {
                id: `${base}/organisations/${p.accreditation.employerId}`,
                type: ['Profile'],
                name: p.accreditation.employerName,
              },
              validFrom: new Date(p.accreditation.validFrom ?? p.issuedAt).toISOString(),
              ...(p.accreditation.validTo
                ? { validUntil: new Date(p.accreditation.validTo).toISOString() }
                : {}),
              credentialSubject: {
                id: achievementId,
                type: ['EndorsementSubject'],
                endorsementComment: `${p.accreditation.employerName} vouches that this course teaches ${p.skills.map((s) => s.label).join(', ')} to the level it claims${p.accreditation.guaranteedInterview ? ', and guarantees its graduates an interview' : ''}.`,
              },
            },
          ],
        },
      },
      // W3C Bitstring Status List: the bit at statusListIndex of the list credential says whether it is revoked.
      credentialStatus: {
        id: `${this.statusListUrl}#${p.statusListIndex}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(p.statusListIndex),
        statusListCredential: this.statusListUrl,
      },
    };
  }

  /**
   * Signature, then that it is the very credential Skillpath stored under its id (a payload altered or
   * re-signed, even with Skillpath's key, is not), then revocation (the credential, its accreditation or
   * its employer's verification), then expiry. Needs no login.
   */
  async verify(input: { jws?: string; id?: string }): Promise<CredentialCheck> {
    let jws = input.jws?.trim();
    if (!jws && input.id) {
      if (!isUuid(input.id)) return this.fail('No credential has that id.');
      const byId = await this.repo.stored(input.id);
      if (!byId) return this.fail('No credential has that id.');
      jws = byId.jws;
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
    const row = isUuid(credentialId) ? await this.repo.stored(credentialId) : null;
    const base = { signatureValid: true, credentialId: row ? row.id : null, credential: vc };
    if (!row)
      return {
        ...base,
        valid: false,
        revoked: true,
        expired: false,
        reason: 'Skillpath has no record of this credential: it has been withdrawn.',
      };
    if (row.jws !== jws) {
      const stored = this.signer.verify(row.jws);
      const samePayload = stored !== null && canonicalize(stored) === canonicalize(payload);
      return {
        ...base,
        credential: null,
        valid: false,
        revoked: false,
        expired: false,
        reason: samePayload
          ? 'This is not the credential Skillpath issued under that id: its header was changed.'
          : 'This is not the credential Skillpath issued under that id: its contents differ from what was issued (altered or re-signed).',
      };
    }
    if (row.revokedAt || !row.accreditationStatus || row.accreditationStatus === 'REVOKED') {
      const why =
        row.revocationReason ?? row.accreditationReason ?? 'the employer withdrew its accreditation';
      return { ...base, valid: false, revoked: true, expired: false, reason: `Revoked: ${why}.` };
    }
    if (row.employerVerification !== 'VERIFIED') {
      return {
        ...base,
        valid: false,
        revoked: true,
        expired: false,
        reason: 'Revoked: the employer that accredits it is not a verified organisation.',
      };
    }
    const now = Date.now();
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
    const accTo = row.accreditationValidTo ? new Date(row.accreditationValidTo).getTime() : null;
    if (
      row.accreditationStatus === 'EXPIRED' ||
      (exp !== null && exp <= now) ||
      (accTo !== null && accTo <= now)
    ) {
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
    return this.repo.ofLearner(userId);
  }

  idsFor(userId: string, opportunityId: string, m?: EntityManager): Promise<string[]> {
    return this.repo.idsFor(userId, opportunityId, m);
  }

  async jwsOf(id: string): Promise<string> {
    return (await this.repo.stored(id))!.jws;
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
