import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { GraphQLTestClient } from '@skillpath/testing';
import { adminClient, verifyOrganisation } from '../../api/src/partners/partners-test-helpers';
import { startTestStack, type TestStack } from '../../api/src/testing/test-stack';
import { launchChromium } from './browser';
import { ensureWebBuilt } from './web-build';
import { webAppUrl, type WebServer } from './web-server';

export { expectAccessible, navTo } from './browser';

/** A cheap phone, as issue 14 tried the app: 360 × 780, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 780 },
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** How long one step of a walk may take on a busy shared machine. */
export const STEP_TIMEOUT = 60_000;
export const PASSWORD = 'a long enough password';

export interface BrowserHarness {
  readonly stack: TestStack;
  /** Where the browser opens the app (the API, or a small server in front of it). */
  readonly url: string;
  readonly browser: Browser;
  /** A fresh browser context (its own cookies: one person's browser, with tabs), closed with the harness. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context, closed with the harness. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  newPhonePage(): Promise<Page>;
  /**
   * Signs a new resident up through the home page and the sign-up form, as a person does; waits for
   * the first page after it (the digital skills check).
   */
  signUpResident(page: Page, who: { name: string; email: string; password?: string }): Promise<void>;
  /**
   * Runs `fn` after the file's tests, before the stack stops (a file's own database connection must
   * end before its database is dropped; jest runs afterAll hooks in the order they were declared).
   */
  onClose(fn: () => Promise<unknown> | unknown): void;
  /** Logs in through the form and waits for the first page's heading. */
  logIn(page: Page, email: string, password?: string, heading?: string | RegExp): Promise<void>;
  /**
   * A new organisation and its owner (password PASSWORD), verified by an admin as a real one would be:
   * an unverified organisation sees nothing.
   */
  registerOrganisation(
    email: string,
    role: 'EMPLOYER' | 'PROVIDER' | 'PARTNER',
    name: string,
  ): Promise<{ client: GraphQLTestClient; organisationId: string }>;
}

type StackOptions = NonNullable<Parameters<typeof startTestStack>[0]>;

export interface HarnessOptions {
  /**
   * Passed to startTestStack: the worker, the seed, environment. A function is called when the stack
   * starts (for values known only then, such as the address of a mail server started just before).
   */
  stack?: StackOptions | (() => StackOptions);
}

/**
 * Starts, for one test file, the whole stack, the built web app in front of it and headless
 * Chromium, and closes all of it (and every page it opened) after the file. Call at the top of a
 * `describe`; the returned object is usable inside tests (its fields are set in beforeAll).
 * Load shedding is off unless the options set it: on a busy shared machine the event loop often lags
 * past the production threshold, and a shed request would fail a walk for reasons of the machine.
 */
export function useBrowserHarness(options: HarnessOptions = {}): BrowserHarness {
  let stack: TestStack | undefined;
  let web: WebServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const closers: Array<() => Promise<unknown> | unknown> = [];
  let admin: Promise<GraphQLTestClient> | undefined;
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`The browser harness has no ${what} yet (use it inside a test).`);
    return v;
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchChromium();
    const opts = (typeof options.stack === 'function' ? options.stack() : options.stack) ?? {};
    stack = await startTestStack({
      ...opts,
      env: { API_MAX_EVENT_LOOP_DELAY_MS: '60000', ...(opts.env ?? {}) },
    });
    web = await webAppUrl((await stack.api.getUrl()).replace('[::1]', '127.0.0.1'));
  }, 600_000);

  afterAll(async () => {
    for (const fn of closers) await fn();
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await web?.close();
    await stack?.close();
  });

  const harness: BrowserHarness = {
    get stack() {
      return need(stack, 'stack');
    },
    get url() {
      return need(web, 'web server').url;
    },
    get browser() {
      return need(browser, 'browser');
    },
    async newContext(contextOptions: BrowserContextOptions = PHONE) {
      const context = await need(browser, 'browser').newContext(contextOptions);
      context.setDefaultTimeout(STEP_TIMEOUT);
      contexts.push(context);
      return context;
    },
    async newPage(contextOptions: BrowserContextOptions = PHONE) {
      return (await harness.newContext(contextOptions)).newPage();
    },
    newPhonePage() {
      return harness.newPage(PHONE);
    },
    async signUpResident(page, who) {
      await page.goto(harness.url);
      await page.getByRole('link', { name: 'Get started' }).click();
      await page.getByLabel('Your name').fill(who.name);
      await page.getByLabel('Email address').fill(who.email);
      await page.getByLabel('Create a password').fill(who.password ?? PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your digital skills' }).waitFor();
    },
    onClose(fn) {
      closers.push(fn);
    },
    async logIn(page, email, password = PASSWORD, heading) {
      await page.goto(`${harness.url}/login`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    },
    async registerOrganisation(email, role, name) {
      const gql = need(stack, 'stack').gql;
      const reg = await gql.ok<{ register: { accessToken: string } }>(
        'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
        { input: { email, password: PASSWORD, displayName: name, role, organisationName: name } },
      );
      const client = gql.as(reg.register.accessToken);
      const orgs = await client.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
        '{ myOrganisations { organisation { id } } }',
      );
      const organisationId = orgs.myOrganisations[0].organisation.id;
      admin ??= adminClient(need(stack, 'stack'));
      await verifyOrganisation(client, await admin, organisationId, role);
      return { client, organisationId };
    },
  };
  return harness;
}
