import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '@skillpath/common';

export enum MaintenanceJob {
  EXPIRE_CLOSED_OPPORTUNITIES = 'expire-closed-opportunities',
}
registerEnumType(MaintenanceJob, { name: 'MaintenanceJob' });

@ObjectType('QueuedJob')
export class QueuedJobModel {
  @Field(() => ID) id!: string;
  @Field() queue!: string;
  @Field() name!: string;
}

@ObjectType('MaintenanceRun')
export class MaintenanceRunModel {
  @Field(() => ID) id!: string;
  @Field() job!: string;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime) finishedAt!: Date;
  @Field(() => GraphQLJSON) result!: Record<string, unknown>;
}
