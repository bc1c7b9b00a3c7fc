import { principalProjection, project } from './vector-projection';
import { DotProductMatrix } from './tensor-math';

describe('principalProjection', () => {
  it('finds the subspace the rows live in: columns orthonormal, dot products inside it kept', async () => {
    // 200 rows of dimension 32 that span only 4 directions (plus nothing else).
    const d = 32;
    const directions = [0, 5, 9, 30];
    const rows = Array.from({ length: 200 }, (_, i) => {
      const v = new Float32Array(d);
      directions.forEach((dim, j) => (v[dim] = Math.sin(i * (j + 1) * 0.37) + (j === 0 ? 1 : 0)));
      return v;
    });
    const p = await principalProjection(rows.length, d, 4, (i, out) => out.set(rows[i]));
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += p.basis[i * 4 + a] * p.basis[i * 4 + b];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 4);
      }
    const x = new Float32Array(4);
    const y = new Float32Array(4);
    project(p, rows[3], x);
    project(p, rows[150], y);
    const exact = rows[3].reduce((s, v, i) => s + v * rows[150][i], 0);
    expect(x.reduce((s, v, i) => s + v * y[i], 0)).toBeCloseTo(exact, 3);
    // A direction the rows never use projects to (almost) nothing.
    const off = new Float32Array(d);
    off[12] = 1;
    project(p, off, x);
    expect(Math.hypot(...x)).toBeLessThan(1e-3);
  });
});

describe('DotProductMatrix', () => {
  it('gives each query’s dot product with every row, batch after batch of any size', async () => {
    const rows = 37;
    const d = 5;
    const values = Float32Array.from({ length: rows * d }, (_, i) => Math.sin(i * 0.7));
    const matrix = await DotProductMatrix.create(values, rows, d);
    try {
      for (const count of [3, 1, 4]) {
        const queries = Array.from({ length: count }, (_, q) =>
          Float32Array.from({ length: d }, (_, j) => Math.cos(q * 3 + j + count)),
        );
        const got = Array.from(matrix.similarities(queries));
        expect(got).toHaveLength(count * rows);
        queries.forEach((query, q) => {
          for (let r = 0; r < rows; r++) {
            const exact = query.reduce((s, v, j) => s + v * values[r * d + j], 0);
            expect(got[q * rows + r]).toBeCloseTo(exact, 4);
          }
        });
      }
      expect(matrix.similarities([])).toHaveLength(0);
    } finally {
      matrix.dispose();
    }
  });

  it('can be filled a block of rows at a time, and refuses rows outside it', async () => {
    const rows = 11;
    const d = 3;
    const values = Float32Array.from({ length: rows * d }, (_, i) => (i % 7) - 3);
    const whole = await DotProductMatrix.create(values, rows, d);
    const blocks = await DotProductMatrix.empty(rows, d);
    blocks.setRows(8, values.subarray(8 * d));
    blocks.setRows(0, values.subarray(0, 8 * d));
    expect(() => blocks.setRows(10, values.subarray(0, 2 * d))).toThrow(RangeError);
    const query = [Float32Array.from([1, -2, 0.5])];
    expect(Array.from(blocks.similarities(query))).toEqual(Array.from(whole.similarities(query)));
    whole.dispose();
    blocks.dispose();
  });
});
