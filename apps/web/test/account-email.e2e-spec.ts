import { linkIn, startSmtpCatcher, type SmtpCatcher } from '@skillpath/testing';
import type { Page } from 'playwright-core';
import { expectAccessible, useBrowserHarness } from './harness';

/** The element that has the focus, described by its tag, id and class. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: { activeElement: { tagName: string; id: string; className: string } | null };
      }
    ).document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : 'none';
  });
}

/**
 * Forgot password, email verification and on-screen errors (issue 14, items 7 and 8), on a phone:
 * the emails go through a real SMTP server on localhost and the test opens the links in them.
 */
describe('account emails and error summaries, in a real browser at 360×780', () => {
  let smtp: SmtpCatcher;

  // The SMTP catcher starts first (beforeAll runs in order), so the stack can be told its address.
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  const h = useBrowserHarness({ stack: () => ({ env: { SMTP_URL: smtp.url } }) });
  const phone = () => h.newPhonePage();
  const web = {
    get url() {
      return h.url;
    },
  };

  afterAll(async () => {
    await smtp?.close();
  });

  /** Emailed links point at PUBLIC_URL; the browser opens the same path on the app under test. */
  const onApp = (link: string) => web.url + link.slice(link.indexOf('/', 'https://'.length));

  it('shows errors in a focused summary that links to each field, and marks the field', async () => {
    const page = await phone();
    await page.goto(`${web.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByRole('button', { name: 'Log in' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await focused(page)).toContain('error-summary');
    await expect(page.getByLabel('Email address').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'the log-in form with errors');
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(await focused(page)).toBe('input#login-password.');

    // A server error (wrong password) also takes the focus, where a phone user can see it.
    await page.getByLabel('Email address').fill('nobody@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That email and password do not match an account.').waitFor();
    expect(await focused(page)).toContain('error-summary');
    const box = await summary.boundingBox();
    expect(box && box.y >= 0 && box.y < 780).toBe(true);
  }, 300_000);

  it('confirms the email address from the link sent on signing up', async () => {
    const page = await phone();
    await page.goto(`${web.url}/signup`);
    await page.getByLabel('Your name').fill('Nia');
    await page.getByLabel('Email address').fill('nia@example.org');
    await page.getByLabel('Create a password').fill('first long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your digital skills' }).waitFor();

    await page.goto(`${web.url}/account`);
    await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    await expectAccessible(page, 'the account page before confirming');

    const mail = await smtp.next('nia@example.org');
    await page.goto(onApp(linkIn(mail.text, '/verify-email')));
    await page.getByRole('heading', { level: 1, name: 'Email address confirmed' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await expectAccessible(page, 'the email confirmed page');
    await page.goto(`${web.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('heading', { name: 'Download your data' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Confirm your email address' }).count()).toBe(0);
  }, 300_000);

  it('resets a forgotten password through the emailed link, once', async () => {
    const page = await phone();
    await page.goto(`${web.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await expectAccessible(page, 'the forgot password page');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('link', { name: 'Enter an email address like name@example.com' }).waitFor();
    await page.getByLabel('Email address').fill('nia@example.org');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await expectAccessible(page, 'the check your email page');

    const link = onApp(linkIn((await smtp.next('nia@example.org')).text, '/reset-password'));
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('link', { name: 'Your password must be at least 10 characters' }).waitFor();
    await expectAccessible(page, 'the new password form with an error');
    await page.getByLabel('New password').fill('second long password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password has been changed' }).waitFor();

    // The link is spent (a fresh load: from the same path only the hash would change).
    await page.goto(`${web.url}/login`);
    await page.goto(link);
    await page.getByLabel('New password').fill('third long password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page
      .getByText('That reset link has expired or has already been used. Ask for a new one.')
      .waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();

    await page.goto(`${web.url}/login`);
    await page.getByLabel('Email address').fill('nia@example.org');
    await page.getByLabel('Password').fill('second long password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/(roadmap|check)$/);
  }, 300_000);
});
