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
  zeros(shape: [number, number]): Tensor2D;
  backend(): unknown;
  ready(): Promise<void>;
}

/** What the WebAssembly backend (tfjs-backend-wasm 4.x) knows of a tensor: where its values are in its heap. */
interface WasmBackendInternals {
  wasm?: { HEAPU8?: Uint8Array };
  dataIdMap?: { get(dataId: object): { memoryOffset?: number } | undefined };
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
 * The tensor's float32 values as a view of the WebAssembly heap, when the backend is the one
 * expected (tfjs-backend-wasm 4.x); undefined otherwise. Valid until the runtime next allocates
 * (its heap's buffer is replaced when it grows): use it at once.
 */
function heapView(math: TensorMath, tensor: Tensor2D, length: number): Float32Array | undefined {
  const backend = math.backend() as WasmBackendInternals;
  const heap = backend.wasm?.HEAPU8;
  const offset = backend.dataIdMap?.get(tensor.dataId)?.memoryOffset;
  if (!heap || typeof offset !== 'number' || offset % 4 !== 0 || offset + length * 4 > heap.length)
    return undefined;
  return new Float32Array(heap.buffer, heap.byteOffset + offset, length);
}

/**
 * Copies a float32 tensor's first `out.length` values into `out`: from the runtime's heap when it
 * can, else through `dataSync`, which returns a new buffer each time (2.7 MB per ranked batch).
 */
export function readInto(math: TensorMath, tensor: Tensor2D, out: Float32Array): void {
  const view = heapView(math, tensor, out.length);
  out.set(view ?? tensor.dataSync().subarray(0, out.length));
}

/**
 * A rows × columns tensor whose values `fill` writes (row-major): in place in the runtime's heap when
 * it can, so that no JS copy of a big matrix is made (the C heap keeps such freed buffers' memory);
 * else into a JS array, then uploaded. `fill` must not use the runtime.
 */
export function filledTensor(
  math: TensorMath,
  shape: [number, number],
  fill: (values: Float32Array) => void,
): Tensor2D {
  const size = shape[0] * shape[1];
  const tensor = math.zeros(shape);
  const view = heapView(math, tensor, size);
  if (view) {
    fill(view);
    return tensor;
  }
  tensor.dispose();
  const values = new Float32Array(size);
  fill(values);
  return math.tensor2d(values, shape);
}

/**
 * A fixed matrix (rows × d, given row-major) held by the runtime; `similarities` multiplies a batch of query
 * vectors by it: out[q × rows + r] = query q · row r.
 */
export class DotProductMatrix {
  /** The last product, reused by the next call (grown to the largest batch). */
  private out = new Float32Array(0);

  /** rows × d in the runtime; or `staged` in JS until first used, when the runtime's heap cannot be written. */
  private matrix?: Tensor2D;
  private staged?: Float32Array;

  private constructor(
    private readonly math: TensorMath,
    readonly rows: number,
    readonly dimensions: number,
  ) {}

  /**
   * Held as given (rows × d) and multiplied as the left operand, by the transposed queries (d × q):
   * as the right operand the runtime (XNNPACK) keeps a packed copy of it besides (+21 MB for the
   * ranker's approximate matrix), and asking it to transpose an operand is ~10× slower. This way a
   * batch of 16 queries costs ~11 instead of ~6 ms, with the same values bit for bit.
   */
  static async create(values: Float32Array, rows: number, dimensions: number): Promise<DotProductMatrix> {
    const matrix = await DotProductMatrix.empty(rows, dimensions);
    matrix.setRows(0, values);
    return matrix;
  }

  /** A zero matrix to fill with `setRows` before the first `similarities`. */
  static async empty(rows: number, dimensions: number): Promise<DotProductMatrix> {
    const m = await tensorMath();
    const matrix = new DotProductMatrix(m, rows, dimensions);
    const tensor = m.zeros([rows, dimensions]);
    if (heapView(m, tensor, rows * dimensions)) matrix.matrix = tensor;
    else {
      tensor.dispose();
      matrix.staged = new Float32Array(rows * dimensions);
    }
    return matrix;
  }

  /** Writes rows start… (`values` holds whole rows, row-major) into the matrix, in the runtime's heap. */
  setRows(start: number, values: Float32Array): void {
    const { rows, dimensions: d } = this;
    const count = values.length / d;
    if (!Number.isInteger(count) || start < 0 || start + count > rows)
      throw new RangeError(`rows ${start}…${start + count} are outside the ${rows}-row matrix`);
    // Taken afresh on each call: the heap's buffer changes when the runtime grows it.
    const target = this.staged ?? heapView(this.math, this.matrix!, rows * d)!;
    target.set(values, start * d);
  }

  /**
   * The products of the queries, query-major (out[q × rows + r]); the array is overwritten by the
   * next call (read it before).
   */
  similarities(queries: readonly Float32Array[]): Float32Array {
    const count = queries.length;
    if (count === 0) return new Float32Array(0);
    const { rows, dimensions: d } = this;
    const transposed = new Float32Array(d * count);
    queries.forEach((q, i) => {
      for (let j = 0; j < d; j++) transposed[j * count + i] = q[j];
    });
    if (this.staged) {
      this.matrix = this.math.tensor2d(this.staged, [rows, d]);
      this.staged = undefined;
    }
    const q = this.math.tensor2d(transposed, [d, count]);
    const product = this.math.matMul(this.matrix!, q);
    try {
      const size = count * rows;
      if (this.out.length < size) this.out = new Float32Array(size);
      const out = this.out.subarray(0, size);
      // rows × count in the runtime: read straight from its heap into query-major order.
      const byRow = heapView(this.math, product, size) ?? product.dataSync();
      for (let r = 0; r < rows; r++)
        for (let i = 0, at = r * count; i < count; i++) out[i * rows + r] = byRow[at + i];
      return out;
    } finally {
      q.dispose();
      product.dispose();
    }
  }

  dispose(): void {
    this.matrix?.dispose();
    this.staged = undefined;
  }
}
