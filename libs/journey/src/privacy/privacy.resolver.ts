import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from '@skillpath/common';
import { AccountCache, AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { PrivacyService } from './privacy.service';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly accounts: AccountCache,
  ) {}

  /** Everything Skillpath holds about you, as JSON. */
  @Roles('LEARNER')
  @Query(() => GraphQLJSON)
  exportMyData(@CurrentUser() user: AuthUser): Promise<Record<string, unknown>> {
    return this.privacy.export(user.id);
  }

  /** Erases your account and personal data. Needs your password. */
  @Roles('LEARNER', 'EMPLOYER', 'PROVIDER', 'PARTNER')
  @Mutation(() => Boolean)
  async deleteMyAccount(@CurrentUser() user: AuthUser, @Args('password') password: string): Promise<boolean> {
    await this.privacy.erase(user.id, password);
    this.accounts.forget(user.id);
    return true;
  }
}
