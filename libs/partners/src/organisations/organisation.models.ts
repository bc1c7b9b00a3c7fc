import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type {
  OrganisationEvidenceKind,
  OrganisationKind,
  OrganisationRole,
  OrganisationVerification,
} from '@skillpath/persistence';

export enum OrganisationKindEnum {
  EMPLOYER = 'EMPLOYER',
  PROVIDER = 'PROVIDER',
  PARTNERSHIP = 'PARTNERSHIP',
}
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

export enum OrganisationRoleEnum {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganisationRoleEnum, { name: 'OrganisationRole' });

export enum OrganisationVerificationEnum {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(OrganisationVerificationEnum, {
  name: 'OrganisationVerification',
  description: 'PENDING until an administrator has checked its evidence; only VERIFIED organisations vouch',
});

export enum OrganisationEvidenceKindEnum {
  UKPRN = 'UKPRN',
  COMPANY_NUMBER = 'COMPANY_NUMBER',
  CHARITY_NUMBER = 'CHARITY_NUMBER',
}
registerEnumType(OrganisationEvidenceKindEnum, {
  name: 'OrganisationEvidenceKind',
  description: 'UKPRN (providers), Companies House or charity number (employers)',
});

/** What listings and organisation pages say while an organisation is not verified. */
export const VERIFICATION_NOTE: Record<OrganisationVerification, string | null> = {
  PENDING: 'organisation not yet verified',
  REJECTED: 'organisation not verified: its evidence was rejected',
  VERIFIED: null,
};

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => String, { nullable: true }) borough!: string | null;
  @Field(() => OrganisationVerificationEnum) verification!: OrganisationVerification;
  @Field(() => OrganisationEvidenceKindEnum, { nullable: true })
  evidenceKind!: OrganisationEvidenceKind | null;
  @Field(() => String, { nullable: true, description: 'The register number an administrator checks' })
  evidenceNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Shown to the organisation when it was rejected' })
  rejectionReason!: string | null;
}

@ObjectType('OrganisationAuditEntry')
export class OrganisationAuditEntryModel {
  @Field() action!: string;
  @Field() reason!: string;
  @Field() actorRole!: string;
  @Field(() => ID, { nullable: true }) actorUserId!: string | null;
  @Field() at!: Date;
}

@ObjectType('OrganisationMembership')
export class OrganisationMembershipModel {
  @Field(() => OrganisationModel) organisation!: OrganisationModel;
  @Field(() => OrganisationRoleEnum) role!: OrganisationRole;
}

@ObjectType('OrganisationMember')
export class OrganisationMemberModel {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
  @Field() email!: string;
  @Field(() => OrganisationRoleEnum) role!: OrganisationRole;
}

@ObjectType('OrganisationInvitation')
export class OrganisationInvitationModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => OrganisationRoleEnum) role!: OrganisationRole;
  @Field() expiresAt!: Date;
  @Field({ description: 'Shown once, to send to the invitee; only its hash is kept.' }) token!: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @IsString() @Length(1, 120) name!: string;
  @Field(() => OrganisationKindEnum) @IsEnum(OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) borough?: string;
  @Field(() => OrganisationEvidenceKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationEvidenceKindEnum)
  evidenceKind?: OrganisationEvidenceKind;
  @Field(() => String, { nullable: true, description: 'UKPRN, Companies House or charity number' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  evidenceNumber?: string;
}

@InputType()
export class OrganisationEvidenceInput {
  @Field(() => ID) @IsString() organisationId!: string;
  @Field(() => OrganisationEvidenceKindEnum)
  @IsEnum(OrganisationEvidenceKindEnum)
  evidenceKind!: OrganisationEvidenceKind;
  @Field() @IsString() @MaxLength(20) evidenceNumber!: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) @IsString() organisationId!: string;
  @Field() @IsEmail({}, { message: 'email must be an email address, like name@example.com' }) email!: string;
  @Field(() => OrganisationRoleEnum, { defaultValue: 'MEMBER' })
  @IsEnum(OrganisationRoleEnum)
  role!: OrganisationRole;
}
