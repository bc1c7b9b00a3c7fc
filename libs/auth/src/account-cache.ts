import { Injectable } from '@nestjs/common';
import type { AuthUser } from './access.decorators';

/**
 * How long a looked-up account is trusted without asking PostgreSQL again. Every request used to cost
 * the guard a query; now a busy resident's requests cost one per window. An erased account or a
 * changed role takes effect at once in the process that made the change (it calls forget) and within
 * this bound on every other replica.
 */
export const ACCOUNT_CACHE_MS = 5_000;
const ACCOUNT_CACHE_MAX = 20_000;

@Injectable()
export class AccountCache {
  private readonly accounts = new Map<string, { user: AuthUser; until: number }>();

  get(userId: string, now = Date.now()): AuthUser | undefined {
    const hit = this.accounts.get(userId);
    if (!hit) return undefined;
    if (hit.until > now) return hit.user;
    this.accounts.delete(userId);
    return undefined;
  }

  remember(user: AuthUser, now = Date.now()): void {
    // A full map is emptied rather than scanned: entries live seconds, so refilling it is cheap.
    if (this.accounts.size >= ACCOUNT_CACHE_MAX) this.accounts.clear();
    this.accounts.set(user.id, { user, until: now + ACCOUNT_CACHE_MS });
  }

  /** Call after erasing an account or changing its role. */
  forget(userId: string): void {
    this.accounts.delete(userId);
  }
}
