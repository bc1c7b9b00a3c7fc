import { UseGuards } from '@nestjs/common';
import { Args, ArgsType, Field, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEmail, IsString, Length } from 'class-validator';
import type { UserEntity } from '@skillpath/persistence';
import { AuthUser, Authenticated, CurrentUser, Public } from '../access.decorators';
import { UserModel } from '../auth.model';
import { LoginThrottleGuard } from '../login-throttle.guard';
import { RateLimited } from '../rate-limit';
import { AccountEmailService } from './account-email.service';

@ArgsType()
class RequestPasswordResetArgs {
  @Field() @IsEmail({}, { message: 'email must be an email address, like name@example.com' }) email!: string;
}

@ArgsType()
class ResetPasswordArgs {
  @Field() @IsString() @Length(1, 200) token!: string;
  @Field()
  @IsString()
  @Length(10, 200, { message: 'password must be between 10 and 200 characters' })
  password!: string;
}

@ArgsType()
class VerifyEmailArgs {
  @Field() @IsString() @Length(1, 200) token!: string;
}

@Resolver(() => UserModel)
export class AccountEmailResolver {
  constructor(private readonly accountEmail: AccountEmailService) {}

  /** Whether the owner has followed a link sent to this address. */
  @ResolveField(() => Boolean)
  emailVerified(@Parent() user: UserModel & Partial<Pick<UserEntity, 'emailVerifiedAt'>>): boolean {
    return !!user.emailVerifiedAt;
  }

  /** Always true: the answer never says whether the email has an account (rate-limited like login). */
  @Public()
  @UseGuards(LoginThrottleGuard)
  @Mutation(() => Boolean, {
    description:
      'Emails a one-hour, single-use password reset link if an account uses this email. Always true.',
  })
  async requestPasswordReset(@Args() { email }: RequestPasswordResetArgs): Promise<boolean> {
    await this.accountEmail.requestPasswordReset(email);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password from a reset link; every session of the account is signed out.',
  })
  async resetPassword(@Args() { token, password }: ResetPasswordArgs): Promise<boolean> {
    await this.accountEmail.resetPassword(token, password);
    return true;
  }

  @Authenticated()
  @RateLimited('requestEmailVerification')
  @Mutation(() => Boolean, { description: 'Sends the signed-in account a new email confirmation link.' })
  async requestEmailVerification(@CurrentUser() user: AuthUser): Promise<boolean> {
    await this.accountEmail.sendVerification(user.id);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Confirms an email address from the link sent to it.' })
  async verifyEmail(@Args() { token }: VerifyEmailArgs): Promise<boolean> {
    await this.accountEmail.verifyEmail(token);
    return true;
  }
}
