import { Args, Field, ID, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
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

@ObjectType('ParticipationRequestReceipt', {
  description:
    'What a provider is told: the same whatever the email, so it reveals nothing about who uses Skillpath',
})
export class ParticipationRequestReceiptModel {
  @Field() message!: string;
}

export enum ParticipationRequestKindEnum {
  ENROLMENT = 'ENROLMENT',
  COMPLETION = 'COMPLETION',
}
registerEnumType(ParticipationRequestKindEnum, { name: 'ParticipationRequestKind' });

export enum ParticipationRequestStatusEnum {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ParticipationRequestStatusEnum, { name: 'ParticipationRequestStatus' });

@ObjectType('ParticipationRequest', {
  description: 'A provider says you enrolled on or completed its course; nothing changes until you accept',
})
export class ParticipationRequestModel {
  @Field(() => ID) id!: string;
  @Field(() => ParticipationRequestKindEnum) kind!: ParticipationRequestKindEnum;
  @Field(() => ID) opportunityId!: string;
  @Field() courseTitle!: string;
  @Field({ description: 'The provider that asks' }) providerName!: string;
  @Field(() => ParticipationRequestStatusEnum) status!: ParticipationRequestStatusEnum;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) respondedAt!: Date | null;
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
  @Mutation(() => ParticipationRequestReceiptModel, {
    description:
      'Ask the learner with that email to confirm they enrolled; nothing changes until they accept',
  })
  recordEnrolment(
    @CurrentUser() user: AuthUser,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
    @Args('learnerEmail') learnerEmail: string,
  ): Promise<ParticipationRequestReceiptModel> {
    return this.completions.recordEnrolment(user, opportunityId, learnerEmail);
  }

  @Roles('PROVIDER', 'ADMIN')
  @Mutation(() => ParticipationRequestReceiptModel, {
    description:
      'Ask the learner with that email to confirm they completed; nothing changes until they accept',
  })
  recordCompletion(
    @CurrentUser() user: AuthUser,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
    @Args('learnerEmail') learnerEmail: string,
  ): Promise<ParticipationRequestReceiptModel> {
    return this.completions.recordCompletion(user, opportunityId, learnerEmail);
  }

  @Roles('LEARNER')
  @Query(() => [ParticipationRequestModel], {
    description: 'Providers’ requests for you to answer, newest first',
  })
  async myParticipationRequests(
    @CurrentUser() user: AuthUser,
    @Args('pendingOnly', { defaultValue: true }) pendingOnly: boolean,
  ): Promise<ParticipationRequestModel[]> {
    return (await this.completions.myRequests(user.id, pendingOnly)) as ParticipationRequestModel[];
  }

  @Roles('LEARNER')
  @Mutation(() => ParticipationRequestModel, {
    description: 'Accept (your record changes) or decline (nothing changes) a provider’s request',
  })
  async respondToParticipationRequest(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<ParticipationRequestModel> {
    return (await this.completions.respond(user, id, accept)) as ParticipationRequestModel;
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
