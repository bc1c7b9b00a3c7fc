import { filledTensor, readInto, tensorMath } from './tensor-math';

/**
 * A k-dimensional subspace of the encoder's space that keeps most of the skill vectors' energy: the
 * top principal directions (uncentred: dot products, not distances, are what the ranker compares)
 * of a sample of rows. Projecting sentence and skill vectors onto it makes a cheap approximate dot
 * product for pre-selecting candidates over the whole taxonomy; candidates are then scored exactly.
 * Deterministic for the same rows (fixed sample and start), so it is derived, not stored.
 */
export interface VectorProjection {
  dimensions: number;
  k: number;
  /** d × k, row-major: y = x · basis. Columns are orthonormal. */
  basis: Float32Array;
}

/**
 * The basis from `count` rows given one at a time (`row(i, out)` writes row i as float32 into
 * `out`), using at most `sample` of them (evenly spaced). Subspace iteration on the second-moment
 * matrix; a few iterations are enough since only the subspace matters, not each direction.
 */
export async function principalProjection(
  count: number,
  dimensions: number,
  k: number,
  row: (i: number, out: Float32Array) => void,
  options: { sample?: number; iterations?: number } = {},
): Promise<VectorProjection> {
  const d = dimensions;
  const m = Math.max(1, Math.min(count, options.sample ?? 4096));
  const iterations = options.iterations ?? 8;
  const math = await tensorMath();
  // Xᵀ (d × m), so the product Xᵀ·X needs no transposed operand (slow in the WebAssembly runtime).
  // Both written in place in the runtime (no 8 MB JS copies).
  const buf = new Float32Array(d);
  const sampled = (s: number) => Math.floor((s * count) / m);
  const tXt = filledTensor(math, [d, m], (xt) => {
    for (let s = 0; s < m; s++) {
      row(sampled(s), buf);
      for (let j = 0; j < d; j++) xt[j * m + s] = buf[j];
    }
  });
  const tX = filledTensor(math, [m, d], (x) => {
    for (let s = 0; s < m; s++) {
      row(sampled(s), buf);
      x.set(buf, s * d);
    }
  });
  const tC = math.matMul(tXt, tX);
  tXt.dispose();
  tX.dispose();
  const c = tC.dataSync().slice();
  tC.dispose();

  // Start from a fixed pseudo-random d × k block.
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296 - 0.5;
  };
  let v = Float32Array.from({ length: d * k }, random);
  orthonormaliseColumns(v, d, k);
  const tCm = math.tensor2d(c, [d, d]);
  try {
    for (let it = 0; it < iterations; it++) {
      const tV = math.tensor2d(v, [d, k]);
      const product = math.matMul(tCm, tV);
      v = product.dataSync().slice();
      tV.dispose();
      product.dispose();
      orthonormaliseColumns(v, d, k);
    }
  } finally {
    tCm.dispose();
  }
  return { dimensions: d, k, basis: v };
}

/** Modified Gram–Schmidt on the k columns of a d × k row-major matrix, in place. */
function orthonormaliseColumns(v: Float32Array, d: number, k: number): void {
  const col = new Float64Array(d);
  for (let a = 0; a < k; a++) {
    for (let i = 0; i < d; i++) col[i] = v[i * k + a];
    for (let pass = 0; pass < 2; pass++)
      for (let b = 0; b < a; b++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += col[i] * v[i * k + b];
        for (let i = 0; i < d; i++) col[i] -= dot * v[i * k + b];
      }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < d; i++) v[i * k + a] = col[i] / norm;
  }
}

/**
 * Projects `count` rows given one at a time (as for `principalProjection`), a block of rows per
 * product in the WebAssembly runtime; `into(start, projected)` receives each block's rows (size × k,
 * row-major; the array is reused for the next block).
 */
export async function projectRows(
  p: VectorProjection,
  count: number,
  row: (i: number, out: Float32Array) => void,
  into: (start: number, projected: Float32Array) => void,
  block = 2048,
): Promise<void> {
  const { k, dimensions: d } = p;
  const math = await tensorMath();
  const basis = math.tensor2d(p.basis, [d, k]);
  const buf = new Float32Array(d);
  const projected = new Float32Array(block * k);
  try {
    for (let start = 0; start < count; start += block) {
      const size = Math.min(block, count - start);
      const t = filledTensor(math, [size, d], (rows) => {
        for (let i = 0; i < size; i++) {
          row(start + i, buf);
          rows.set(buf, i * d);
        }
      });
      const product = math.matMul(t, basis);
      const out = projected.subarray(0, size * k);
      readInto(math, product, out);
      t.dispose();
      product.dispose();
      into(start, out);
    }
  } finally {
    basis.dispose();
  }
}

/** y = x · basis (k values) for one d-vector x. */
export function project(p: VectorProjection, x: ArrayLike<number>, out: Float32Array, offset = 0): void {
  const { basis, k, dimensions: d } = p;
  for (let a = 0; a < k; a++) out[offset + a] = 0;
  for (let i = 0; i < d; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const base = i * k;
    for (let a = 0; a < k; a++) out[offset + a] += xi * basis[base + a];
  }
}
