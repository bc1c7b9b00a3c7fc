import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'crypto';

/**
 * Pairwise pseudonyms for candidates: what an employer sees in place of a learner's id.
 *
 * The pseudonym is the learner's UUID (16 bytes, one AES block) encrypted with AES-256 under a key
 * that is an HMAC of the employer's id with a server key (itself derived by HKDF, with its own label,
 * from the credential signing seed). One block under a keyed pseudorandom permutation: stable for one
 * employer, unrelated across employers (two employers cannot link a candidate), and the server turns
 * it back into the learner's id without a lookup table. An employer cannot forge one for a learner it
 * has not been shown: without the key, a guessed string decrypts to a random id that is no candidate.
 */
export class CandidatePseudonyms {
  private readonly serverKey: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('the pseudonym secret must be at least 32 bytes');
    this.serverKey = Buffer.from(hkdfSync('sha256', secret, 'skillpath', 'candidate-pseudonym-v1', 32));
  }

  private keyFor(employerId: string): Buffer {
    return createHmac('sha256', this.serverKey).update(`employer:${employerId}`).digest();
  }

  /** The learner as this employer sees them. */
  of(employerId: string, userId: string): string {
    const block = Buffer.from(userId.replace(/-/g, ''), 'hex');
    if (block.length !== 16) throw new Error('a user id is a UUID');
    const c = createCipheriv('aes-256-ecb', this.keyFor(employerId), null).setAutoPadding(false);
    return `c_${Buffer.concat([c.update(block), c.final()]).toString('base64url')}`;
  }

  /** The learner behind this employer's pseudonym, or null when it is not one (then: "not available"). */
  resolve(employerId: string, pseudonym: string): string | null {
    const m = /^c_([A-Za-z0-9_-]{22})$/.exec(pseudonym.trim());
    if (!m) return null;
    const block = Buffer.from(m[1], 'base64url');
    if (block.length !== 16) return null;
    const d = createDecipheriv('aes-256-ecb', this.keyFor(employerId), null).setAutoPadding(false);
    const hex = Buffer.concat([d.update(block), d.final()]).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
