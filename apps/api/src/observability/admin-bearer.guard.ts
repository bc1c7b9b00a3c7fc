import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenService } from '@skillpath/auth';

/** Plain-HTTP admin pages: a valid access token of a user who is ADMIN now (the role is re-read). */
@Injectable()
export class AdminBearerGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const raw = req.headers.authorization;
    const header = Array.isArray(raw) ? raw[0] : raw;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token)
      throw new UnauthorizedException('Send "Authorization: Bearer <accessToken>" of an admin account.');
    let userId: string;
    try {
      userId = (await this.tokens.verifyAccessToken(token)).sub;
    } catch (e) {
      throw new UnauthorizedException(e instanceof Error ? e.message : 'That access token is not valid.');
    }
    const rows = (await this.ds.query('SELECT role FROM users WHERE id = $1', [userId])) as {
      role: string;
    }[];
    if (!rows.length) throw new UnauthorizedException('That account no longer exists.');
    if (rows[0].role !== 'ADMIN') throw new ForbiddenException('Only admin accounts can see the queues.');
    return true;
  }
}
