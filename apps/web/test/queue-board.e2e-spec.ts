import { AuthService } from '@skillpath/auth';
import { startTestStack, type TestStack } from '../../api/src/testing/test-stack';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { snap } from './screens';

const PASSWORD = 'an admin password';

/** The admins' queue board in a real browser: it must work under its content security policy. */
describe('the queue board, in a real browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startTestStack();
    origin = (await stack.api.getUrl()).replace('[::1]', '127.0.0.1');
    await stack.api.get(AuthService).createUser({
      email: 'ops@example.org',
      password: PASSWORD,
      displayName: 'Ops',
      role: 'ADMIN',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows every queue to an admin signed in with Basic auth, and calls no other host', async () => {
    const context = await browser.newContext({
      httpCredentials: { username: 'ops@example.org', password: PASSWORD },
      viewport: { width: 1280, height: 800 },
    });
    try {
      const page = await context.newPage();
      const answered: string[] = [];
      const errors: string[] = [];
      const blocked: string[] = [];
      const refused: string[] = [];
      page.on('response', (r) => answered.push(r.url()));
      page.on('requestfailed', (r) => refused.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/.test(m.text())) blocked.push(m.text());
      });
      await page.goto(`${origin}/admin/queues`);
      for (const name of ['source-refresh', 'roadmap-replan'])
        await page.getByText(name, { exact: true }).first().waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
      expect(answered.length).toBeGreaterThan(3);
      expect(answered.filter((u) => new URL(u).origin !== origin)).toEqual([]);
      // Anything from another host (the board links a web-font stylesheet) is refused by the browser
      // itself, by the policy: no lookup, no connection.
      expect(refused.filter((r) => !/ csp$/.test(r))).toEqual([]);
      // Only the third-party font stylesheet may have been refused; nothing the board needs.
      expect(blocked.filter((t) => !/fonts\.googleapis\.com/.test(t))).toEqual([]);
      await snap(page, 'queue-board');
    } finally {
      await context.close();
    }
  });
});
