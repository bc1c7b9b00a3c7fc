import type { INestApplication } from '@nestjs/common';
import { createHash, createHmac } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AuthService } from '@skillpath/auth';
import { AppConfig, loadConfigWithSecrets } from '@skillpath/config';
import { CredentialSigner } from '@skillpath/partners';
import {
  createTestDatabase,
  flushRedisPrefix,
  GraphQLTestClient,
  randomRedisPrefix,
  testServers,
  TestDatabase,
} from '@skillpath/testing';
import { createApiApp } from '../bootstrap';

/** The development secret the old code fell back to whenever NODE_ENV was not "production". */
const OLD_DEV_SECRET = 'skillpath-development-secret-do-not-use-in-production';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function hsToken(secret: string, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const alg = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${input}.${createHmac(alg, secret).update(input).digest('base64url')}`;
}

/**
 * Replays the audit's attacks on an API configured exactly as `npm start` configures it: no NODE_ENV,
 * no JWT_SECRET, no CREDENTIAL_SIGNING_KEY (the secrets come from a fresh data directory).
 */
describe('secrets fail closed (attack replays)', () => {
  let db: TestDatabase;
  let prefix: string;
  let dataDir: string;
  let config: AppConfig;
  let api: INestApplication;
  let gql: GraphQLTestClient;
  let adminId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = randomRedisPrefix();
    dataDir = mkdtempSync(join(tmpdir(), 'skillpath-data-'));
    config = loadConfigWithSecrets({
      DATABASE_URL: db.url,
      REDIS_URL: testServers().redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      SKILLPATH_DATA_DIR: dataDir,
      API_MAX_EVENT_LOOP_DELAY_MS: '60000', // a busy test machine must not shed these requests
    });
    api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    gql = new GraphQLTestClient((await api.getUrl()).replace('[::1]', '127.0.0.1'));
    const admin = await api.get(AuthService).createUser({
      email: 'admin@example.org',
      password: 'a long admin password',
      displayName: 'Admin',
      role: 'ADMIN',
    });
    adminId = admin.id;
  });

  afterAll(async () => {
    await api?.close();
    await flushRedisPrefix(prefix);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const fullClaims = () => ({
    sub: adminId,
    role: 'ADMIN',
    iss: 'skillpath',
    aud: 'skillpath-api',
    iat: now(),
    exp: now() + 600,
  });
  const SOURCES = '{ sources { id } }';

  it('generated its own secrets instead of the published one', () => {
    expect(config.auth.jwtSecret).not.toBe(OLD_DEV_SECRET);
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('opens nothing with a token forged with the old published development secret', async () => {
    const forged = hsToken(OLD_DEV_SECRET, { alg: 'HS256', typ: 'JWT' }, fullClaims());
    expect(await gql.as(forged).errorCode(SOURCES)).toBe('UNAUTHENTICATED');
    const oldShape = hsToken(
      OLD_DEV_SECRET,
      { alg: 'HS256', typ: 'JWT' },
      { ...fullClaims(), aud: undefined },
    );
    expect(await gql.as(oldShape).errorCode(SOURCES)).toBe('UNAUTHENTICATED');
  });

  it('accepts a well-formed token signed with the real secret (control)', async () => {
    const good = hsToken(config.auth.jwtSecret, { alg: 'HS256', typ: 'JWT' }, fullClaims());
    expect((await gql.as(good).ok<{ sources: unknown[] }>(SOURCES)).sources).toEqual([]);
  });

  it.each([
    ['no aud', { aud: undefined }],
    ['another aud', { aud: 'someone-else' }],
    ['no iss', { iss: undefined }],
    ['another iss', { iss: 'evil' }],
    ['no exp', { exp: undefined }],
    ['an expired exp', { exp: now() - 10 }],
  ])('refuses a token with the real secret but %s', async (_, override) => {
    const token = hsToken(
      config.auth.jwtSecret,
      { alg: 'HS256', typ: 'JWT' },
      { ...fullClaims(), ...override },
    );
    expect(await gql.as(token).errorCode(SOURCES)).toBe('UNAUTHENTICATED');
  });

  it('refuses alg "none" and any algorithm but HS256', async () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(fullClaims())}.`;
    expect(await gql.as(none).errorCode(SOURCES)).toBe('UNAUTHENTICATED');
    const hs512 = hsToken(config.auth.jwtSecret, { alg: 'HS512', typ: 'JWT' }, fullClaims());
    expect(await gql.as(hs512).errorCode(SOURCES)).toBe('UNAUTHENTICATED');
  });

  it('does not call valid an Open Badge signed with the key derived from the old development secret', async () => {
    const derivedSeed = createHash('sha256').update(`skillpath-credential-seed:${OLD_DEV_SECRET}`).digest();
    const forger = new CredentialSigner(derivedSeed, `${config.publicUrl}/issuers/skillpath#key-1`);
    const jws = forger.sign({
      iss: `${config.publicUrl}/issuers/skillpath`,
      jti: `${config.publicUrl}/credentials/00000000-0000-4000-8000-000000000000`,
      nbf: now(),
      vc: {
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: { achievement: { name: 'Guaranteed interview at NHS England' } },
      },
    });
    const r = await gql.ok<{ verifyCredential: { valid: boolean; signatureValid: boolean } }>(
      'query($jws: String) { verifyCredential(jws: $jws) { valid signatureValid } }',
      { jws },
    );
    expect(r.verifyCredential).toEqual({ valid: false, signatureValid: false });
  });
});
