/**
 * The few TensorFlow.js operations the ranker uses, from the same WebAssembly runtime the
 * encoder loads (`@energetic-ai/core`). Typed here because that package's types name
 * @tensorflow packages it bundles rather than installs.
 */
export interface Tensor2D {
  readonly dataId: object;
  dataSync(): Float32Array;
  dispose(): void;
}

export interface TensorMath {
  tensor2d(values: Float32Array, shape: [number, number]): Tensor2D;
  matMul(a: Tensor2D, b: Tensor2D, transposeA?: boolean, transposeB?: boolean): Tensor2D;
  transpose(a: Tensor2D): Tensor2D;
  backend(): unknown;
  ready(): Promise<void>;
}

/** What the WebAssembly backend (tfjs-backend-wasm 4.x) knows of a tensor: where its values are in its heap. */
interface WasmBackendInternals {
  wasm?: { HEAPU8?: Uint8Array };
  dataIdMap?: { get(dataId: object): { memoryOffset?: number } | undefined };
}

/**
 * Copies a float32 tensor's first `out.length` values into `out`. Straight from the WebAssembly
 * heap when the backend is the one expected; `dataSync` otherwise, which returns a new buffer each
 * time: one of 2.7 MB per ranked batch was the process's main malloc churn, and glibc's heap kept
 * the high-water mark of that garbage (~75 MB of RSS) long after it was collected.
 */
export function readInto(math: TensorMath, tensor: Tensor2D, out: Float32Array): void {
  const backend = math.backend() as WasmBackendInternals;
  const heap = backend.wasm?.HEAPU8;
  const offset = backend.dataIdMap?.get(tensor.dataId)?.memoryOffset;
  if (heap && typeof offset === 'number' && offset % 4 === 0 && offset + out.byteLength <= heap.length)
    out.set(new Float32Array(heap.buffer, heap.byteOffset + offset, out.length));
  else out.set(tensor.dataSync().subarray(0, out.length));
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
  /** The last product, reused by the next call (grown to the largest batch). */
  private out = new Float32Array(0);

  private constructor(
    private readonly math: TensorMath,
    private readonly matrix: Tensor2D,
    readonly rows: number,
    readonly dimensions: number,
  ) {}

  /**
   * Held transposed (d × rows): the WebAssembly matMul is ~10× slower when asked to transpose its
   * right operand on every call (measured: 6.7 s against 0.7 s for 64 × 512 × 42,300). Transposed
   * here rather than by the runtime, whose heap never shrinks: it would hold both layouts at once.
   */
  static async create(values: Float32Array, rows: number, dimensions: number): Promise<DotProductMatrix> {
    const m = await tensorMath();
    const transposed = new Float32Array(rows * dimensions);
    for (let r = 0; r < rows; r++)
      for (let j = 0, at = r * dimensions; j < dimensions; j++) transposed[j * rows + r] = values[at + j];
    return new DotProductMatrix(m, m.tensor2d(transposed, [dimensions, rows]), rows, dimensions);
  }

  /** The products of the queries; the array is overwritten by the next call (read it before). */
  similarities(queries: readonly Float32Array[]): Float32Array {
    if (queries.length === 0) return new Float32Array(0);
    const d = this.dimensions;
    const flat = new Float32Array(queries.length * d);
    queries.forEach((q, i) => flat.set(q, i * d));
    const q = this.math.tensor2d(flat, [queries.length, d]);
    const product = this.math.matMul(q, this.matrix);
    try {
      const size = queries.length * this.rows;
      if (this.out.length < size) this.out = new Float32Array(size);
      const out = this.out.subarray(0, size);
      readInto(this.math, product, out);
      return out;
    } finally {
      q.dispose();
      product.dispose();
    }
  }

  dispose(): void {
    this.matrix.dispose();
  }
}
