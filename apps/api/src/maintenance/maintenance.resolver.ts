import { InjectQueue } from '@nestjs/bullmq';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { checkPageSize } from '@skillpath/common';
import { MaintenanceRunEntity } from '@skillpath/persistence';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '@skillpath/queues';
import { MaintenanceJob, MaintenanceRunModel, QueuedJobModel } from './maintenance.model';

@Resolver()
export class MaintenanceResolver {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    @InjectRepository(MaintenanceRunEntity) private readonly runs: Repository<MaintenanceRunEntity>,
  ) {}

  /** Asks the worker to run a housekeeping job now, instead of waiting for its schedule. */
  @Roles('ADMIN')
  @Mutation(() => QueuedJobModel)
  async runMaintenance(
    @Args('job', { type: () => MaintenanceJob }) job: MaintenanceJob,
    @CurrentUser() user: AuthUser,
  ): Promise<QueuedJobModel> {
    const payload: JobPayloads[JobName.ExpireClosedOpportunities] = { requestedBy: user.id };
    const queued = await this.queue.add(JobName.ExpireClosedOpportunities, payload, DEFAULT_JOB_OPTIONS);
    return { id: queued.id!, queue: QueueName.Maintenance, name: job };
  }

  @Roles('ADMIN')
  @Query(() => [MaintenanceRunModel])
  maintenanceRuns(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<MaintenanceRunModel[]> {
    checkPageSize(first);
    return this.runs.find({ order: { startedAt: 'DESC' }, take: first });
  }
}
