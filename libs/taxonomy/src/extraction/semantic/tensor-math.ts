/**
 * The few TensorFlow.js operations the ranker uses, from the same WebAssembly runtime the
 * encoder loads (`@energetic-ai/core`). Typed here because that package's types name
 * @tensorflow packages it bundles rather than installs.
 */
export interface Tensor2D {
  dataSync(): Float32Array;
  dispose(): void;
}

export interface TensorMath {
  tensor2d(values: Float32Array, shape: [number, number]): Tensor2D;
  matMul(a: Tensor2D, b: Tensor2D, transposeA?: boolean, transposeB?: boolean): Tensor2D;
  transpose(a: Tensor2D): Tensor2D;
  ready(): Promise<void>;
}

let math: TensorMath | undefined;

export async function tensorMath(): Promise<TensorMath> {
  if (!math) {
    math = (await import('@energetic-ai/core')) as unknown as TensorMath;
    await math.ready();
  }
  return math;
}

/**
 * A fixed matrix (rows × d, given row-major) held by the runtime; `similarities` multiplies a batch of query
 * vectors by it: out[q × rows + r] = query q · row r.
 */
export class DotProductMatrix {
  private constructor(
    private readonly math: TensorMath,
    private readonly matrix: Tensor2D,
    readonly rows: number,
    readonly dimensions: number,
  ) {}

  /**
   * Held transposed (d × rows): the WebAssembly matMul is ~10× slower when asked to transpose its
   * right operand on every call (measured: 6.7 s against 0.7 s for 64 × 512 × 42,300).
   */
  static async create(values: Float32Array, rows: number, dimensions: number): Promise<DotProductMatrix> {
    const m = await tensorMath();
    const plain = m.tensor2d(values, [rows, dimensions]);
    try {
      return new DotProductMatrix(m, m.transpose(plain), rows, dimensions);
    } finally {
      plain.dispose();
    }
  }

  similarities(queries: readonly Float32Array[]): Float32Array {
    if (queries.length === 0) return new Float32Array(0);
    const d = this.dimensions;
    const flat = new Float32Array(queries.length * d);
    queries.forEach((q, i) => flat.set(q, i * d));
    const q = this.math.tensor2d(flat, [queries.length, d]);
    const product = this.math.matMul(q, this.matrix);
    try {
      // Already a copy out of the WebAssembly heap (the backend's readSync slices it).
      return product.dataSync();
    } finally {
      q.dispose();
      product.dispose();
    }
  }

  dispose(): void {
    this.matrix.dispose();
  }
}
