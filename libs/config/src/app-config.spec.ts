import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/skillpath',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.redis.prefix).toBe('skillpath');
    expect(c.graphql).toEqual({ maxDepth: 10, maxComplexity: 5000 });
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

  it('demands a JWT secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(
      loadConfig({
        ...base,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        CREDENTIAL_SIGNING_KEY: key,
        MAIL_TRANSPORT: 'outbox',
      }).auth.jwtSecret,
    ).toHaveLength(40);
  });

  it('derives a stable development credential key and public URL, and demands a real key in production', () => {
    const a = loadConfig(base);
    expect(a.credentials.signingSeed).toHaveLength(32);
    expect(loadConfig(base).credentials.signingSeed.equals(a.credentials.signingSeed)).toBe(true);
    expect(a.publicUrl).toBe('http://localhost:3000');
    const key = Buffer.alloc(32, 7).toString('base64');
    const c = loadConfig({
      ...base,
      CREDENTIAL_SIGNING_KEY: key,
      PUBLIC_URL: 'https://skillpath.example.org',
    });
    expect(c.credentials.signingSeed.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(c.publicUrl).toBe('https://skillpath.example.org');
    const prod = {
      ...base,
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mail.example.org:587',
    };
    expect(() => loadConfig(prod)).toThrow(/CREDENTIAL_SIGNING_KEY is required in production/);
    expect(loadConfig({ ...prod, CREDENTIAL_SIGNING_KEY: key }).credentials.signingSeed).toHaveLength(32);
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
      JWT_SECRET: 'x'.repeat(40),
      CREDENTIAL_SIGNING_KEY: Buffer.alloc(32, 1).toString('base64'),
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
