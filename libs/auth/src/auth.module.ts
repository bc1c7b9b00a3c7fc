import { createSecretKey } from 'crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { AccountTokenEntity, RefreshTokenEntity, UserEntity } from '@skillpath/persistence';
import { AccountEmailResolver } from './account-email/account-email.resolver';
import { AccountEmailService } from './account-email/account-email.service';
import { AccountTokenRepository } from './account-email/account-token.repository';
import { AccountMail } from './mail/mailer';
import { AuthGuard } from './auth.guard';
import { LoginLimiter } from './login-limiter';
import { RateLimitGuard } from './rate-limit';
import { SessionCookieController } from './session-cookie';
import { LOGIN_THROTTLERS, LoginThrottleGuard, loginThrottleStorage } from './login-throttle.guard';
import { AuthResolver } from './auth.resolver';
import { AccountCache } from './account-cache';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, AccountTokenEntity]),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...LOGIN_THROTTLERS,
        storage: loginThrottleStorage(config),
      }),
    }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public key
        // and catches the failure on every verify, which cost about 6% of the API's CPU under load.
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
        // One algorithm, one issuer, one audience, both ways: a token signed otherwise (alg "none",
        // RS256 with the secret as a "public key", …) or for another audience is refused.
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  controllers: [SessionCookieController],
  providers: [
    LoginThrottleGuard,
    LoginLimiter,
    PasswordService,
    TokenService,
    AccountCache,
    AuthService,
    AuthResolver,
    AccountMail,
    AccountTokenRepository,
    AccountEmailService,
    AccountEmailResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    // After the AuthGuard: per-account budgets need to know the account.
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [
    AuthService,
    TokenService,
    PasswordService,
    LoginLimiter,
    AccountCache,
    AccountEmailService,
    AccountMail,
  ],
})
export class AuthModule {}
