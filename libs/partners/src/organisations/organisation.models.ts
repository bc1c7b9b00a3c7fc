import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { OrganisationKind, OrganisationRole } from '@skillpath/persistence';

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

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => String, { nullable: true }) borough!: string | null;
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
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) @IsString() organisationId!: string;
  @Field() @IsEmail({}, { message: 'email must be an email address, like name@example.com' }) email!: string;
  @Field(() => OrganisationRoleEnum, { defaultValue: 'MEMBER' })
  @IsEnum(OrganisationRoleEnum)
  role!: OrganisationRole;
}
