import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { Sql } from './sql';

interface ItemRow {
  id: number;
  name: string;
}

describe('Sql: typed raw SQL for repositories', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sql: Sql;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    ds = createDataSource({ url: db.url });
    await ds.initialize();
    sql = new Sql(ds);
    await sql.exec('CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)');
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  beforeEach(() => sql.exec('TRUNCATE items'));

  it('reads rows, one row and nothing the same way', async () => {
    expect(await sql.exec(`INSERT INTO items VALUES (1, 'one'), (2, 'two')`)).toBe(2);
    expect(await sql.rows<ItemRow>('SELECT id, name FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
    expect(await sql.one<ItemRow>('SELECT id, name FROM items WHERE id = $1', [2])).toEqual({
      id: 2,
      name: 'two',
    });
    expect(await sql.one<ItemRow>('SELECT id, name FROM items WHERE id = $1', [3])).toBeUndefined();
    await expect(sql.first<ItemRow>('SELECT id, name FROM items WHERE id = $1', [3])).rejects.toThrow(
      /expected a row/,
    );
  });

  it('returns the rows of UPDATE … RETURNING (not [rows, count]) and counts what it touched', async () => {
    await sql.exec(`INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
    const r = await sql.result<ItemRow>(
      `UPDATE items SET name = upper(name) WHERE id < 3 RETURNING id, name`,
    );
    expect(r.affected).toBe(2);
    expect(r.rows.sort((a, b) => a.id - b.id)).toEqual([
      { id: 1, name: 'ONE' },
      { id: 2, name: 'TWO' },
    ]);
    expect(await sql.exec('DELETE FROM items WHERE id = 99')).toBe(0);
  });

  it('commits a transaction, and rolls the whole of it back when its work throws', async () => {
    await sql.transaction(async (tx) => {
      expect(await tx.exec(`INSERT INTO items VALUES (1, 'kept')`)).toBe(1);
      // Reads inside see the transaction's own writes, through the same connection.
      expect(await tx.rows<ItemRow>('SELECT id, name FROM items')).toEqual([{ id: 1, name: 'kept' }]);
      expect(await tx.one<ItemRow>('SELECT id, name FROM items WHERE id = 1 FOR UPDATE')).toEqual({
        id: 1,
        name: 'kept',
      });
      // Nested: joins the current transaction.
      await tx.transaction(async (inner) => {
        expect(await inner.exec(`INSERT INTO items VALUES (2, 'kept too')`)).toBe(1);
      });
    });
    await expect(
      sql.transaction(async (tx) => {
        await tx.exec(`INSERT INTO items VALUES (3, 'lost')`);
        await tx.exec(`INSERT INTO items VALUES (1, 'duplicate key')`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect((await sql.rows<ItemRow>('SELECT id, name FROM items ORDER BY id')).map((r) => r.id)).toEqual([
      1, 2,
    ]);
  });
});

describe('Sql over a QueryRunner and an EntityManager', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    ds = createDataSource({ url: db.url });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads rows and counts on a held QueryRunner and on a transaction manager', async () => {
    const runner = ds.createQueryRunner();
    try {
      expect(await new Sql(runner).rows<{ x: number }>('SELECT 1 AS x')).toEqual([{ x: 1 }]);
    } finally {
      await runner.release();
    }
    await ds.transaction(async (m) => {
      const tx = new Sql(m);
      expect(await tx.rows<{ x: number }>('SELECT 2 AS x')).toEqual([{ x: 2 }]);
      expect(await tx.exec('CREATE TEMP TABLE t (x int) ON COMMIT DROP')).toBe(0);
      expect(await tx.exec('INSERT INTO t VALUES (1), (2)')).toBe(2);
    });
    expect(await new Sql(ds.manager).rows<{ x: number }>('SELECT 3 AS x')).toEqual([{ x: 3 }]);
  });
});
