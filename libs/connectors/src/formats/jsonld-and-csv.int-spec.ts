import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MalformedPageError, SourceFetchError } from '../connector.errors';
import { createConnector } from '../connector.factory';
import type { ConnectorContext } from '../connector.types';
import { HttpPageFetcher } from '../http/http-page-fetcher';
import { readSample, sampleMatcher, walkFeed } from '../testing/connector-test-fixtures';
import {
  startScriptedHttpServer,
  type ScriptedHttpServer,
  type ScriptedReply,
} from '../testing/scripted-http-server';

type Routes = Record<string, ScriptedReply | ScriptedReply[]>;

let server: ScriptedHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Serves `routes[path]`; a list answers repeated requests to that path in turn (the last one thereafter).
 * Routes are built from the server's origin so pages can carry absolute nextPage URLs.
 */
async function serveRoutes(build: (origin: string) => Routes): Promise<ScriptedHttpServer> {
  let routes: Routes = {};
  const seen = new Map<string, number>();
  server = await startScriptedHttpServer((request) => {
    const route = routes[request.url];
    if (route === undefined) return { status: 404, body: 'not found' };
    const n = (seen.get(request.url) ?? 0) + 1;
    seen.set(request.url, n);
    return Array.isArray(route) ? route[Math.min(n, route.length) - 1] : route;
  });
  routes = build(server.origin);
  return server;
}

/** A generous timeout unless a test is about timeouts, so a loaded machine does not cause retries. */
function context(sourceUrl: string, timeoutMs = 3000): ConnectorContext {
  return {
    sourceUrl,
    fetcher: new HttpPageFetcher({ timeoutMs, retries: 2, baseDelayMs: 10 }),
    skillMatcher: sampleMatcher(),
  };
}

const json = (body: unknown): ScriptedReply => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/ld+json' },
});
const jobs = JSON.parse(readSample('jobposting-feed.jsonld'));
const [developer, support] = jobs.itemListElement;
const course = JSON.parse(readSample('course-feed.jsonld'))['@graph'][0];
const refs = (pages: Awaited<ReturnType<typeof walkFeed>>) =>
  pages.flatMap((p) => p.records.map((r) => (r.ok ? r.opportunity.sourceRef : `quarantined: ${r.reason}`)));

describe('JobPosting JSON-LD connector against a local feed', () => {
  const threePages = (pageTwo: (origin: string) => ScriptedReply | ScriptedReply[]) => (origin: string) => ({
    '/jobs?page=1': json({
      '@type': 'ItemList',
      nextPage: `${origin}/jobs?page=2`,
      itemListElement: [developer],
    }),
    '/jobs?page=2': pageTwo(origin),
    '/jobs?page=3': json([{ ...developer, identifier: 'ECB-3', title: 'Web Developer' }]),
  });
  const graphPage = (origin: string) => json({ '@graph': [support], nextPage: `${origin}/jobs?page=3` });

  it('follows nextPage across ItemList, @graph and bare-array pages', async () => {
    const s = await serveRoutes(threePages(graphPage));
    const pages = await walkFeed(createConnector('jobposting-jsonld'), context(`${s.origin}/jobs?page=1`));
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2, 3]);
    expect(refs(pages)).toEqual(['ECB-40117', 'ECB-40125', 'ECB-3']);
    expect(s.requests.map((r) => r.url)).toEqual(['/jobs?page=1', '/jobs?page=2', '/jobs?page=3']);
    expect(pages[1].nextCursor).toBe(`${s.origin}/jobs?page=3#skillpath-page=3`);
  });

  it('resumes from a checkpointed cursor', async () => {
    const s = await serveRoutes(threePages(graphPage));
    const page = await createConnector('jobposting-jsonld').fetchPage(
      context(`${s.origin}/jobs?page=1`),
      `${s.origin}/jobs?page=3#skillpath-page=3`,
    );
    expect(page).toMatchObject({ pageNumber: 3, nextCursor: null });
    expect(s.requests.map((r) => r.url)).toEqual(['/jobs?page=3']);
  });

  it('retries a 500 on page 2 and goes on', async () => {
    const s = await serveRoutes(threePages((origin) => [{ status: 500 }, graphPage(origin)]));
    const pages = await walkFeed(createConnector('jobposting-jsonld'), context(`${s.origin}/jobs?page=1`));
    expect(refs(pages)).toEqual(['ECB-40117', 'ECB-40125', 'ECB-3']);
    expect(s.requests.map((r) => r.url)).toEqual([
      '/jobs?page=1',
      '/jobs?page=2',
      '/jobs?page=2',
      '/jobs?page=3',
    ]);
  });

  it('fails with SourceFetchError when page 2 never answers', async () => {
    const s = await serveRoutes(threePages(() => ({ hang: true })));
    const error = await walkFeed(
      createConnector('jobposting-jsonld'),
      context(`${s.origin}/jobs?page=1`, 300),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect(error).toMatchObject({ failure: 'TIMEOUT', attempts: 3, url: `${s.origin}/jobs?page=2` });
  });

  it('fails with MalformedPageError on a page that is not JSON-LD', async () => {
    const s = await serveRoutes(threePages(() => ({ body: '<html><body>Maintenance</body></html>' })));
    await expect(
      walkFeed(createConnector('jobposting-jsonld'), context(`${s.origin}/jobs?page=1`)),
    ).rejects.toBeInstanceOf(MalformedPageError);
  });

  it('does not retry a 404 page', async () => {
    const s = await serveRoutes(() => ({}));
    const error = await createConnector('jobposting-jsonld')
      .fetchPage(context(`${s.origin}/gone`), null)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SourceFetchError', status: 404, attempts: 1 });
    expect(s.requests).toHaveLength(1);
  });

  it('quarantines bad postings among good ones and strips HTML', async () => {
    const s = await serveRoutes(() => ({
      '/jobs': json({
        itemListElement: [
          developer,
          { ...support, title: null },
          { ...support, identifier: 'X', validThrough: '2026-13-45' },
        ],
      }),
    }));
    const [page] = await walkFeed(createConnector('jobposting-jsonld'), context(`${s.origin}/jobs`));
    expect(page.records.map((r) => (r.ok ? r.opportunity.description : r.reason))).toEqual([
      'Build accessible pages in HTML and CSS, with JavaScript where it helps; every change is reviewed in Git.',
      'title is missing',
      expect.stringMatching(/^validThrough "2026-13-45" is not a date/),
    ]);
  });
});

