import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { CredentialsService } from '../credentials/credentials.service';
import { CourseCompletionsService } from './course-completions.service';

@ObjectType('CourseCompletion')
export class CourseCompletionModel {
  @Field(() => ID) opportunityId!: string;
  @Field() enrolled!: boolean;
  @Field() providerConfirmed!: boolean;
  @Field() learnerConfirmed!: boolean;
  @Field({ description: 'Both sides confirmed: skills granted as course completed' }) completed!: boolean;
  @Field(() => [ID]) credentialIds!: string[];
}

@ObjectType('Credential')
export class CredentialModel {
  @Field(() => ID) id!: string;
  @Field() achievementName!: string;
  @Field({ description: 'The signed OpenBadgeCredential as a compact JWS (VC-JWT, EdDSA)' }) jws!: string;
  @Field() issuedAt!: Date;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field() verifyUrl!: string;
}

@Resolver()
export class CompletionsResolver {
  constructor(
    private readonly completions: CourseCompletionsService,
    private readonly credentials: CredentialsService,
  ) {}

  @Roles('PROVIDER', 'ADMIN')
  @Mutation(() => CourseCompletionModel)
  recordEnrolment(
    @CurrentUser() user: AuthUser,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
    @Args('learnerEmail') learnerEmail: string,
  ): Promise<CourseCompletionModel> {
    return this.completions.recordEnrolment(user, opportunityId, learnerEmail);
  }

  @Roles('PROVIDER', 'ADMIN')
  @Mutation(() => CourseCompletionModel)
  recordCompletion(
    @CurrentUser() user: AuthUser,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
    @Args('learnerEmail') learnerEmail: string,
  ): Promise<CourseCompletionModel> {
    return this.completions.recordCompletion(user, opportunityId, learnerEmail);
  }

  /** The learner's half of a completion. */
  @Roles('LEARNER')
  @Mutation(() => CourseCompletionModel)
  confirmCourseCompletion(
    @CurrentUser() user: AuthUser,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
  ): Promise<CourseCompletionModel> {
    return this.completions.confirmByLearner(user, opportunityId);
  }

  @Roles('LEARNER')
  @Query(() => [CredentialModel])
  async myCredentials(@CurrentUser() user: AuthUser): Promise<CredentialModel[]> {
    const rows = await this.credentials.ofLearner(user.id);
    return rows.map((r) => ({ ...r, verifyUrl: `${this.credentials.credentialUrl(r.id)}/verify` }));
  }
}
