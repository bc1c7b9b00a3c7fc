import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService, TokenService } from '@skillpath/auth';
import { unauthenticated } from '@skillpath/common';
import { AuditService } from './audit.service';
import { PrivacyRepository } from './privacy.repository';

/** A learner's right to their data: a full export, and erasure. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rows: PrivacyRepository,
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /** Everything held about the learner, as JSON. Secrets (password hash, token hashes) are not data about them. */
  async export(userId: string): Promise<Record<string, unknown>> {
    const data = { exportedAt: new Date().toISOString(), ...(await this.rows.learnerData(userId)) };
    await this.audit.record({
      actorUserId: userId,
      actorRole: 'LEARNER',
      subjectUserId: userId,
      action: 'EXPORT',
      reason: 'learner exported their data',
    });
    return data;
  }

  /**
   * Erases the account and everything personal (profile, skills, roadmaps, notifications, tokens) by
   * cascade. The access log stays, pointing at an id that no longer exists; cohort figures already
   * published stay as anonymous counts.
   */
  async erase(userId: string, password: string): Promise<void> {
    if (!(await this.auth.verifyPassword(userId, password))) {
      throw unauthenticated('That password is not right, so nothing was deleted.');
    }
    await this.ds.transaction(async (m) => {
      await this.audit.record(
        {
          actorUserId: null,
          actorRole: 'LEARNER',
          subjectUserId: userId,
          action: 'ERASE',
          reason: 'learner deleted their account',
        },
        m,
      );
      await this.rows.deleteUser(userId, m);
    });
    await this.tokens.revokeAllForUser(userId);
  }
}
