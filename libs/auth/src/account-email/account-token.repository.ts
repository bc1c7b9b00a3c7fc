import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import {
  AccountTokenEntity,
  AccountTokenPurpose,
  RefreshTokenEntity,
  UserEntity,
} from '@skillpath/persistence';

/** The queries behind emailed account links: tokens (by hash), the account they open, its sessions. */
@Injectable()
export class AccountTokenRepository {
  constructor(
    @InjectRepository(AccountTokenEntity) private readonly tokens: Repository<AccountTokenEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
  ) {}

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email } });
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Stores a new token and spends any earlier unused one for the same purpose: only the latest link works. */
  async replace(
    userId: string,
    purpose: AccountTokenPurpose,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await this.tokens.manager.transaction(async (m) => {
      const repo = m.getRepository(AccountTokenEntity);
      await repo.update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
      await repo.insert({ userId, purpose, tokenHash, expiresAt });
    });
  }

  /**
   * Spends the unexpired, unused token with this hash and returns its user id, or null. One guarded
   * UPDATE, so two uses of one link at the same moment cannot both succeed.
   */
  async spend(purpose: AccountTokenPurpose, tokenHash: string): Promise<string | null> {
    const found = await this.tokens.findOne({
      where: { purpose, tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!found) return null;
    const res = await this.tokens.update({ id: found.id, usedAt: IsNull() }, { usedAt: new Date() });
    return res.affected ? found.userId : null;
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash });
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.users.update({ id: userId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
  }

  /** Ends every session of the account: after a password reset, whoever had the old password is out. */
  async revokeSessions(userId: string): Promise<void> {
    await this.refreshTokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