describe('Course JSON-LD connector against a local feed', () => {
  it('pages through courses, one opportunity per instance', async () => {
    const s = await serveRoutes((origin) => ({
      '/courses': json({
        '@context': 'https://schema.org',
        '@graph': [course],
        nextPage: `${origin}/courses/2`,
      }),
      '/courses/2': json({
        '@type': 'ItemList',
        itemListElement: [{ ...course, courseCode: 'PY-210', name: 'Python next steps' }],
        nextPage: null,
      }),
    }));
    const pages = await walkFeed(createConnector('course-jsonld'), context(`${s.origin}/courses`));
    expect(refs(pages)).toEqual([
      'PY-110#2027-01-19/onsite/OL16 1AB',
      'PY-110#2027-02-08/online',
      'PY-210#2027-01-19/onsite/OL16 1AB',
      'PY-210#2027-02-08/online',
    ]);
  });

  it('retries a 503 with Retry-After on the first page', async () => {
    const s = await serveRoutes(() => ({
      '/courses': [{ status: 503, headers: { 'Retry-After': '0' } }, json({ '@graph': [course] })],
    }));
    const pages = await walkFeed(createConnector('course-jsonld'), context(`${s.origin}/courses`));
    expect(refs(pages)).toHaveLength(2);
    expect(s.requests).toHaveLength(2);
  });
});

describe('Skills Bootcamps CSV connector', () => {
  it('reads the file served over HTTP as one page', async () => {
    const s = await serveRoutes(() => ({
      '/bootcamps.csv': { body: readSample('skills-bootcamps.csv'), headers: { 'content-type': 'text/csv' } },
    }));
    const pages = await walkFeed(
      createConnector('skills-bootcamps-csv'),
      context(`${s.origin}/bootcamps.csv`),
    );
    expect(pages).toHaveLength(1);
    expect(refs(pages)).toEqual([
      'example-skills-hub/data-analyst-skills-bootcamp/2027-02-15',
      'example-digital-institute/digital-marketing-skills-bootcamp/2027-04-12',
    ]);
  });

  it('reads an uploaded file from a file: URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bootcamps-'));
    const path = join(dir, 'upload.csv');
    writeFileSync(path, `\ufeff${readSample('skills-bootcamps.csv').replace(/\n/g, '\r\n')}`);
    const pages = await walkFeed(
      createConnector('skills-bootcamps-csv'),
      context(pathToFileURL(path).toString()),
    );
    expect(refs(pages)).toHaveLength(2);
  });

  it('fails with MalformedPageError when the served file is not the bootcamp CSV', async () => {
    const s = await serveRoutes(() => ({
      '/bootcamps.csv': { body: '<html><body>Please sign in</body></html>' },
    }));
    const error = await createConnector('skills-bootcamps-csv')
      .fetchPage(context(`${s.origin}/bootcamps.csv`), null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPageError);
    expect(error).toMatchObject({
      message: expect.stringMatching(/CSV header lacks provider, bootcamp_title, start_date/),
    });
  });
});

describe('createConnector', () => {
  it('knows every format and refuses others', () => {
    for (const format of [
      'find-an-apprenticeship',
      'jobposting-jsonld',
      'course-jsonld',
      'skills-bootcamps-csv',
    ]) {
      expect(createConnector(format).format).toBe(format);
    }
    expect(() => createConnector('rss')).toThrow(/Unknown source format "rss"/);
  });
});
