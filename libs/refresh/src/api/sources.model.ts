import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Source', {
  description:
    'A listing feed the workers refresh. Secrets are never stored: credentialsEnv names a variable.',
})
export class SourceModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'find-an-apprenticeship, jobposting-jsonld, course-jsonld or skills-bootcamps-csv' })
  format!: string;
  @Field() url!: string;
  @Field(() => String, { nullable: true }) credentialsEnv!: string | null;
  @Field(() => String, { nullable: true, description: 'Cron pattern (Europe/London); null = on demand only' })
  schedule!: string | null;
  @Field(() => Float) rateLimitPerSecond!: number;
  @Field(() => Int) pageSize!: number;
  @Field() enabled!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('SourceRun', { description: 'One refresh of a source and what it did.' })
export class SourceRunModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) sourceId!: string;
  @Field({ description: 'RUNNING, SUCCEEDED or FAILED' }) status!: string;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Checkpoint a resumed run continues from' }) cursor!:
    string | null;
  @Field(() => Int) pages!: number;
  @Field(() => Int) fetched!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) expired!: number;
  @Field(() => Int) quarantined!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true }) jobId!: string | null;
}

@ObjectType('QuarantinedRecord', {
  description: 'A listing that could not be parsed, kept with its raw payload and why.',
})
export class QuarantinedRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => ID, { nullable: true }) runId!: string | null;
  @Field(() => String, { nullable: true }) sourceRef!: string | null;
  @Field(() => String, { nullable: true, description: 'The record as the feed sent it, as JSON text' }) raw!:
    string | null;
  @Field() reason!: string;
  @Field() createdAt!: Date;
}

@ObjectType('RefreshRequest')
export class RefreshRequestModel {
  @Field(() => ID) sourceId!: string;
  @Field(() => ID, { description: 'The BullMQ job (an already pending refresh of this source is reused)' })
  jobId!: string;
}
