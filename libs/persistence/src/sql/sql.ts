import { type DataSource, EntityManager, InstanceChecker, type QueryRunner } from 'typeorm';

/** Where a statement runs: the pool (DataSource), a transaction's EntityManager, or a QueryRunner. */
export type SqlTarget = DataSource | EntityManager | QueryRunner;

export interface SqlResult<T> {
  rows: T[];
  /** Rows inserted, updated or deleted (PostgreSQL's rowCount). */
  affected: number;
}

const isDataSource = (t: SqlTarget): t is DataSource => InstanceChecker.isDataSource(t);
// (An EntityManager has release() and connection too: test for the class, not for members.)
const isQueryRunner = (t: SqlTarget): t is QueryRunner => !isDataSource(t) && !(t instanceof EntityManager);

/**
 * The one way repositories talk to PostgreSQL: raw SQL with `$n` parameters, rows typed by an
 * interface the repository declares next to the query (column aliases match its fields). This is the
 * data-access layer's one call to `QueryRunner.query` (in `result`): repositories and services never
 * run SQL on a DataSource, EntityManager or QueryRunner themselves. (The few tools that run
 * outside Nest on a single `pg` connection — ESCO import, demo-region load, stored skill vectors,
 * database create/drop — keep their SQL in `*.repository.ts` classes over that connection.) Results
 * come back the same for every command — `rows` and `affected` — so an `UPDATE … RETURNING` is read
 * like a `SELECT` (TypeORM's plain `query()` returns `[rows, count]` for UPDATE/DELETE).
 *
 *   interface SkillRow { id: string; label: string }
 *   const sql = new Sql(dataSource);
 *   const rows = await sql.rows<SkillRow>('SELECT id, label FROM skills WHERE id = ANY($1)', [ids]);
 *   const skill = await sql.one<SkillRow>('SELECT id, label FROM skills WHERE id = $1', [id]);
 *   const n = await sql.exec('UPDATE skills SET label = $2 WHERE id = $1', [id, label]);
 *   await sql.transaction(async (tx) => { await tx.exec(…); await tx.exec(…); });
 */
export class Sql {
  constructor(private readonly target: SqlTarget) {}

  /** Runs one statement; rows and affected count. */
  async result<T extends object = Record<string, unknown>>(
    text: string,
    params: readonly unknown[] = [],
  ): Promise<SqlResult<T>> {
    const runOn = async (runner: QueryRunner): Promise<SqlResult<T>> => {
      const r = await runner.query(text, [...params], true);
      return { rows: (r.records ?? []) as T[], affected: r.affected ?? 0 };
    };
    const bound = this.boundRunner();
    if (bound) return runOn(bound);
    const runner = this.dataSource().createQueryRunner();
    try {
      return await runOn(runner);
    } finally {
      await runner.release();
    }
  }

  /** Every row of a statement. */
  async rows<T extends object>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.result<T>(text, params)).rows;
  }

  /** The first row, or undefined when there is none. */
  async one<T extends object>(text: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.result<T>(text, params)).rows[0];
  }

  /** The first row; throws when there is none (for statements that always return one, e.g. count(*)). */
  async first<T extends object>(text: string, params: readonly unknown[] = []): Promise<T> {
    const row = await this.one<T>(text, params);
    if (!row) throw new Error(`expected a row from: ${text.trim().split('\n')[0]}`);
    return row;
  }

  /** Runs a statement for its effect; how many rows it touched. */
  async exec(text: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.result(text, params)).affected;
  }

  /**
   * Runs `work` in one transaction (or inside the current one, when this Sql is already bound to a
   * transaction's manager or runner); rolls back when it throws.
   */
  async transaction<R>(work: (tx: Sql) => Promise<R>): Promise<R> {
    if (isDataSource(this.target)) return this.target.transaction((m) => work(new Sql(m)));
    if (isQueryRunner(this.target) || this.target.queryRunner?.isTransactionActive) return work(this);
    return this.target.transaction((m) => work(new Sql(m)));
  }

  private boundRunner(): QueryRunner | undefined {
    if (isDataSource(this.target)) return undefined;
    if (isQueryRunner(this.target)) return this.target;
    return this.target.queryRunner;
  }

  private dataSource(): DataSource {
    if (isDataSource(this.target)) return this.target;
    return this.target.connection;
  }
}

/** `new Sql(runner).result(…)`: one statement on a query runner the caller holds (e.g. in a transaction). */
export function exec<T extends object = Record<string, unknown>>(
  runner: QueryRunner,
  text: string,
  params: readonly unknown[] = [],
): Promise<SqlResult<T>> {
  return new Sql(runner).result<T>(text, params);
}

/** `new Sql(ds).result(…)`: one statement on a connection borrowed from the pool. */
export function execOnPool<T extends object = Record<string, unknown>>(
  ds: DataSource,
  text: string,
  params: readonly unknown[] = [],
): Promise<SqlResult<T>> {
  return new Sql(ds).result<T>(text, params);
}

/**
 * Runs `work` in one transaction on its own QueryRunner (for code that needs the connection itself,
 * e.g. session advisory locks); rolls back on any error.
 */
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
