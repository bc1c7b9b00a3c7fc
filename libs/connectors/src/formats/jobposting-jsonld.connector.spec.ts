import { MalformedPageError } from '../connector.errors';
import type { NormalisedOpportunity, ParseResult } from '../connector.types';
import { readSample, sampleMatcher } from '../testing/connector-test-fixtures';
import { jobPostingJsonLdConnector as connector } from './jobposting-jsonld.connector';

const ctx = { skillMatcher: sampleMatcher() };
const PAGE_URL = 'https://jobs.example/feed?page=1';
const parse = (body: unknown, cursor: string | null = null) =>
  connector.parsePage(typeof body === 'string' ? body : JSON.stringify(body), ctx, cursor, PAGE_URL);
const ok = (r: ParseResult): NormalisedOpportunity => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.opportunity;
};
const sample = JSON.parse(readSample('jobposting-feed.jsonld'));
const [developer, support] = sample.itemListElement;

describe('JobPosting JSON-LD connector', () => {
  it('parses the sample ItemList exactly', () => {
    const result = parse(readSample('jobposting-feed.jsonld'));
    expect(result).toMatchObject({ nextCursor: null, pageNumber: 1 });
    expect(ok(result.records[0])).toEqual({
      sourceRef: 'ECB-40117',
      kind: 'VACANCY',
      title: 'Junior Web Developer',
      description:
        'Build accessible pages in HTML and CSS, with JavaScript where it helps; every change is reviewed in Git.',
      organisationName: 'Mersey Bank Software',
      mode: 'IN_PERSON',
      postcode: 'SK1 3TA',
      latitude: 53.4106,
      longitude: -2.1575,
      costPence: 0,
      closingDate: new Date('2026-12-22T17:00:00Z'),
      url: 'https://careers.example/ecb-40117',
      // The bottom of the range.
      wagePencePerYear: 2_400_000,
      skillTexts: ['JavaScript', 'HTML', 'version control'],
      skillsTaught: [],
      // "Junior" reads the required level down to 2; description skills join the listed ones
      // ("version control" is Git's other label).
      skillsRequired: [
        { skillId: 'css', level: 2 },
        { skillId: 'git', level: 2 },
        { skillId: 'html', level: 2 },
        { skillId: 'javascript', level: 2 },
      ],
      unmatchedSkillTexts: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // identifier as a plain string, hiringOrganization as a plain string, TELECOMMUTE with no place.
    expect(ok(result.records[1])).toMatchObject({
      sourceRef: 'ECB-40125',
      title: 'Customer Support Adviser (home-based)',
      organisationName: 'Tib Street Lettings',
      mode: 'ONLINE',
      closingDate: new Date('2027-01-08T00:00:00Z'),
      skillTexts: [],
      skillsRequired: [{ skillId: 'spreadsheets', level: 3 }],
    });
    expect(ok(result.records[1]).postcode).toBeUndefined();
  });

  it('reads a bare array and an @graph, skipping graph nodes that are not postings and resolving @id references', () => {
    expect(parse([developer, support]).records.map((r) => r.ok && r.opportunity.sourceRef)).toEqual([
      'ECB-40117',
      'ECB-40125',
    ]);
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#mersey', name: 'Mersey Bank Software (graph)' },
        { ...developer, '@type': 'schema:JobPosting', hiringOrganization: { '@id': '#mersey' } },
      ],
      nextPage: 'https://jobs.example/feed?page=2',
    };
    const result = parse(graph);
    expect(result.records).toHaveLength(1);
    expect(ok(result.records[0]).organisationName).toBe('Mersey Bank Software (graph)');
    expect(result.nextCursor).toBe('https://jobs.example/feed?page=2#skillpath-page=2');
  });

  it('unwraps ListItem wrappers and follows nextPage, carrying the page number in the cursor', () => {
    const body = {
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', position: 1, item: developer }],
      nextPage: '/feed?page=3',
    };
    const result = parse(body, 'https://jobs.example/feed?page=2#skillpath-page=2');
    expect(result.pageNumber).toBe(2);
    expect(result.nextCursor).toBe('https://jobs.example/feed?page=3#skillpath-page=3');
    expect(ok(result.records[0]).sourceRef).toBe('ECB-40117');
  });

  it('tolerates strings where objects are allowed, nulls and other salary shapes', () => {
    const posting = {
      '@type': ['JobPosting'],
      identifier: 12345,
      title: 'Care Worker',
      description: null,
      hiringOrganization: [{ name: 'Example Care' }],
      jobLocation: { '@type': 'Place', address: 'Oldham town centre' },
      jobLocationType: ['TELECOMMUTE'],
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'GBP',
        value: { '@type': 'QuantitativeValue', value: '12.50', unitText: 'HOUR' },
      },
      workHours: '30 hours per week',
      skills: 'customer service, Excel',
      validThrough: null,
      url: null,
    };
    expect(ok(parse([posting]).records[0])).toMatchObject({
      sourceRef: '12345',
      organisationName: 'Example Care',
      mode: 'HYBRID',
      hoursPerWeek: 30,
      wagePencePerYear: Math.round(12.5 * 30 * 52 * 100),
      skillTexts: ['customer service', 'Excel'],
      skillsRequired: [
        { skillId: 'customer-service', level: 3 },
        { skillId: 'excel', level: 3 },
      ],
    });
    const usd = { ...developer, baseSalary: { currency: 'USD', value: 50_000 } };
    expect(ok(parse([usd]).records[0]).wagePencePerYear).toBeUndefined();
  });

  it('keeps listed skills that match nothing as text', () => {
    const posting = { ...developer, skills: ['SQL', 'stakeholder wrangling'] };
    expect(ok(parse([posting]).records[0])).toMatchObject({
      skillTexts: ['SQL', 'stakeholder wrangling'],
      unmatchedSkillTexts: ['stakeholder wrangling'],
    });
  });

  it('quarantines broken postings with reasons among good ones', () => {
    const result = parse({
      itemListElement: [
        { ...developer, title: '' },
        developer,
        { ...support, hiringOrganization: null },
        { ...support, identifier: 'EJB-1', validThrough: 'soon' },
        { '@type': 'Event', name: 'Jobs fair' },
        { ...developer, identifier: undefined, url: undefined },
        { ...developer, identifier: 'EJB-2', baseSalary: { value: -3 } },
      ],
    });
    expect(result.records.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'title is missing',
      'ok',
      'hiringOrganization name is missing',
      'validThrough "soon" is not a date: expected ISO 8601 (e.g. 2027-01-11 or 2027-01-11T09:00:00) or dd/mm/yyyy',
      'item is not a schema.org JobPosting',
      'identifier (or url) is missing',
      'baseSalary -3 is negative',
    ]);
    expect(result.records[0]).toMatchObject({ sourceRef: 'ECB-40117' });
    expect(result.records[3]).toMatchObject({ sourceRef: 'EJB-1', raw: { identifier: 'EJB-1' } });
  });

  it('treats unreadable or shapeless pages as malformed', () => {
    expect(() => parse('{"itemListElement": [')).toThrow(MalformedPageError);
    expect(() => parse({ '@type': 'Organization', name: 'x' })).toThrow(/no JobPosting items/);
    expect(() => parse('"just a string"')).toThrow(MalformedPageError);
    expect(() => parse({ itemListElement: [], nextPage: PAGE_URL })).toThrow(/points back at the same page/);
    expect(() => parse({ itemListElement: [], nextPage: 'ftp://x' })).toThrow(/not a URL/);
  });
});
