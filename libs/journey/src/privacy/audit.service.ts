import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditRepository } from './audit.repository';

/** Records who read or changed a learner's data, when and why. */
@Injectable()
export class AuditService {
  constructor(private readonly rows: AuditRepository) {}

  record(entry: AuditEntry, m?: EntityManager): Promise<void> {
    return this.rows.insert(entry, m);
  }
}
