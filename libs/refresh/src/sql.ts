import type { DataSource, QueryRunner } from 'typeorm';

export interface SqlResult<T> {
  rows: T[];
  /** Rows inserted/updated/deleted (PostgreSQL's rowCount). */
  affected: number;
}

/** Runs one statement on a query runner and returns rows and affected count the same way for every command. */
export async function exec<T = Record<string, unknown>>(
  runner: QueryRunner,
  sql: string,
  params: unknown[] = [],
): Promise<SqlResult<T>> {
  const result = await runner.query(sql, params, true);
  return { rows: (result.records ?? []) as T[], affected: result.affected ?? 0 };
}

/** Like `exec`, on a connection borrowed from the pool for this one statement. */
export async function execOnPool<T = Record<string, unknown>>(
  ds: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<SqlResult<T>> {
  const runner = ds.createQueryRunner();
  try {
    return await exec<T>(runner, sql, params);
  } finally {
    await runner.release();
  }
}

/** Runs `work` in one transaction on its own connection; rolls back on any error. */
export async function inTransaction<T>(
  ds: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (e) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw e;
  } finally {
    await runner.release().catch(() => undefined);
  }
}
