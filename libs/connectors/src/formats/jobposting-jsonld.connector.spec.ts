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
const [analyst, marketing] = sample.itemListElement;

describe('JobPosting JSON-LD connector', () => {
  it('parses the sample ItemList exactly', () => {
    const result = parse(readSample('jobposting-feed.jsonld'));
    expect(result).toMatchObject({ nextCursor: null, pageNumber: 1 });
    expect(ok(result.records[0])).toEqual({
      sourceRef: 'EJB-88231',
      kind: 'VACANCY',
      title: 'Junior Data Analyst',
      description:
        'Turn messy spreadsheets into clear dashboards. You will use SQL, Excel and Power BI; Python is a plus.',
      organisationName: 'Irwell Analytics',
      mode: 'IN_PERSON',
      postcode: 'M50 3AZ',
      latitude: 53.4722,
      longitude: -2.2974,
      costPence: 0,
      closingDate: new Date('2026-12-20T23:59:00Z'),
      url: 'https://jobs.example/ejb-88231',
      wagePencePerYear: 2_600_000,
      skillTexts: ['SQL', 'Microsoft Excel', 'data visualisation'],
      skillsTaught: [],
      // "Junior" reads the required level down to 2; description skills join the listed ones.
      skillsRequired: [
        { skillId: 'data-visualisation', level: 2 },
        { skillId: 'excel', level: 2 },
        { skillId: 'power-bi', level: 2 },
        { skillId: 'python', level: 2 },
        { skillId: 'spreadsheets', level: 2 },
        { skillId: 'sql', level: 2 },
      ],
      unmatchedSkillTexts: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // identifier as a plain string, hiringOrganization as a plain string, TELECOMMUTE with no place.
    expect(ok(result.records[1])).toMatchObject({
      sourceRef: 'EJB-88240',
      title: 'Digital Marketing Executive (remote)',
      organisationName: 'Cotton Street Creative',
      mode: 'ONLINE',
      closingDate: new Date('2026-12-31T00:00:00Z'),
      skillTexts: [],
      skillsRequired: [
        { skillId: 'google-analytics', level: 3 },
        { skillId: 'social-media', level: 3 },
      ],
    });
    expect(ok(result.records[1]).postcode).toBeUndefined();
  });

  it('reads a bare array and an @graph, skipping graph nodes that are not postings and resolving @id references', () => {
    expect(parse([analyst, marketing]).records.map((r) => r.ok && r.opportunity.sourceRef)).toEqual([
      'EJB-88231',
      'EJB-88240',
    ]);
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#irwell', name: 'Irwell Analytics (graph)' },
        { ...analyst, '@type': 'schema:JobPosting', hiringOrganization: { '@id': '#irwell' } },
      ],
      nextPage: 'https://jobs.example/feed?page=2',
    };
    const result = parse(graph);
    expect(result.records).toHaveLength(1);
    expect(ok(result.records[0]).organisationName).toBe('Irwell Analytics (graph)');
    expect(result.nextCursor).toBe('https://jobs.example/feed?page=2#skillpath-page=2');
  });

  it('unwraps ListItem wrappers and follows nextPage, carrying the page number in the cursor', () => {
    const body = {
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', position: 1, item: analyst }],
      nextPage: '/feed?page=3',
    };
    const result = parse(body, 'https://jobs.example/feed?page=2#skillpath-page=2');
    expect(result.pageNumber).toBe(2);
    expect(result.nextCursor).toBe('https://jobs.example/feed?page=3#skillpath-page=3');
    expect(ok(result.records[0]).sourceRef).toBe('EJB-88231');
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
    const usd = { ...analyst, baseSalary: { currency: 'USD', value: 50_000 } };
    expect(ok(parse([usd]).records[0]).wagePencePerYear).toBeUndefined();
  });

  it('keeps listed skills that match nothing as text', () => {
    const posting = { ...analyst, skills: ['SQL', 'stakeholder wrangling'] };
    expect(ok(parse([posting]).records[0])).toMatchObject({
      skillTexts: ['SQL', 'stakeholder wrangling'],
      unmatchedSkillTexts: ['stakeholder wrangling'],
    });
  });

  it('quarantines broken postings with reasons among good ones', () => {
    const result = parse({
      itemListElement: [
        { ...analyst, title: '' },
        analyst,
        { ...marketing, hiringOrganization: null },
        { ...marketing, identifier: 'EJB-1', validThrough: 'soon' },
        { '@type': 'Event', name: 'Jobs fair' },
        { ...analyst, identifier: undefined, url: undefined },
        { ...analyst, identifier: 'EJB-2', baseSalary: { value: -3 } },
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
    expect(result.records[0]).toMatchObject({ sourceRef: 'EJB-88231' });
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
