import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from '@skillpath/persistence';

/** Records who read or changed a learner's data, when and why. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(
    entry: {
      actorUserId: string | null;
      actorRole: string;
      subjectUserId: string;
      action: string;
      reason: string;
    },
    m: EntityManager = this.ds.manager,
  ): Promise<void> {
    await m.getRepository(AuditLogEntity).insert(entry);
  }
}
