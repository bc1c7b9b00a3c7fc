import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '@skillpath/persistence';
import { AuthUser, CurrentUser, Public } from './access.decorators';
import { AuthPayloadModel, RegisterInput, UserModel } from './auth.model';
import { AuthService } from './auth.service';
import { LoginThrottleGuard } from './login-throttle.guard';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  register(@Args('input') input: RegisterInput): Promise<AuthPayloadModel> {
    return this.auth.register({ ...input, role: input.role ?? 'LEARNER' });
  }

  @Public()
  @UseGuards(LoginThrottleGuard)
  @Mutation(() => AuthPayloadModel)
  login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    return this.auth.login(email, password);
  }

  @Public()
  @Mutation(() => AuthPayloadModel)
  refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayloadModel> {
    return this.auth.refresh(refreshToken);
  }

  /** Null when nobody is logged in, so a client can ask "who am I?" without handling an error. */
  @Public()
  @Query(() => UserModel, { nullable: true })
  async me(@CurrentUser() user?: AuthUser): Promise<UserModel | null> {
    if (!user) return null;
    return this.users.findOne({ where: { id: user.id } });
  }
}
