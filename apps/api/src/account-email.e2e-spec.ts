import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { createHmac } from 'crypto';
import { NotifyMailer, OutboxMailer } from '@skillpath/auth';
import { linkIn, queryRows, startSmtpCatcher, type SmtpCatcher } from '@skillpath/testing';
import { startTestStack, type TestStack } from './testing/test-stack';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id emailVerified } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const tokenOf = (link: string) => link.split('#token=')[1];

describe('password reset and email verification by email (a real SMTP server on localhost)', () => {
  let smtp: SmtpCatcher;
  let stack: TestStack;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    stack = await startTestStack({
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://skillpath.example.org' },
    });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  it('sends a confirmation link on registering; the link confirms the address once', async () => {
    const reg = await stack.gql.ok<{ register: { accessToken: string; user: { emailVerified: boolean } } }>(
      REGISTER,
      { input: { email: 'Vera@Example.org', password: 'first password', displayName: 'Vera' } },
    );
    expect(reg.register.user.emailVerified).toBe(false);
    const mail = await smtp.next('vera@example.org');
    expect(mail.subject).toBe('Confirm your email address for Skillpath');
    const link = linkIn(mail.text, '/verify-email');
    expect(link.startsWith('https://skillpath.example.org/verify-email#token=')).toBe(true);

    await stack.gql.ok(VERIFY, { token: tokenOf(link) });
    const me = await stack.gql
      .as(reg.register.accessToken)
      .ok<{ me: { emailVerified: boolean } }>(`{ me { emailVerified } }`);
    expect(me.me.emailVerified).toBe(true);
    const again = await stack.gql.request(VERIFY, { token: tokenOf(link) });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/expired or has already been used/);
  });

  it('resets a password by a single-use link, signs out old sessions, and never says who has an account', async () => {
    const reg = await stack.gql.ok<{ register: { refreshToken: string } }>(REGISTER, {
      input: { email: 'rosa@example.org', password: 'old password 1', displayName: 'Rosa' },
    });
    await smtp.next('rosa@example.org'); // the confirmation email

    // The same answer for an unknown address; no email goes out for it.
    const unknown = await stack.gql.request<{ requestPasswordReset: boolean }>(REQUEST_RESET, {
      email: 'nobody@example.org',
    });
    const known = await stack.gql.request<{ requestPasswordReset: boolean }>(REQUEST_RESET, {
      email: 'ROSA@example.org',
    });
    expect(unknown).toEqual(known);
    expect(known).toEqual({ data: { requestPasswordReset: true } });
    const mail = await smtp.next('rosa@example.org');
    expect(mail.subject).toBe('Reset your Skillpath password');
    expect(mail.text).toContain('Hello Rosa');
    expect(smtp.received.some((m) => m.to.includes('nobody@example.org'))).toBe(false);

    // Only a hash is stored.
    const token = tokenOf(linkIn(mail.text, '/reset-password'));
    const stored = await queryRows<{ token_hash: string }>(
      stack.db.url,
      `SELECT token_hash FROM account_tokens`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => r.token_hash === token)).toBe(false);

    // Too short a password spends nothing.
    const short = await stack.gql.request(RESET, { token, password: 'short' });
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    await stack.gql.ok(RESET, { token, password: 'new password 2' });
    const reused = await stack.gql.request(RESET, { token, password: 'another password 3' });
    expect(reused.errors?.[0].message).toMatch(/expired or has already been used/);

    // The old password and the old session no longer work; the new password does.
    expect(await stack.gql.errorCode(LOGIN, { email: 'rosa@example.org', password: 'old password 1' })).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await stack.gql.errorCode(`mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`, {
        t: reg.register.refreshToken,
      }),
    ).toBe('UNAUTHENTICATED');
    await stack.gql.ok(LOGIN, { email: 'rosa@example.org', password: 'new password 2' });
  });

  it('honours only the latest link, and not after it expires', async () => {
    await stack.gql.ok(REGISTER, {
      input: { email: 'ines@example.org', password: 'old password 1', displayName: 'Ines' },
    });
    await smtp.next('ines@example.org');
    await stack.gql.ok(REQUEST_RESET, { email: 'ines@example.org' });
    const first = tokenOf(linkIn((await smtp.next('ines@example.org')).text, '/reset-password'));
    await stack.gql.ok(REQUEST_RESET, { email: 'ines@example.org' });
    const second = tokenOf(linkIn((await smtp.next('ines@example.org')).text, '/reset-password'));
    expect(
      (await stack.gql.request(RESET, { token: first, password: 'new password 2' })).errors,
    ).toHaveLength(1);

    await queryRows(
      stack.db.url,
      `UPDATE account_tokens SET expires_at = now() - interval '1 second'
        WHERE user_id = (SELECT id FROM users WHERE email = 'ines@example.org') AND used_at IS NULL`,
    );
    expect(
      (await stack.gql.request(RESET, { token: second, password: 'new password 2' })).errors,
    ).toHaveLength(1);
  });

  it('rejects a malformed email with BAD_USER_INPUT', async () => {
    expect(await stack.gql.errorCode(REQUEST_RESET, { email: 'not an email' })).toBe('BAD_USER_INPUT');
  });
});

describe('the other mail transports', () => {
  it('appends each email as a JSON line to the development outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const file = join(dir, 'sub', 'outbox.jsonl');
      const mailer = new OutboxMailer(file, 'Skillpath <no-reply@example.org>');
      await mailer.send({ to: 'a@example.org', subject: 'One', text: 'first' });
      await mailer.send({ to: 'b@example.org', subject: 'Two', text: 'second' });
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>);
      expect(lines.map((l) => [l.to, l.subject, l.text])).toEqual([
        ['a@example.org', 'One', 'first'],
        ['b@example.org', 'Two', 'second'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls GOV.UK Notify with a JWT signed by the key secret, and reports a refusal', async () => {
    const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
    const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
    const templateId = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
    const seen: Array<{ auth: string; body: Record<string, unknown> }> = [];
    let status = 201;
    const server: Server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        seen.push({
          auth: req.headers.authorization ?? '',
          body: JSON.parse(raw) as Record<string, unknown>,
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          status === 201
            ? '{"id":"x"}'
            : '{"errors":[{"error":"BadRequestError","message":"Missing personalisation"}]}',
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const mailer = new NotifyMailer(`my-council-${serviceId}-${secret}`, templateId, url);
      await mailer.send({ to: 'c@example.org', subject: 'Subject line', text: 'Body text' });
      expect(seen[0].body).toEqual({
        email_address: 'c@example.org',
        template_id: templateId,
        personalisation: { subject: 'Subject line', body: 'Body text' },
      });
      const [h, c, s] = seen[0].auth.replace('Bearer ', '').split('.');
      expect(createHmac('sha256', secret).update(`${h}.${c}`).digest('base64url')).toBe(s);
      const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as { iss: string; iat: number };
      expect(claims.iss).toBe(serviceId);
      expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(30);
      status = 400;
      await expect(mailer.send({ to: 'c@example.org', subject: 'S', text: 'T' })).rejects.toThrow(
        /Notify refused the email \(HTTP 400\).*Missing personalisation/,
      );
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
