/**
 * Web app over slow mobile links: the built app served by the real API (demo region loaded), opened
 * in Debian's Chromium at phone size with the network and CPU throttled through the DevTools
 * protocol, cache empty. Two pages a resident opens first: the home page (anonymous) and, for a
 * returning resident, their roadmap (a refresh-token exchange, then the roadmap query, then render).
 * Each is loaded RUNS times per profile; the table gives the median.
 * Run: npm run bench:web  (PG_ADMIN_URL and REDIS_URL are set by scripts/run.js; needs `chromium`)
 */
import { loadavg } from 'os';
import type { CDPSession, Page } from 'playwright-core';
import { loadDemoRegion } from '@skillpath/demo-region';
import { adminClient, verifyOrganisation } from '../../apps/api/src/partners/partners-test-helpers';
import { startTestStack } from '../../apps/api/src/testing/test-stack';
import { launchChromium } from '../../apps/web/test/browser';
import { seedResidentWithRoadmap } from '../../apps/web/test/resident-fixture';
import { ensureWebBuilt } from '../../apps/web/test/web-build';

const RUNS = 3;
// The one place this script reads the environment (a dev tool, not the app): the stack helper finds
// the servers that scripts/run.js found or started.
process.env.SKILLPATH_TEST_DATABASE_SERVER ??= process.env.PG_ADMIN_URL;
process.env.SKILLPATH_TEST_REDIS_URL ??= process.env.REDIS_URL;

interface Profile {
  name: string;
  /** Round trip added to every request, ms. */
  latencyMs: number;
  /** Bytes per second. */
  downloadBps: number;
  uploadBps: number;
  cpuSlowdown: number;
  /** Time to usable we hold the home page to on this profile (ms), if any. */
  targetMs?: number;
  /** Issue 14's Slow 3G targets: home first paint, home usable, partnership dashboard shown (ms). */
  targets?: { homeFcpMs: number; homeUsableMs: number; dashboardMs: number };
}

// The first is the web.dev performance budget's baseline (a mid-range phone on 3G: 400 ms RTT,
// 400 kbit/s, CPU 4× slower); the second is Chrome DevTools' "Slow 3G" preset, a worst case.
const PROFILES: Profile[] = [
  {
    name: '3G (400 ms RTT, 400 kbit/s, CPU ×4)',
    latencyMs: 400,
    downloadBps: 400_000 / 8,
    uploadBps: 400_000 / 8,
    cpuSlowdown: 4,
    targetMs: 5_000,
  },
  {
    name: 'DevTools "Slow 3G" (2,000 ms, 400 kbit/s, CPU ×4)',
    latencyMs: 2_000,
    downloadBps: (500_000 / 8) * 0.8,
    uploadBps: (500_000 / 8) * 0.8,
    cpuSlowdown: 4,
    targets: { homeFcpMs: 2_000, homeUsableMs: 5_000, dashboardMs: 8_000 },
  },
];

interface Load {
  fcpMs: number;
  usableMs: number;
  bytes: number;
  requests: number;
}

async function throttle(cdp: CDPSession, p: Profile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: p.latencyMs,
    downloadThroughput: p.downloadBps,
    uploadThroughput: p.uploadBps,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpuSlowdown });
}

