import { createHash } from 'crypto';
import { SentenceEncoder } from './sentence-encoder';

/** Hash of a sentence as the encoder sees it (trimmed, whitespace collapsed). */
export function sentenceKey(text: string): string {
  return createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('base64');
}

/**
 * An encoder that remembers the vectors of the last `capacity` distinct sentences (adverts repeat
 * boilerplate: "We are an equal opportunities employer"), so each is encoded once. Least recently
 * used entries go first. ~2 KB an entry.
 */
export class CachingSentenceEncoder implements SentenceEncoder {
  readonly id: string;
  readonly dimensions: number;
  private readonly cache = new Map<string, Float32Array>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: SentenceEncoder,
    private readonly capacity = 20_000,
  ) {
    this.id = inner.id;
    this.dimensions = inner.dimensions;
  }

  async encode(texts: readonly string[]): Promise<Float32Array[]> {
    const keys = texts.map(sentenceKey);
    const out = new Array<Float32Array>(texts.length);
    const missing = new Map<string, number[]>();
    keys.forEach((key, i) => {
      const v = this.cache.get(key);
      if (v) {
        this.cache.delete(key);
        this.cache.set(key, v);
        out[i] = v;
        this.hits++;
      } else {
        const list = missing.get(key);
        if (list) list.push(i);
        else missing.set(key, [i]);
      }
    });
    if (missing.size > 0) {
      const toEncode = [...missing.values()];
      const vectors = await this.inner.encode(toEncode.map((indices) => texts[indices[0]]));
      toEncode.forEach((indices, j) => {
        this.misses++;
        for (const i of indices) out[i] = vectors[j];
        this.remember(keys[indices[0]], vectors[j]);
      });
    }
    return out;
  }

  /** Adds known vectors (e.g. read from a file) to the cache. */
  prime(entries: Iterable<[string, Float32Array]>): void {
    for (const [key, v] of entries) this.remember(key, v);
  }

  entries(): IterableIterator<[string, Float32Array]> {
    return this.cache.entries();
  }

  get size(): number {
    return this.cache.size;
  }

  private remember(key: string, v: Float32Array): void {
    this.cache.set(key, v);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
  }
}
