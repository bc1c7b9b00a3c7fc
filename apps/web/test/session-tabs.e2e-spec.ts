import { loadDemoRegion } from '@skillpath/demo-region';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserHarness } from './harness';
import { seedResidentWithRoadmap } from './resident-fixture';

/**
 * The refresh token stays out of the page (an HttpOnly cookie, never localStorage), and tabs opened
 * together stay signed in: the old app kept the token in localStorage, and two tabs exchanging the
 * same token at once looked like theft to the server, which ended the session.
 */
describe('sessions in a real browser, at 360 px', () => {
  const h = useBrowserHarness({ stack: { seed: loadDemoRegion } });
  let context: BrowserContext;
  let resident: { email: string; password: string };

  beforeAll(async () => {
    context = await h.newContext();
    resident = await seedResidentWithRoadmap(h.stack.gql, { email: 'tabs@example.org', displayName: 'Tabs' });
  }, 600_000);

  const roadmapShows = (page: Page) => page.locator('.step-card').first().waitFor({ state: 'visible' });
  const storageOf = (page: Page) =>
    page.evaluate(() => {
      const s = (
        globalThis as unknown as {
          localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
        }
      ).localStorage;
      return Object.fromEntries(
        Array.from({ length: s.length }, (_, i) => [s.key(i)!, s.getItem(s.key(i)!)]),
      );
    });
  const refreshCookie = async () =>
    (await context.cookies(h.url))
      .concat(await context.cookies(`${h.url}/auth/refresh`))
      .find((c) => c.name === 'skillpath_refresh');

  it('signs in with the refresh token in an HttpOnly cookie, and nothing of it in localStorage', async () => {
    const page = await context.newPage();
    await page.goto(`${h.url}/login`);
    await page.getByLabel('Email address').fill(resident.email);
    await page.getByLabel('Password').fill(resident.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await roadmapShows(page);
    const cookie = await refreshCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    expect(cookie!.value.length).toBeGreaterThan(20);
    const stored = await storageOf(page);
    expect(stored['skillpath.refreshToken']).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain(cookie!.value);
    // No script in the page can read the cookie.
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie),
    ).not.toContain('skillpath_refresh');
    await page.close();
  });

  it('keeps the resident signed in when two tabs open together, and again when both reload together', async () => {
    const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
    // The page runs under its content security policy, the inlined early-session script included.
    const blocked: string[] = [];
    for (const p of [a, b])
      p.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
    const [resA] = await Promise.all([a.goto(`${h.url}/roadmap`), b.goto(`${h.url}/roadmap`)]);
    expect(resA!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await Promise.all([roadmapShows(a), roadmapShows(b)]);
    await Promise.all([a.reload(), b.reload()]);
    await Promise.all([roadmapShows(a), roadmapShows(b)]);
    // And the session still refreshes afterwards (nothing was revoked as a "reuse").
    const c = await context.newPage();
    await c.goto(`${h.url}/roadmap`);
    await roadmapShows(c);
    for (const p of [a, b]) {
      const stored = await storageOf(p);
      expect(stored['skillpath.refreshToken']).toBeUndefined();
    }
    expect(blocked).toEqual([]);
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  it('signs out on the server and in every tab', async () => {
    const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
    await a.goto(`${h.url}/roadmap`);
    await roadmapShows(a);
    await b.goto(`${h.url}/roadmap`);
    await roadmapShows(b);
    const before = (await refreshCookie())!.value;
    // On a phone the account links fold behind the Menu button.
    const menu = a.getByRole('button', { name: 'Menu' });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await a.getByRole('button', { name: /sign out|log out/i }).click();
    // The other tab hears of it at once.
    await b.getByRole('heading', { level: 1, name: /log in|find your way to a job/i }).waitFor();
    // The cookie the browser held no longer opens anything, even if someone had copied it.
    const res = await fetch(`${h.url}/auth/refresh`, {
      method: 'POST',
      headers: { cookie: `skillpath_refresh=${before}`, 'x-skillpath-csrf': '1' },
    });
    expect(res.status).toBe(401);
    await Promise.all([a.close(), b.close()]);
  });
});
