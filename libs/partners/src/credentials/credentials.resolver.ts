import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@skillpath/auth';
import { badInput, GraphQLJSON } from '@skillpath/common';
import { CredentialsService } from './credentials.service';

@ObjectType('CredentialVerification')
export class CredentialVerificationModel {
  @Field() valid!: boolean;
  @Field() signatureValid!: boolean;
  @Field() revoked!: boolean;
  @Field() expired!: boolean;
  @Field() reason!: string;
  @Field(() => ID, { nullable: true }) credentialId!: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The OpenBadgeCredential, when the signature holds',
  })
  credential!: Record<string, unknown> | null;
}

@Resolver()
export class CredentialsResolver {
  constructor(private readonly credentials: CredentialsService) {}

  /** Anyone can check a credential: its signature, whether it was revoked, whether it expired. */
  @Public()
  @Query(() => CredentialVerificationModel)
  verifyCredential(
    @Args('jws', { type: () => String, nullable: true }) jws: string | null,
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
  ): Promise<CredentialVerificationModel> {
    if (!jws && !id) throw badInput('Give the credential (jws) or its id.');
    return this.credentials.verify({ jws: jws ?? undefined, id: id ?? undefined });
  }
}
