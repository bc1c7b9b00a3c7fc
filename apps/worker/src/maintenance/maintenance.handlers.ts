import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { expireClosedOpportunities } from '@skillpath/catalogue';
import { MaintenanceRunEntity } from '@skillpath/persistence';
import { JobName, JobPayloads } from '@skillpath/queues';
import { HandlesJob, JobOutcome } from '../jobs/job-handler.decorator';

@Injectable()
export class MaintenanceHandlers {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @HandlesJob(JobName.ExpireClosedOpportunities)
  async expireClosed(job: Job<JobPayloads[JobName.ExpireClosedOpportunities]>): Promise<JobOutcome> {
    const startedAt = new Date();
    const asOf = job.data.asOf ? new Date(job.data.asOf) : startedAt;
    const result = await expireClosedOpportunities(this.ds, asOf);
    await this.ds.getRepository(MaintenanceRunEntity).insert({
      job: job.name,
      jobId: job.id ?? null,
      startedAt,
      finishedAt: new Date(),
      result: { expired: result.expiredIds.length, asOf: result.asOf, requestedBy: job.data.requestedBy },
    });
    return { status: 'success', expired: result.expiredIds.length };
  }
}
