import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import type { AccountTokenPurpose, UserEntity } from '@skillpath/persistence';
import { badInput } from '@skillpath/common';
import { AccountMail } from '../mail/mailer';
import { PasswordService } from '../password.service';
import { AccountTokenRepository } from './account-token.repository';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** How long an emailed link works. */
export const LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  RESET_PASSWORD: 60 * 60_000,
  VERIFY_EMAIL: 7 * 24 * 60 * 60_000,
};

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Password reset and email verification by emailed link. A link carries a random token; only its hash
 * is stored; it works once and expires. Asking for a reset answers the same whether or not the email
 * has an account, and the email itself is sent in the background so timing does not tell either.
 */
@Injectable()
export class AccountEmailService {
  constructor(
    private readonly repo: AccountTokenRepository,
    private readonly passwords: PasswordService,
    private readonly mail: AccountMail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async newLink(user: UserEntity, purpose: AccountTokenPurpose, path: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repo.replace(
      user.id,
      purpose,
      sha256(token),
      new Date(Date.now() + LINK_LIFETIME_MS[purpose]),
    );
    // In the fragment, so the token never reaches a server log or a Referer header.
    return `${this.config.publicUrl}${path}#token=${token}`;
  }

  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.repo.findUserByEmail(email.trim().toLowerCase());
    if (!user) return;
    const link = await this.newLink(user, 'RESET_PASSWORD', '/reset-password');
    this.mail.sendLater({
      to: user.email,
      subject: 'Reset your Skillpath password',
      text: [
        `Hello ${user.displayName},`,
        '',
        'Someone asked to reset the password of your Skillpath account. To choose a new password, open this link:',
        '',
        link,
        '',
        'The link works once, for 1 hour. If you did not ask, you can ignore this email: your password has not changed.',
      ].join('\n'),
    });
  }

  /** Sets a new password from a reset link and signs the account out everywhere. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    if (newPassword.length < MIN_PASSWORD_LENGTH)
      throw badInput(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
    const userId = await this.repo.spend('RESET_PASSWORD', sha256(token));
    if (!userId)
      throw badInput('That reset link has expired or has already been used. Ask for a new one.', {
        field: 'token',
      });
    await this.repo.setPassword(userId, await this.passwords.hash(newPassword));
    // Following the link proves the person reads this address.
    await this.repo.markEmailVerified(userId);
    await this.repo.revokeSessions(userId);
  }

  async sendVerification(userId: string): Promise<void> {
    const user = await this.repo.findUser(userId);
    if (!user || user.emailVerifiedAt) return;
    const link = await this.newLink(user, 'VERIFY_EMAIL', '/verify-email');
    this.mail.sendLater({
      to: user.email,
      subject: 'Confirm your email address for Skillpath',
      text: [
        `Hello ${user.displayName},`,
        '',
        'Please confirm this is your email address, so you can reset your password if you forget it:',
        '',
        link,
        '',
        'The link works once, for 7 days. If you did not create a Skillpath account, you can ignore this email.',
      ].join('\n'),
    });
  }

  async verifyEmail(token: string): Promise<void> {
    const userId = await this.repo.spend('VERIFY_EMAIL', sha256(token));
    if (!userId)
      throw badInput('That confirmation link has expired or has already been used. Ask for a new one.', {
        field: 'token',
      });
    await this.repo.markEmailVerified(userId);
  }
}
