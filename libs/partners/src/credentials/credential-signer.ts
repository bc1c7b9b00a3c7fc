import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'crypto';

/**
 * Signs and verifies credentials as VC-JWT: a compact JWS with alg EdDSA (Ed25519), which Open Badges
 * 3.0 allows alongside Data Integrity proofs. Chosen because a compact JWS needs no canonicalisation
 * (eddsa-jcs-2022 needs JCS, multibase/multikey encodings and a proof-configuration hash), is one
 * string that fits a link or QR code, and any JOSE library verifies it with the published JWK.
 */
export class CredentialSigner {
  private readonly privateKey: KeyObject;
  readonly publicJwk: { kty: string; crv: string; x: string };

  constructor(
    seed: Buffer,
    readonly keyId: string,
  ) {
    if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte prefix, then the seed.
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    this.privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    const jwk = createPublicKey(this.privateKey).export({ format: 'jwk' });
    this.publicJwk = { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! };
  }

  sign(payload: Record<string, unknown>): string {
    const header = { alg: 'EdDSA', typ: 'JWT', kid: this.keyId, jwk: this.publicJwk };
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${sign(null, Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  /** The payload when the signature is ours and intact; null otherwise (malformed, other key, tampered). */
  verify(jws: string): Record<string, unknown> | null {
    const parts = jws.trim().split('.');
    if (parts.length !== 3) return null;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as { alg?: string };
      if (header.alg !== 'EdDSA') return null;
      const ok = verify(
        null,
        Buffer.from(`${parts[0]}.${parts[1]}`),
        createPublicKey({ key: this.publicJwk, format: 'jwk' }),
        Buffer.from(parts[2], 'base64url'),
      );
      return ok
        ? (JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  }
}

function b64(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}
