import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'crypto';
import { Repository } from 'typeorm';
import { AuthService, LoginLimiter, TokenService } from '@skillpath/auth';
import { UserEntity } from '@skillpath/persistence';

export type AdminVerdict =
  | { ok: true; userId: string }
  | { ok: false; status: 401 | 403 | 429; message: string; retryAfterSeconds?: number };

export interface HttpCaller {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
}

const REMEMBER_MS = 10 * 60_000;
const REMEMBER_MAX = 100;

interface Remembered {
  userId: string;
  passwordHash: string;
  until: number;
}

const refuse = (status: 401 | 403, message: string): AdminVerdict => ({ ok: false, status, message });

/**
 * Who may open the admin pages over plain HTTP: an ADMIN account, by bearer access token (scripts)
 * or by HTTP Basic email and password (browsers). The role is re-read from the database every time.
 *
 * A browser resends Basic credentials with every request, and the queue board polls, so a checked
 * pair is remembered for a few minutes under a keyed hash, together with the account's password hash
 * at that moment: a changed password or an erased account stops it at once. Only real password
 * checks count against the login limits, which the GraphQL login shares; concurrent requests with
 * the same pair (a page and its assets) share one check.
 */
@Injectable()
export class AdminHttpAuth {
  private readonly key = randomBytes(32);
  private readonly remembered = new Map<string, Remembered>();
  private readonly checking = new Map<string, Promise<AdminVerdict>>();

  constructor(
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly limiter: LoginLimiter,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async check(caller: HttpCaller): Promise<AdminVerdict> {
    const raw = caller.headers.authorization;
    const header = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!header)
      return refuse(
        401,
        'Sign in with an admin account (HTTP Basic: email and password), or send "Authorization: Bearer <accessToken>".',
      );
    const space = header.indexOf(' ');
    const scheme = header.slice(0, space < 0 ? header.length : space).toLowerCase();
    const value = space < 0 ? '' : header.slice(space + 1).trim();
    if (scheme === 'bearer') return this.bearer(value);
    if (scheme === 'basic') return this.basic(value, caller.ip ?? caller.socket?.remoteAddress ?? 'unknown');
    return refuse(401, 'Use HTTP Basic (email and password) or a bearer access token.');
  }

  private async bearer(token: string): Promise<AdminVerdict> {
    let userId: string;
    try {
      userId = (await this.tokens.verifyAccessToken(token)).sub;
    } catch (e) {
      return refuse(401, e instanceof Error ? e.message : 'That access token is not valid.');
    }
    return this.admitted(await this.users.findOne({ where: { id: userId } }));
  }

  private async basic(encoded: string, ip: string): Promise<AdminVerdict> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return refuse(401, 'Send HTTP Basic credentials as email:password.');
    const id = createHmac('sha256', this.key).update(decoded).digest('base64');
    const known = this.remembered.get(id);
    if (known && known.until > Date.now()) {
      const user = await this.users.findOne({ where: { id: known.userId } });
      if (user && user.passwordHash === known.passwordHash) return this.admitted(user);
    }
    this.remembered.delete(id);
    let pending = this.checking.get(id);
    if (!pending) {
      pending = this.checkPassword(id, decoded.slice(0, colon), decoded.slice(colon + 1), ip).finally(() =>
        this.checking.delete(id),
      );
      this.checking.set(id, pending);
    }
    return pending;
  }

  private async checkPassword(
    id: string,
    email: string,
    password: string,
    ip: string,
  ): Promise<AdminVerdict> {
    const attempt = await this.limiter.attempt(ip, email);
    if (!attempt.allowed)
      return {
        ok: false,
        status: 429,
        message: `Too many sign-in attempts. Try again in ${attempt.retryAfterSeconds} s.`,
        retryAfterSeconds: attempt.retryAfterSeconds,
      };
    const user = await this.auth.checkPassword(email, password);
    if (!user) {
      await this.limiter.failed(ip, email);
      return refuse(401, 'That email and password do not match an account.');
    }
    await this.limiter.succeeded(ip, email);
    this.remember(id, user);
    return this.admitted(user);
  }

  private remember(id: string, user: UserEntity): void {
    if (this.remembered.size >= REMEMBER_MAX) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(id, {
      userId: user.id,
      passwordHash: user.passwordHash,
      until: Date.now() + REMEMBER_MS,
    });
  }

  private admitted(user: UserEntity | null): AdminVerdict {
    if (!user) return refuse(401, 'That account no longer exists.');
    if (user.role !== 'ADMIN') return refuse(403, 'Only admin accounts can open the admin pages.');
    return { ok: true, userId: user.id };
  }
}
