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
import { LOGIN_THROTTLERS, LoginThrottleGuard, loginThrottleStorage } from './login-throttle.guard';
import { AuthResolver } from './auth.resolver';
import { AccountCache } from './account-cache';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

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
        secret: config.auth.jwtSecret,
        signOptions: { issuer: 'skillpath' },
      }),
    }),
  ],
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
