import { CredentialSigner } from './credential-signer';

describe('CredentialSigner', () => {
  const signer = new CredentialSigner(Buffer.alloc(32, 3), 'https://x.org/credentials/issuer#key-1');

  it('signs a compact EdDSA JWS that verifies, and the same seed gives the same public key', () => {
    const jws = signer.sign({ jti: 'urn:1', vc: { name: 'A' } });
    const [h] = jws.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({
      alg: 'EdDSA',
      kid: 'https://x.org/credentials/issuer#key-1',
    });
    expect(signer.verify(jws)).toEqual({ jti: 'urn:1', vc: { name: 'A' } });
    expect(new CredentialSigner(Buffer.alloc(32, 3), 'k').publicJwk).toEqual(signer.publicJwk);
  });

  it('rejects a tampered payload, another key, another algorithm and garbage', () => {
    const jws = signer.sign({ jti: 'urn:1' });
    const [h, , s] = jws.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ jti: 'urn:2' })).toString('base64url')}.${s}`;
    expect(signer.verify(forged)).toBeNull();
    expect(new CredentialSigner(Buffer.alloc(32, 4), 'k').verify(jws)).toBeNull();
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${jws.split('.')[1]}.`;
    expect(signer.verify(none)).toBeNull();
    expect(signer.verify('not.a.jws')).toBeNull();
    expect(signer.verify('')).toBeNull();
  });
});
