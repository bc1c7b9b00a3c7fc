import { gunzipSync, gzipSync } from 'zlib';

/**
 * W3C Bitstring Status List v1.0: a credential's revocation is one bit in a published, signed list.
 * The list is at least 16 KB (131,072 entries) so one credential's bit hides among many ("herd privacy");
 * index 0 is the left-most (most significant) bit of the first byte. `encodedList` is the multibase
 * base64url (prefix "u", no padding) of the GZIP-compressed bitstring.
 */
export const STATUS_LIST_LENGTH = 131_072;

export function encodeStatusList(revoked: Iterable<number>, length = STATUS_LIST_LENGTH): string {
  const bytes = Buffer.alloc(Math.ceil(length / 8));
  for (const i of revoked) {
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new Error(`status list index ${i} out of range`);
    bytes[i >> 3] |= 0x80 >> (i & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** Whether the bit at `index` is set in an encoded list (as any verifier reads it). */
export function statusAt(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList must be multibase base64url (prefix "u")');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bytes.length * 8) throw new Error(`status list index ${index} out of range`);
  return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}
