import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { expireClosedOpportunities, expireLapsedAccreditations } from '@skillpath/catalogue';
import { MaintenanceRunEntity } from '@skillpath/persistence';
import { HandlesJob, JobName, JobOutcome, JobPayloads, ListingChangesPublisher } from '@skillpath/queues';

@Injectable()
export class MaintenanceHandlers {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly changes: ListingChangesPublisher,
  ) {}

  @HandlesJob(JobName.ExpireClosedOpportunities)
  async expireClosed(job: Job<JobPayloads[JobName.ExpireClosedOpportunities]>): Promise<JobOutcome> {
    const startedAt = new Date();
    const asOf = job.data.asOf ? new Date(job.data.asOf) : startedAt;
    const result = await expireClosedOpportunities(this.ds, asOf);
    const reaccredited = await expireLapsedAccreditations(this.ds, asOf);
    await this.ds.getRepository(MaintenanceRunEntity).insert({
      job: job.name,
      jobId: job.id ?? null,
      startedAt,
      finishedAt: new Date(),
      result: {
        expired: result.expiredIds.length,
        accreditationsExpiredOn: reaccredited.length,
        asOf: result.asOf,
        requestedBy: job.data.requestedBy,
      },
    });
    await this.changes.publish({ changedIds: reaccredited, expiredIds: result.expiredIds, origin: 'expiry' });
    return { status: 'success', expired: result.expiredIds.length };
  }
}
