import { Repository } from 'typeorm';
import { Role, UserEntity } from '@skillpath/persistence';
import { badInput, conflict } from '@skillpath/common';
import { PasswordService } from './password.service';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  role: Role;
}

/**
 * Creating accounts: the rules every way in shares (self-registration through AuthService, the
 * operators' `user:create` CLI, which may create admins). No Nest wiring needed, so the CLI builds it
 * over its own DataSource.
 */
export class UserAccounts {
  constructor(
    private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
  ) {}

  async createUser(input: NewUser): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    if (input.password.length < 10) throw badInput('password must be at least 10 characters');
    const existing = await this.users.findOne({ where: { email } });
    if (existing) throw conflict('An account with that email already exists. Log in instead.');
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.users.save(
        this.users.create({ email, passwordHash, displayName: input.displayName.trim(), role: input.role }),
      );
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw conflict('An account with that email already exists.');
      throw e;
    }
  }
}
