import { createHash } from 'crypto';
import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';

/**
 * Progressive delays after wrong passwords, instead of a lockout anyone could trigger (five wrong
 * passwords used to block any account, admins included, for everyone).
 *
 * - Per account AND address: after 3 failures, each further one makes that address wait 1 s, 2 s, 4 s …
 *   up to 60 s before its next try on that account. Someone guessing from one place slows only themselves.
 * - Per account, from every address: after 10 failures in the window, 1 s, 2 s … up to 15 s. This slows
 *   a botnet; it never applies to an address this account has signed in from in the last 30 days, so an
 *   attack on an account does not keep its owner out at home, and elsewhere costs them at most 15 s.
 * Counters forget after 15 minutes without failures; a successful sign-in clears its address's counter.
 */
export const LOGIN_DELAYS = {
  perAccountAndIp: { free: 3, baseSeconds: 1, capSeconds: 60 },
  perAccount: { free: 10, baseSeconds: 1, capSeconds: 15 },
  windowSeconds: 15 * 60,
  knownAddressDays: 30,
} as const;

/** Seconds to wait after the n-th failure (n ≥ 1) under a rule; 0 while within its free attempts. */
export function delayAfterFailures(
  failures: number,
  rule: { free: number; baseSeconds: number; capSeconds: number },
): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
}

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The delays' state, in Redis under the app's prefix, so every API replica applies the same waits. */
export class LoginDelays {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly now: () => number = Date.now,
  ) {}

  private keys(ip: string, email: string) {
    return {
      pair: `login-delay:pair:${digest(email, ip)}`,
      account: `login-delay:account:${digest(email)}`,
      known: `login-delay:known:${digest(email, ip)}`,
    };
  }

  /** May this address try a password on this account now? */
  async gate(ip: string, email: string): Promise<LoginGate> {
    const k = this.keys(ip, email);
    const [pairNext, accountNext, known] = await Promise.all([
      this.redis.hget(k.pair, 'next'),
      this.redis.hget(k.account, 'next'),
      this.redis.exists(k.known),
    ]);
    const waits = [Number(pairNext ?? 0), known ? 0 : Number(accountNext ?? 0)];
    const until = Math.max(...waits);
    const now = this.now();
    if (until <= now) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
  }

  async failed(ip: string, email: string): Promise<void> {
    const k = this.keys(ip, email);
    const window = LOGIN_DELAYS.windowSeconds;
    const [pairCount, accountCount] = await Promise.all([
      this.redis.hincrby(k.pair, 'n', 1),
      this.redis.hincrby(k.account, 'n', 1),
    ]);
    const now = this.now();
    const pairDelay = delayAfterFailures(pairCount, LOGIN_DELAYS.perAccountAndIp);
    const accountDelay = delayAfterFailures(accountCount, LOGIN_DELAYS.perAccount);
    await Promise.all([
      this.redis.hset(k.pair, 'next', String(now + pairDelay * 1000)),
      this.redis.hset(k.account, 'next', String(now + accountDelay * 1000)),
      this.redis.expire(k.pair, window),
      this.redis.expire(k.account, window),
    ]);
  }

  /** The owner got in from here: this address's counter is cleared and it is remembered as theirs. */
  async succeeded(ip: string, email: string): Promise<void> {
    const k = this.keys(ip, email);
    await Promise.all([
      this.redis.del(k.pair),
      this.redis.set(k.known, '1', 'EX', LOGIN_DELAYS.knownAddressDays * 86_400),
    ]);
  }
}
