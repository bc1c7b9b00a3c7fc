import fc from 'fast-check';
import { gunzipSync } from 'zlib';
import { encodeStatusList, statusAt, STATUS_LIST_LENGTH } from './bitstring-status-list';

describe('Bitstring Status List', () => {
  it('sets exactly the revoked bits, left-most bit first, in a list of at least 16 KB', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: STATUS_LIST_LENGTH - 1 }), { maxLength: 40 }),
        (revoked) => {
          const list = encodeStatusList(revoked);
          const set = new Set(revoked);
          for (const i of revoked) expect(statusAt(list, i)).toBe(true);
          for (const i of [0, 1, 7, 8, 65_535, STATUS_LIST_LENGTH - 1])
            expect(statusAt(list, i)).toBe(set.has(i));
        },
      ),
      { numRuns: 30 },
    );
    const raw = gunzipSync(Buffer.from(encodeStatusList([0, 9]).slice(1), 'base64url'));
    expect(raw.length).toBe(16_384);
    expect([raw[0], raw[1]]).toEqual([0x80, 0x40]);
  });

  it('refuses indexes outside the list and lists that are not multibase base64url', () => {
    expect(() => encodeStatusList([STATUS_LIST_LENGTH])).toThrow(/out of range/);
    expect(() => encodeStatusList([-1])).toThrow(/out of range/);
    expect(() => statusAt('zabc', 0)).toThrow(/multibase/);
  });
});