/** Opens url in a fresh page and waits until `usable` resolves; bytes are the encoded bytes received. */
async function measure(
  newPage: () => Promise<Page>,
  url: string,
  p: Profile,
  usable: (page: Page) => Promise<unknown>,
): Promise<Load> {
  const page = await newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await throttle(cdp, p);
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await usable(page);
    const usableMs = Date.now() - started;
    const fcpMs = await page.evaluate(() => {
      const entry = performance.getEntriesByName('first-contentful-paint')[0];
      return entry ? entry.startTime : NaN;
    });
    return { fcpMs, usableMs, bytes, requests };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const loadAtStart = load();
  await ensureWebBuilt();
  // Load shedding off: the bench measures the page on a slow link, not this shared machine's lag.
  const stack = await startTestStack({ seed: loadDemoRegion, env: { API_MAX_EVENT_LOOP_DELAY_MS: '60000' } });
  const browser = await launchChromium();
  try {
    const url = (await stack.api.getUrl()).replace('[::1]', '127.0.0.1');
    const resident = await seedResidentWithRoadmap(stack.gql, {
      email: 'bench@example.org',
      displayName: 'Bench',
    });
    // A skills partnership with a cohort the resident joined: its dashboard has real figures.
    const partner = await stack.gql.ok<{ register: { accessToken: string } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      {
        input: {
          email: 'partner@example.org',
          password: 'a long enough password',
          displayName: 'Partner',
          role: 'PARTNER',
          organisationName: 'Bench Partnership',
        },
      },
    );
    const partnerGql = stack.gql.as(partner.register.accessToken);
    const orgs = await partnerGql.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
      '{ myOrganisations { organisation { id } } }',
    );
    // A real partnership is verified before it sees anything; so is this one.
    await verifyOrganisation(
      partnerGql,
      await adminClient(stack),
      orgs.myOrganisations[0].organisation.id,
      'PARTNERSHIP',
    );
    const cohort = await partnerGql.ok<{ createCohort: { joinCode: string } }>(
      'mutation($p: ID!) { createCohort(partnershipId: $p, name: "Bench cohort") { joinCode } }',
      { p: orgs.myOrganisations[0].organisation.id },
    );
    await resident.client.ok(
      'mutation($c: String!) { joinCohort(code: $c, consent: true, individualMonitoring: false) { id } }',
      { c: cohort.createCohort.joinCode },
    );
    const partnerToken = (
      await stack.gql.ok<{ login: { refreshToken: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }',
        { e: 'partner@example.org', p: 'a long enough password' },
      )
    ).login.refreshToken;
    const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
    const anonymous = await browser.newContext(phone);
    const returning = await browser.newContext(phone);
    const partnerContext = await browser.newContext(phone);
    const rows: string[] = [];
    let failed = false;
    const token = (
      await stack.gql.ok<{ login: { refreshToken: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }',
        { e: resident.email, p: resident.password },
      )
    ).login.refreshToken;
    // A returning resident: the browser holds the HttpOnly refresh cookie from an earlier visit (the
    // jar keeps each rotated one) and the app's "signed in" mark.
    await returning.addCookies([
      {
        name: 'skillpath_refresh',
        value: token,
        domain: new URL(url).hostname,
        path: '/auth',
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    // The partner returns the same way, with their own refresh cookie.
    await partnerContext.addCookies([
      {
        name: 'skillpath_refresh',
        value: partnerToken,
        domain: new URL(url).hostname,
        path: '/auth',
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    for (const p of PROFILES) {
      const home: Load[] = [];
      const roadmap: Load[] = [];
      const dashboard: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        home.push(
          await measure(
            () => anonymous.newPage(),
            `${url}/`,
            p,
            (page) =>
              page.getByRole('link', { name: 'Get started' }).waitFor({ state: 'visible', timeout: 120_000 }),
          ),
        );
        roadmap.push(
          await measure(
            async () => {
              const page = await returning.newPage();
              await page.addInitScript(() => {
                (
                  globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
                ).localStorage.setItem('skillpath.signedIn', '1');
              });
              return page;
            },
            `${url}/roadmap`,
            p,
            (page) => page.locator('.step-card').first().waitFor({ state: 'visible', timeout: 120_000 }),
          ),
        );
        dashboard.push(
          await measure(
            async () => {
              const page = await partnerContext.newPage();
              await page.addInitScript(() => {
                (
                  globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
                ).localStorage.setItem('skillpath.signedIn', '1');
              });
              return page;
            },
            `${url}/partnership`,
            p,
            (page) =>
              page
                .getByRole('heading', { name: 'Progress funnel' })
                .waitFor({ state: 'visible', timeout: 120_000 }),
          ),
        );
      }
      for (const [what, loads] of [
        ['home page, until "Get started" shows', home],
        ["a returning resident's roadmap, until the first step shows", roadmap],
        ["a partnership's dashboard, until the funnel shows", dashboard],
      ] as const) {
        const usable = median(loads.map((l) => l.usableMs));
        const fcp = median(loads.map((l) => l.fcpMs));
        const goals: string[] = [];
        if (what.startsWith('home') && p.targetMs) {
          goals.push(`usable ≤ ${(p.targetMs / 1000).toFixed(1)} s`);
          if (usable > p.targetMs) failed = true;
        }
        if (what.startsWith('home') && p.targets) {
          goals.push(
            `paint ≤ ${p.targets.homeFcpMs / 1000} s ${fcp <= p.targets.homeFcpMs ? 'met' : 'MISSED'}`,
            `usable ≤ ${p.targets.homeUsableMs / 1000} s ${usable <= p.targets.homeUsableMs ? 'met' : 'MISSED'}`,
          );
          if (fcp > p.targets.homeFcpMs || usable > p.targets.homeUsableMs) failed = true;
        }
        if (what.includes('partnership') && p.targets) {
          goals.push(
            `≤ ${p.targets.dashboardMs / 1000} s ${usable <= p.targets.dashboardMs ? 'met' : 'MISSED'}`,
          );
          if (usable > p.targets.dashboardMs) failed = true;
        }
        const target = goals.join(', ');
        rows.push(
          `| ${p.name} | ${what} | ${(median(loads.map((l) => l.fcpMs)) / 1000).toFixed(2)} s | ${(usable / 1000).toFixed(2)} s | ${(median(loads.map((l) => l.bytes)) / 1024).toFixed(1)} KB in ${median(loads.map((l) => l.requests))} requests | ${target} |`,
        );
      }
    }
    process.stdout.write(
      `\nWeb app on slow links: median of ${RUNS} cold loads each (cache disabled), phone viewport\n\n` +
        '| profile | page | first contentful paint | usable | transferred | target |\n| --- | --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n` +
        `\nload average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end\n`,
    );
    if (failed) process.exitCode = 1;
    await anonymous.close();
    await returning.close();
    await partnerContext.close();
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
