import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@skillpath/auth';
import { badInput, GraphQLJSON } from '@skillpath/common';
import { CredentialsService } from './credentials.service';

const MAX_JWS_LENGTH = 64_000;

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
    // Ours are a few kilobytes; a larger text cannot be one, and is not worth verifying.
    if (jws && jws.length > MAX_JWS_LENGTH)
      throw badInput(`That is not a Skillpath credential: they are under ${MAX_JWS_LENGTH / 1000} KB.`);
    return this.credentials.verify({ jws: jws ?? undefined, id: id ?? undefined });
  }
}
