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

  /** Issues a refresh token, in a new family unless one is given (rotation). */
  async issueRefreshToken(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000);
    await this.refreshTokens.insert({ userId, familyId, tokenHash: sha256(token), expiresAt });
    return token;
  }

  /**
   * Spends a refresh token and returns its user and family. A token used twice means someone else
   * has a copy: the whole family is revoked, so both holders must log in again.
   */
  async rotate(token: string): Promise<{ userId: string; familyId: string }> {
    const found = await this.refreshTokens.findOne({ where: { tokenHash: sha256(token) } });
    if (!found) throw unauthenticated('That refresh token is not valid. Log in again.');
    if (found.revokedAt) throw unauthenticated('That session was ended. Log in again.');
    if (found.usedAt) {
      await this.revokeFamily(found.familyId);
      throw unauthenticated(
        'That refresh token was already used, so the session was ended for safety. Log in again.',
      );
    }
    if (found.expiresAt.getTime() <= Date.now())
      throw unauthenticated('Your session has expired. Log in again.');
    // Guarded update: of two concurrent uses only one can mark the token used.
    const res = await this.refreshTokens.update({ id: found.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!res.affected) {
      await this.revokeFamily(found.familyId);
      throw unauthenticated(
        'That refresh token was already used, so the session was ended for safety. Log in again.',
      );
    }
    return { userId: found.userId, familyId: found.familyId };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.refreshTokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
