import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString } from 'class-validator';

// class-validator only types the fields (the API's ValidationPipe strips undecorated ones); the rules
// and their messages are in sourceFieldProblems, shared with the CLI.

@InputType()
export class CreateSourceInput {
  @Field() @IsString() name!: string;
  @Field() @IsString() format!: string;
  @Field() @IsString() url!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() credentialsEnv?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() schedule?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() rateLimitPerSecond?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() pageSize?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

@InputType()
export class UpdateSourceInput {
  @Field({ nullable: true }) @IsOptional() @IsString() name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() format?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() url?: string;
  @Field(() => String, { nullable: true, description: 'null or "" removes it' })
  @IsOptional()
  @IsString()
  credentialsEnv?: string | null;
  @Field(() => String, { nullable: true, description: 'null or "" makes the source on-demand only' })
  @IsOptional()
  @IsString()
  schedule?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() rateLimitPerSecond?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsNumber() pageSize?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}
