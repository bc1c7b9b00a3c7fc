import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The journey's unit of work: services open a transaction here and hand its manager to the
 * repositories they call, so no service touches the DataSource (data-access style of issue #17).
 */
@Injectable()
export class JourneyTransactions {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Runs `work` in one transaction; rolls back when it throws. */
  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** Outside a transaction: the pool's manager. */
  get manager(): EntityManager {
    return this.ds.manager;
  }
}
