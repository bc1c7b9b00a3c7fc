import { promises as fs } from 'fs';
import * as path from 'path';
import { CachingSentenceEncoder, SentenceEncoder } from '@skillpath/taxonomy';
import { CACHE_DIR } from './esco-data';

/** A caching encoder whose cache persists in .data/skill-ranking (gitignored) between script runs. */
export async function persistentEncoder(inner: SentenceEncoder): Promise<{
  encoder: CachingSentenceEncoder;
  save: () => Promise<void>;
}> {
  const file = path.join(CACHE_DIR, `sentences--${inner.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`);
  const encoder = new CachingSentenceEncoder(inner, 1_000_000);
  const stored = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (stored) {
    const entries = JSON.parse(stored) as [string, string][];
    encoder.prime(
      entries.map(([k, b64]) => {
        const buf = Buffer.from(b64, 'base64');
        return [k, new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength))];
      }),
    );
  }
  return {
    encoder,
    save: async () => {
      await fs.mkdir(CACHE_DIR, { recursive: true });
      const out = [...encoder.entries()].map(([k, v]) => [
        k,
        Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'),
      ]);
      await fs.writeFile(file, JSON.stringify(out));
    },
  };
}
