import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from '@skillpath/persistence';

export interface AuditEntry {
  actorUserId: string | null;
  actorRole: string;
  subjectUserId: string;
  action: string;
  reason: string;
}

/** `audit_log`: who read or changed a learner's data. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(entry: AuditEntry, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(AuditLogEntity).insert(entry);
  }
}
