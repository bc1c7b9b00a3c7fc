import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  OrganisationEntity,
  OrganisationKind,
  OrganisationMemberEntity,
  Role,
  UserEntity,
} from '@skillpath/persistence';
import { badInput, unauthenticated } from '@skillpath/common';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';
import { NewUser, UserAccounts } from './user-accounts';
import { AccountEmailService } from './account-email/account-email.service';

export type { NewUser };

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  user: UserEntity;
}

const ORGANISATION_KIND_OF_ROLE: Partial<Record<Role, OrganisationKind>> = {
  EMPLOYER: 'EMPLOYER',
  PROVIDER: 'PROVIDER',
  PARTNER: 'PARTNERSHIP',
};

@Injectable()
export class AuthService {
  // Verifying against a real hash when the email is unknown keeps login time the same either way.
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly accountEmail: AccountEmailService,
  ) {}

  /** Creates an account; used by self-registration and by the operators' CLI (which may create admins). */
  createUser(input: NewUser): Promise<UserEntity> {
    return new UserAccounts(this.users, this.passwords).createUser(input);
  }

  /** With organisationName, an employer, provider or partner also creates that organisation and owns it. */
  async register(input: NewUser & { organisationName?: string }): Promise<AuthResult> {
    if (input.role === 'ADMIN')
      throw badInput('Admin accounts are created by an operator, not by registering.');
    const orgName = input.organisationName?.trim();
    const kind = ORGANISATION_KIND_OF_ROLE[input.role];
    if (orgName && !kind)
      throw badInput('Only employer, provider and partner accounts register an organisation.');
    const user = await this.createUser(input);
    if (orgName && kind) {
      await this.users.manager.transaction(async (m) => {
        const org = await m
          .getRepository(OrganisationEntity)
          .save(m.getRepository(OrganisationEntity).create({ name: orgName, kind }));
        await m
          .getRepository(OrganisationMemberEntity)
          .insert({ organisationId: org.id, userId: user.id, role: 'OWNER' });
      });
    }
    await this.accountEmail.sendVerification(user.id);
    return this.issue(user);
  }

  async login(email: string, password: string): Promise<AuthResult> {
    const user = await this.checkPassword(email, password);
    if (!user) throw unauthenticated('That email and password do not match an account.');
    return this.issue(user);
  }

  /** The account these credentials open, or null; issues no token (HTTP Basic on the admin pages). */
  async checkPassword(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    this.dummyHash ??= this.passwords.hash('not-a-real-password');
    const ok = await this.passwords.verify(user?.passwordHash ?? (await this.dummyHash), password);
    return user && ok ? user : null;
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const { userId, ...family } = await this.tokens.rotate(refreshToken);
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw unauthenticated('That account no longer exists.');
    return {
      user,
      accessToken: await this.tokens.signAccessToken(user.id, user.role),
      refreshToken: await this.tokens.issueRefreshToken(user.id, family),
    };
  }

  /** Logout: ends the session (refresh-token family) the token belongs to. Unknown tokens end nothing. */
  logout(refreshToken: string): Promise<boolean> {
    return this.tokens.revokeSessionOf(refreshToken);
  }

  async verifyPassword(userId: string, password: string): Promise<boolean> {
    const user = await this.users.findOne({ where: { id: userId } });
    return !!user && this.passwords.verify(user.passwordHash, password);
  }

  private async issue(user: UserEntity): Promise<AuthResult> {
    return {
      user,
      accessToken: await this.tokens.signAccessToken(user.id, user.role),
      refreshToken: await this.tokens.issueRefreshToken(user.id),
    };
  }
}
