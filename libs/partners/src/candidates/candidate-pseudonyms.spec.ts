import fc from 'fast-check';
import { CandidatePseudonyms } from './candidate-pseudonyms';

describe('CandidatePseudonyms', () => {
  const p = new CandidatePseudonyms(Buffer.alloc(32, 9));
  const uuid = fc.uuid();

  it('is stable per employer, reversible by the server, and never the user id', () => {
    fc.assert(
      fc.property(uuid, uuid, (employer, user) => {
        const a = p.of(employer, user);
        expect(p.of(employer, user)).toBe(a);
        expect(p.resolve(employer, a)).toBe(user);
        expect(a).not.toContain(user);
        expect(a).not.toContain(user.replace(/-/g, ''));
      }),
    );
  });

  it('differs across employers, so two employers cannot link a candidate', () => {
    fc.assert(
      fc.property(uuid, uuid, uuid, (e1, e2, user) => {
        fc.pre(e1 !== e2);
        expect(p.of(e1, user)).not.toBe(p.of(e2, user));
        // Another employer's pseudonym resolves, for this employer, to someone else entirely.
        expect(p.resolve(e2, p.of(e1, user))).not.toBe(user);
      }),
    );
  });

  it('depends on the server key and refuses what is not a pseudonym', () => {
    const other = new CandidatePseudonyms(Buffer.alloc(32, 8));
    const e = '00000000-0000-4000-8000-000000000001';
    const u = '00000000-0000-4000-8000-000000000002';
    expect(other.of(e, u)).not.toBe(p.of(e, u));
    expect(p.resolve(e, u)).toBeNull();
    expect(p.resolve(e, 'c_short')).toBeNull();
    expect(p.resolve(e, '')).toBeNull();
    expect(() => new CandidatePseudonyms(Buffer.alloc(8))).toThrow(/32 bytes/);
  });
});
