import { createHash, randomBytes } from 'crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, loadConfig, loadConfigWithSecrets } from './app-config';

const strongJwt = randomBytes(48).toString('base64url');
const strongKey = randomBytes(32).toString('base64');
const services = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/skillpath',
  REDIS_URL: 'redis://127.0.0.1:6379',
};
const base = { ...services, JWT_SECRET: strongJwt, CREDENTIAL_SIGNING_KEY: strongKey };

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.redis.prefix).toBe('skillpath');
    expect(c.graphql).toEqual({ maxDepth: 10, maxComplexity: 5000, maxRootFields: 10, introspection: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %j naming %s in one line', (override, variable) => {
    try {
      loadConfig({ ...base, ...override });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).variable).toBe(variable);
      expect((e as Error).message).toContain(variable);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig({ REDIS_URL: base.REDIS_URL })).toThrow(/DATABASE_URL is required/);
  });

  it('demands both secrets in every mode, naming the variable', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => loadConfig({ ...services, NODE_ENV, CREDENTIAL_SIGNING_KEY: strongKey })).toThrow(
        /^Configuration error: JWT_SECRET is required but not set/,
      );
      expect(() => loadConfig({ ...services, NODE_ENV, JWT_SECRET: strongJwt })).toThrow(
        /^Configuration error: CREDENTIAL_SIGNING_KEY is required but not set/,
      );
    }
    const c = loadConfig({ ...base, NODE_ENV: 'production', MAIL_TRANSPORT: 'outbox' });
    expect(c.auth.jwtSecret).toBe(strongJwt);
    expect(c.credentials.signingSeed.equals(Buffer.from(strongKey, 'base64'))).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  // The attack: the old code fell back to a development secret printed in its source whenever
  // NODE_ENV was not production (as under `npm start`), and derived the credential key from it.
  const OLD_DEV_SECRET = 'skillpath-development-secret-do-not-use-in-production';
  it.each([
    ['the old published development secret', { JWT_SECRET: OLD_DEV_SECRET }, 'JWT_SECRET'],
    ['the compose placeholder', { JWT_SECRET: 'change-me-to-32-or-more-random-characters' }, 'JWT_SECRET'],
    ['a repeated character', { JWT_SECRET: 'x'.repeat(40) }, 'JWT_SECRET'],
    ['a run of characters', { JWT_SECRET: 'abcdefghijklmnopqrstuvwxyz0123456789' }, 'JWT_SECRET'],
    ['a short secret', { JWT_SECRET: randomBytes(12).toString('base64url') }, 'JWT_SECRET'],
    [
      'a phrase with a placeholder word',
      { JWT_SECRET: 'our-very-own-secret-for-the-skillpath-api!' },
      'JWT_SECRET',
    ],
    ['two words repeated', { JWT_SECRET: 'hunter2hunter2hunter2hunter2hunter2' }, 'JWT_SECRET'],
    [
      'the key derived from the old development secret',
      {
        CREDENTIAL_SIGNING_KEY: createHash('sha256')
          .update(`skillpath-credential-seed:${OLD_DEV_SECRET}`)
          .digest('base64'),
      },
      'CREDENTIAL_SIGNING_KEY',
    ],
    [
      'the compose placeholder key',
      { CREDENTIAL_SIGNING_KEY: 'bXVzdC1iZS1yZXBsYWNlZC0zMi1ieXRlcy1rZXkhISE=' },
      'CREDENTIAL_SIGNING_KEY',
    ],
    [
      'an all-zero key',
      { CREDENTIAL_SIGNING_KEY: Buffer.alloc(32).toString('base64') },
      'CREDENTIAL_SIGNING_KEY',
    ],
    [
      'a typed 32-character phrase',
      { CREDENTIAL_SIGNING_KEY: Buffer.from('my own key for signing badges!!!').toString('base64') },
      'CREDENTIAL_SIGNING_KEY',
    ],
  ])(
    'refuses %s in every mode, in one line that names the variable and not the value',
    (_, override, variable) => {
      for (const NODE_ENV of ['development', 'test', 'production']) {
        let error: unknown;
        try {
          loadConfig({ ...base, NODE_ENV, ...override });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).variable).toBe(variable);
        const message = (error as Error).message;
        expect(message).toMatch(new RegExp(`^Configuration error: ${variable} [^\\n]+$`));
        expect(message).not.toContain(Object.values(override)[0]);
      }
    },
  );

  it('accepts random secrets of the usual shapes', () => {
    for (let i = 0; i < 200; i++) {
      for (const jwt of [
        randomBytes(16).toString('hex'),
        randomBytes(24).toString('base64'),
        randomBytes(48).toString('base64url'),
      ])
        expect(() => loadConfig({ ...base, JWT_SECRET: jwt })).not.toThrow();
      expect(() =>
        loadConfig({ ...base, CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64') }),
      ).not.toThrow();
    }
  });

  it('refuses the same value for both secrets', () => {
    const same = randomBytes(32).toString('base64');
    expect(() => loadConfig({ ...base, JWT_SECRET: same, CREDENTIAL_SIGNING_KEY: same })).toThrow(
      /CREDENTIAL_SIGNING_KEY must differ from JWT_SECRET/,
    );
  });

  describe('secrets generated on first start', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'skillpath-secrets-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('generates strong, independent secrets once, in a 0600 file, and reuses them', () => {
      const env = { ...services, SKILLPATH_DATA_DIR: join(dir, 'data') };
      const first = loadConfigWithSecrets(env);
      const file = join(dir, 'data', 'secrets.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'data')).mode & 0o077).toBe(0);
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      expect(saved.JWT_SECRET).toBe(first.auth.jwtSecret);
      expect(Buffer.from(saved.CREDENTIAL_SIGNING_KEY, 'base64').equals(first.credentials.signingSeed)).toBe(
        true,
      );
      const second = loadConfigWithSecrets(env);
      expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
      expect(second.credentials.signingSeed.equals(first.credentials.signingSeed)).toBe(true);
      // Not derived from one another.
      const derived = createHash('sha256')
        .update(`skillpath-credential-seed:${first.auth.jwtSecret}`)
        .digest();
      expect(first.credentials.signingSeed.equals(derived)).toBe(false);
    });

    it('lets a configured secret win, and still checks it', () => {
      const env = { ...services, SKILLPATH_DATA_DIR: dir, JWT_SECRET: strongJwt };
      expect(loadConfigWithSecrets(env).auth.jwtSecret).toBe(strongJwt);
      expect(() =>
        loadConfigWithSecrets({
          ...env,
          JWT_SECRET: 'skillpath-development-secret-do-not-use-in-production',
        }),
      ).toThrow(/^Configuration error: JWT_SECRET /);
    });

    it('never generates in production', () => {
      expect(() =>
        loadConfigWithSecrets({ ...services, NODE_ENV: 'production', SKILLPATH_DATA_DIR: dir }),
      ).toThrow(/JWT_SECRET is required/);
      expect(() => statSync(join(dir, 'secrets.json'))).toThrow();
    });

    it('reports another bad variable without writing secrets', () => {
      expect(() => loadConfigWithSecrets({ ...services, PORT: 'abc', SKILLPATH_DATA_DIR: dir })).toThrow(
        /PORT/,
      );
      expect(() => statSync(join(dir, 'secrets.json'))).toThrow();
    });

    it('narrows a secrets file others can read', () => {
      const env = { ...services, SKILLPATH_DATA_DIR: dir };
      loadConfigWithSecrets(env);
      const file = join(dir, 'secrets.json');
      writeFileSync(file, readFileSync(file), { mode: 0o644 });
      chmodSync(file, 0o644);
      loadConfigWithSecrets(env);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });
  });

  it('sends account emails to a local outbox in development, and demands a real transport in production', () => {
    expect(loadConfig(base).mail).toEqual({
      transport: 'outbox',
      from: expect.stringContaining('Skillpath'),
      outboxFile: '.data/outbox.jsonl',
    });
    expect(loadConfig({ ...base, SMTP_URL: 'smtp://u:p@mail.example.org:587' }).mail).toMatchObject({
      transport: 'smtp',
      smtpUrl: 'smtp://u:p@mail.example.org:587',
    });
    const notifyKey = `council-${'1'.repeat(8)}-1111-1111-1111-${'1'.repeat(12)}-${'2'.repeat(8)}-2222-2222-2222-${'2'.repeat(12)}`;
    expect(
      loadConfig({
        ...base,
        NOTIFY_API_KEY: notifyKey,
        NOTIFY_TEMPLATE_ID: '3f1e6a8c-3b4e-4c55-9c0e-2a6f5b7d9e10',
      }).mail,
    ).toMatchObject({ transport: 'notify', notifyBaseUrl: 'https://api.notifications.service.gov.uk' });
    expect(() => loadConfig({ ...base, NOTIFY_API_KEY: notifyKey })).toThrow(
      /NOTIFY_TEMPLATE_ID is required/,
    );
    expect(() => loadConfig({ ...base, MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL is required/);
    const prod = {
      ...base,
      NODE_ENV: 'production',
    };
    expect(() => loadConfig(prod)).toThrow(/MAIL_TRANSPORT is required in production/);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ NOTIFY_API_KEY: 'not-a-key' }, 'NOTIFY_API_KEY'],
    [{ CREDENTIAL_SIGNING_KEY: Buffer.alloc(16).toString('base64') }, 'CREDENTIAL_SIGNING_KEY'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://x.org/' }, 'PUBLIC_URL'],
  ])('rejects %j naming %s in one line', (override, variable) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(
      new RegExp(`^Configuration error: ${variable} [^\\n]+$`),
    );
  });
});
