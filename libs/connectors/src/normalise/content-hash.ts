import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted and undefined members left out, Dates as ISO strings: the same content
 * always gives the same text whatever order a feed (or our code) built it in. Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 of everything the opportunity says except its own hash. Volatile feed fields (posted date,
 * distance from a search point, number of positions) never reach the normalised record, so they cannot
 * move the hash. The matched skills are included: when the taxonomy learns a skill a listing mentions, the
 * hash changes and the next refresh rewrites the listing's skills.
 */
export function contentHashOf<T extends { contentHash?: string }>(opportunity: T): string {
  const { contentHash: _ignored, ...content } = opportunity;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
