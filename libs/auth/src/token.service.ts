import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { RefreshTokenEntity, Role } from '@skillpath/persistence';
import { unauthenticated } from '@skillpath/common';

export interface AccessClaims {
  sub: string;
  role: Role;
}

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'skillpath';
export const JWT_AUDIENCE = 'skillpath-api';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccessToken(userId: string, role: Role): Promise<string> {
    return this.jwt.signAsync({ sub: userId, role } satisfies AccessClaims, {
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    let claims: AccessClaims & { exp?: unknown; iss?: unknown; aud?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      throw unauthenticated(
        expired
          ? 'Your session has expired. Refresh it or log in again.'
          : 'That access token is not valid. Log in again.',
      );
    }
    // jsonwebtoken accepts a token with no expiry; ours always carry one.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string')
      throw unauthenticated('That access token is not valid. Log in again.');
    return { sub: claims.sub, role: claims.role };
  }

  /**
   * Issues a refresh token: in a new family (a login) whose session ends SESSION_MAX_DAYS from now, or
   * in an existing one (rotation), never outliving its session.
   */
  async issueRefreshToken(
    userId: string,
    family: { familyId: string; sessionExpiresAt: Date } = {
      familyId: randomUUID(),
      sessionExpiresAt: new Date(Date.now() + this.config.auth.sessionMaxDays * 86_400_000),
    },
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const ttlEnd = Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000;
    const expiresAt = new Date(Math.min(ttlEnd, family.sessionExpiresAt.getTime()));
    await this.refreshTokens.insert({
      userId,
      familyId: family.familyId,
      tokenHash: sha256(token),
      expiresAt,
      sessionExpiresAt: family.sessionExpiresAt,
    });
    return token;
  }

  /**
   * Spends a refresh token and returns its user and family. A token used twice means someone else
   * has a copy: the whole family is revoked, so both holders must log in again. One exception keeps
   * tabs opened together signed in: the same token presented again within REFRESH_REUSE_GRACE_SECONDS
   * of its first use (two tabs sending the same cookie at once) gets a token in the same family.
   */
  async rotate(token: string): Promise<{ userId: string; familyId: string; sessionExpiresAt: Date }> {
    const found = await this.refreshTokens.findOne({ where: { tokenHash: sha256(token) } });
    if (!found) throw unauthenticated('That refresh token is not valid. Log in again.');
    if (found.revokedAt) throw unauthenticated('That session was ended. Log in again.');
    const family = {
      userId: found.userId,
      familyId: found.familyId,
      sessionExpiresAt: found.sessionExpiresAt,
    };
    if (found.sessionExpiresAt.getTime() <= Date.now())
      throw unauthenticated(
        `Sessions last at most ${this.config.auth.sessionMaxDays} days from signing in. Log in again.`,
      );
    if (found.usedAt) {
      if (Date.now() - found.usedAt.getTime() <= this.config.auth.refreshReuseGraceSeconds * 1000)
        return family;
      await this.revokeFamily(found.familyId);
      throw unauthenticated(
        'That refresh token was already used, so the session was ended for safety. Log in again.',
      );
    }
    if (found.expiresAt.getTime() <= Date.now())
      throw unauthenticated('Your session has expired. Log in again.');
    // Guarded update: of two concurrent uses only one can mark the token used; the other is a reuse
    // within the grace window (it was marked a moment ago).
    const res = await this.refreshTokens.update({ id: found.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!res.affected && this.config.auth.refreshReuseGraceSeconds <= 0) {
      await this.revokeFamily(found.familyId);
      throw unauthenticated(
        'That refresh token was already used, so the session was ended for safety. Log in again.',
      );
    }
    return family;
  }

  /** Ends the session a refresh token belongs to (logout): every token of its family stops working. */
  async revokeSessionOf(token: string): Promise<boolean> {
    const found = await this.refreshTokens.findOne({ where: { tokenHash: sha256(token) } });
    if (!found) return false;
    await this.revokeFamily(found.familyId);
    return true;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.refreshTokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
