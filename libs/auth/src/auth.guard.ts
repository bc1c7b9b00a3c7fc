import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '@skillpath/persistence';
import { AppError, ErrorCode, forbidden, unauthenticated } from '@skillpath/common';
import { ACCESS_RULE, AccessRule, requestOf } from './access.decorators';
import { AccountCache } from './account-cache';
import { TokenService } from './token.service';

/**
 * Global guard. Every operation must declare @Public() or @Roles(...): one that declares neither is
 * refused (fail closed), and a test walks the schema to prove none is left undeclared.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly accounts: AccountCache,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    // Plain HTTP routes (health, metrics) are not GraphQL operations; they declare their own rules.
    if (!rule) {
      if (ctx.getType<string>() !== 'graphql') return true;
      throw new AppError(ErrorCode.FORBIDDEN, 'This operation has no access rule and is refused.');
    }
    const req = requestOf(ctx);
    const header = req.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const token = value?.startsWith('Bearer ') ? value.slice(7).trim() : undefined;

    if (rule.kind === 'public') {
      // Public operations still learn who is calling when a valid token is sent.
      if (token) await this.attachUser(req, token).catch(() => undefined);
      return true;
    }
    if (!token) throw unauthenticated('Please log in first: send "Authorization: Bearer <accessToken>".');
    await this.attachUser(req, token);
    if (!rule.roles.includes(req.user!.role)) {
      throw forbidden(`Only ${rule.roles.join(', ').toLowerCase()} accounts can do that.`);
    }
    return true;
  }

  private async attachUser(req: ReturnType<typeof requestOf>, token: string): Promise<void> {
    const claims = await this.tokens.verifyAccessToken(token);
    const cached = this.accounts.get(claims.sub);
    if (cached) {
      req.user = cached;
      return;
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user) throw unauthenticated('That account no longer exists.');
    req.user = { id: user.id, email: user.email, role: user.role, displayName: user.displayName };
    this.accounts.remember(req.user);
  }
}
