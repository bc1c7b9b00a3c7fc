import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { Role } from '@skillpath/persistence';

export enum RoleEnum {
  LEARNER = 'LEARNER',
  EMPLOYER = 'EMPLOYER',
  PROVIDER = 'PROVIDER',
  PARTNER = 'PARTNER',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum) role!: Role;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken!: string;
  @Field() refreshToken!: string;
  @Field(() => UserModel) user!: UserModel;
}

@InputType()
export class RegisterInput {
  @Field() @IsEmail({}, { message: 'email must be an email address, like name@example.com' }) email!: string;
  @Field()
  @IsString()
  @Length(10, 200, { message: 'password must be between 10 and 200 characters' })
  password!: string;
  @Field()
  @IsString()
  @Length(1, 80, { message: 'displayName must be between 1 and 80 characters' })
  displayName!: string;
  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsEnum(RoleEnum)
  role?: Role;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  organisationName?: string;
}
