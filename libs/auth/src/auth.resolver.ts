import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError, ErrorCode } from '@skillpath/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '@skillpath/persistence';
import { AuthUser, CurrentUser, Public } from './access.decorators';
import { AuthPayloadModel, RegisterInput, UserModel } from './auth.model';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { LoginThrottleGuard } from './login-throttle.guard';
import { RateLimited, rateLimited } from './rate-limit';
import { cookieSeconds, setRefreshCookie, wantsCookieSession } from './session-cookie';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@skillpath/config';

type GqlReq = {
  ip?: string;
  socket?: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
};
type GqlRes = {
  setHeader?: (n: string, v: string | string[]) => unknown;
  getHeader?: (n: string) => unknown;
};
const ipOf = (req: GqlReq | undefined) => req?.ip ?? req?.socket?.remoteAddress ?? 'unknown';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  @Public()
  @RateLimited('register')
  @Mutation(() => AuthPayloadModel)
  async register(
    @Args('input') input: RegisterInput,
    @Context('req') req?: GqlReq,
    @Context('res') res?: GqlRes,
  ): Promise<AuthPayloadModel> {
    return this.deliver(await this.auth.register({ ...input, role: input.role ?? 'LEARNER' }), req, res);
  }

  /**
   * A browser client (header x-skillpath-session: cookie) gets its refresh token only as an HttpOnly
   * cookie, so no script in the page ever holds it; other clients get it in the body.
   */
  private deliver(result: AuthPayloadModel, req?: GqlReq, res?: GqlRes): AuthPayloadModel {
    if (!req || !res || !wantsCookieSession(req)) return result;
    setRefreshCookie(req, res, result.refreshToken, cookieSeconds(this.config));
    return { ...result, refreshToken: '' };
  }

  @Public()
  @UseGuards(LoginThrottleGuard)
  @Mutation(() => AuthPayloadModel)
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req?: GqlReq,
    @Context('res') res?: GqlRes,
  ): Promise<AuthPayloadModel> {
    const ip = ipOf(req);
    const gate = await this.limiter.gate(ip, email);
    if (!gate.allowed) throw rateLimited('sign-in', gate.retryAfterSeconds);
    try {
      const result = await this.auth.login(email, password);
      await this.limiter.succeeded(ip, email);
      return this.deliver(result, req, res);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.UNAUTHENTICATED) await this.limiter.failed(ip, email);
      throw e;
    }
  }

  @Public()
  @RateLimited('refreshToken')
  @Mutation(() => AuthPayloadModel)
  refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayloadModel> {
    return this.auth.refresh(refreshToken);
  }

  /**
   * Ends the session this refresh token belongs to, on the server: every refresh token of the session
   * stops working (access tokens lapse within ACCESS_TOKEN_TTL_SECONDS). True when a session was
   * ended; false for a token nobody knows (the answer reveals nothing more). The web app signs out
   * with POST /auth/logout, which reads its cookie.
   */
  @Public()
  @Mutation(() => Boolean)
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  /** Null when nobody is logged in, so a client can ask "who am I?" without handling an error. */
  @Public()
  @Query(() => UserModel, { nullable: true })
  async me(@CurrentUser() user?: AuthUser): Promise<UserModel | null> {
    if (!user) return null;
    return this.users.findOne({ where: { id: user.id } });
  }
}
