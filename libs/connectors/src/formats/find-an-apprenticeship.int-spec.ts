import { MalformedPageError, SourceFetchError } from '../connector.errors';
import type { ConnectorContext, NormalisedOpportunity } from '../connector.types';
import { HttpPageFetcher } from '../http/http-page-fetcher';
import { walkFeed } from '../testing/connector-test-fixtures';
import { FEED_SKILL_PHRASES, startFeedServer, type FeedServer } from '../testing/feed-server';
import { PhraseSkillMatcher } from '../testing/phrase-skill-matcher';
import { findAnApprenticeshipConnector as connector } from './find-an-apprenticeship.connector';

const matcher = new PhraseSkillMatcher(
  FEED_SKILL_PHRASES.map((label) => ({ skillId: label.toLowerCase(), label })),
);
let feed: FeedServer;
afterEach(() => feed?.close());

function context(overrides: Partial<ConnectorContext> = {}): ConnectorContext {
  return {
    sourceUrl: feed.baseUrl,
    // Generous so a loaded machine does not turn slow answers into retries; timeout tests pass their own.
    fetcher: new HttpPageFetcher({
      timeoutMs: 3000,
      retries: 2,
      baseDelayMs: 10,
      allowPrivateNetworks: true,
    }),
    skillMatcher: matcher,
    credentials: { subscriptionKey: feed.subscriptionKey },
    pageSize: 100,
    ...overrides,
  };
}

const opportunitiesOf = (pages: Awaited<ReturnType<typeof walkFeed>>): NormalisedOpportunity[] =>
  pages.flatMap((p) => p.records.flatMap((r) => (r.ok ? [r.opportunity] : [])));

describe('Find an apprenticeship connector against a local feed', () => {
  it('walks every page, sending the subscription key and X-Version: 2', async () => {
    feed = await startFeedServer({ totalVacancies: 250, seed: 3 });
    const pages = await walkFeed(connector, context());
    expect(pages.map((p) => [p.pageNumber, p.totalPages, p.records.length, p.nextCursor])).toEqual([
      [1, 3, 100, '2'],
      [2, 3, 100, '3'],
      [3, 3, 50, null],
    ]);
    const refs = opportunitiesOf(pages).map((o) => o.sourceRef);
    expect(refs).toEqual(feed.describeVersion(0).presentRefs);
    expect(feed.requests.map((r) => [r.pageNumber, r.pageSize])).toEqual([
      [1, 100],
      [2, 100],
      [3, 100],
    ]);
    for (const request of feed.requests) {
      expect(request.headers['ocp-apim-subscription-key']).toBe(feed.subscriptionKey);
      expect(request.headers['x-version']).toBe('2');
    }
    const first = opportunitiesOf(pages)[0];
    expect(first.description).not.toMatch(/[<>]|&amp;/);
    expect(first.skillsTaught.length).toBeGreaterThan(0);
  });

  it('retries a page that fails with 500 and carries on', async () => {
    feed = await startFeedServer({ totalVacancies: 250 });
    feed.failPage(2, { status: 500, body: 'upstream hiccup' });
    const pages = await walkFeed(connector, context());
    expect(opportunitiesOf(pages)).toHaveLength(250);
    expect(feed.requests.map((r) => r.pageNumber)).toEqual([1, 2, 2, 3]);
  });

  it('fails with SourceFetchError when a page keeps timing out', async () => {
    feed = await startFeedServer({ totalVacancies: 150 });
    feed.failPage(2, { hang: true }, 10);
    const ctx = context({
      fetcher: new HttpPageFetcher({
        timeoutMs: 300,
        retries: 2,
        baseDelayMs: 10,
        allowPrivateNetworks: true,
      }),
    });
    await connector.fetchPage(ctx, null);
    const error = await connector.fetchPage(ctx, '2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect(error).toMatchObject({ failure: 'TIMEOUT', attempts: 3 });
  });

  it('treats a page of broken JSON as malformed', async () => {
    feed = await startFeedServer({ totalVacancies: 150 });
    feed.failPage(1, { status: 200, body: '{"vacancies": [{"title": "trunc' });
    await expect(connector.fetchPage(context(), null)).rejects.toBeInstanceOf(MalformedPageError);
  });

  it('does not retry a rejected key (401), and refuses to run without one', async () => {
    feed = await startFeedServer({ totalVacancies: 10 });
    const error = await connector
      .fetchPage(context({ credentials: { subscriptionKey: 'wrong' } }), null)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SourceFetchError', status: 401, attempts: 1, retryable: false });
    await expect(connector.fetchPage(context({ credentials: {} }), null)).rejects.toThrow(
      /needs a subscription key/,
    );
    expect(feed.requests).toHaveLength(1);
  });

  it('quarantines malformed vacancies among good ones', async () => {
    feed = await startFeedServer({ totalVacancies: 100, malformedEvery: 10 });
    const [page] = await walkFeed(connector, context());
    const quarantined = page.records.filter((r) => !r.ok);
    expect(quarantined.map((r) => !r.ok && r.sourceRef)).toEqual(feed.describeVersion(0).malformedRefs);
    expect(new Set(quarantined.map((r) => !r.ok && r.reason.replace(/".*"/, '""')))).toEqual(
      new Set(['title is missing', expect.stringMatching(/^closingDate "" is not a date/)]),
    );
    expect(page.records.filter((r) => r.ok)).toHaveLength(90);
  });

  it('serves a second version where some listings changed, some vanished, some are new and the rest hash the same', async () => {
    feed = await startFeedServer({ totalVacancies: 400, seed: 9 });
    const before = new Map(
      opportunitiesOf(await walkFeed(connector, context())).map((o) => [o.sourceRef, o.contentHash]),
    );
    feed.setVersion(1);
    const after = new Map(
      opportunitiesOf(await walkFeed(connector, context())).map((o) => [o.sourceRef, o.contentHash]),
    );
    const delta = feed.describeVersion(1);
    expect(delta.changedRefs.length).toBeGreaterThan(0);
    expect(delta.vanishedRefs.length).toBeGreaterThan(0);
    expect(delta.addedRefs).toHaveLength(20);
    for (const ref of delta.unchangedRefs) expect(after.get(ref)).toBe(before.get(ref));
    for (const ref of delta.changedRefs) expect(after.get(ref)).not.toBe(before.get(ref));
    for (const ref of delta.vanishedRefs) expect(after.has(ref)).toBe(false);
    for (const ref of delta.addedRefs) expect(before.has(ref)).toBe(false);
    expect(after.size).toBe(delta.presentRefs.length);
  });

  it('keeps to the source rate limit across pages', async () => {
    feed = await startFeedServer({ totalVacancies: 50 });
    await walkFeed(
      connector,
      context({
        pageSize: 10,
        fetcher: new HttpPageFetcher({ requestsPerSecond: 10, allowPrivateNetworks: true }),
      }),
    );
    const times = feed.requests.map((r) => r.at);
    expect(times).toHaveLength(5);
    // Measured where requests arrive: allow for jitter on single gaps, and leave out the first request,
    // which also waits for the connection to open.
    // A single late send can shorten one gap; no three requests within one interval, and the span is exact.
    for (let i = 2; i < times.length; i++) expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(100 - 5);
    expect(times[4] - times[1]).toBeGreaterThanOrEqual(3 * 100 - 15);
  });
});
