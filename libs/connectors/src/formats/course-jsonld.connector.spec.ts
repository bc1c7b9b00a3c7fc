import type { NormalisedOpportunity, ParseResult } from '../connector.types';
import { readSample, sampleMatcher } from '../testing/connector-test-fixtures';
import { courseJsonLdConnector as connector } from './course-jsonld.connector';

const ctx = { skillMatcher: sampleMatcher() };
const parse = (body: unknown) =>
  connector.parsePage(
    typeof body === 'string' ? body : JSON.stringify(body),
    ctx,
    null,
    'https://courses.example/feed',
  );
const ok = (r: ParseResult): NormalisedOpportunity => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.opportunity;
};
const sample = JSON.parse(readSample('course-feed.jsonld'));
const [course] = sample['@graph'];

describe('Course JSON-LD connector', () => {
  it('parses the sample into one opportunity per course instance', () => {
    const result = parse(readSample('course-feed.jsonld'));
    expect(result).toMatchObject({ nextCursor: null, pageNumber: 1 });
    expect(result.records).toHaveLength(2);
    const shared = {
      kind: 'COURSE',
      title: 'Python first steps',
      description:
        'Twelve weekly workshops: variables, loops and functions in Python, then a small project that tidies a spreadsheet.',
      organisationName: 'Example Community Learning Trust',
      totalHours: 24,
      costPence: 0,
      rqfLevel: 1,
      url: 'https://learning.example/c/python-first-steps',
      // "aged 19+ who are unemployed or on a low wage": a low wage means in work.
      funding: { fundedCostPence: 0, minAge: 19, employmentStatuses: ['EMPLOYED', 'UNEMPLOYED'] },
      skillTexts: ['Python', 'problem solving', 'basic computer use'],
      // "Level 1 Award" → RQF 1 → proficiency 2 taught; prerequisites one below.
      skillsTaught: [
        { skillId: 'problem-solving', level: 2 },
        { skillId: 'python', level: 2 },
      ],
      skillsRequired: [{ skillId: 'computer-use', level: 1 }],
      unmatchedSkillTexts: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    };
    expect(ok(result.records[0])).toEqual({
      ...shared,
      sourceRef: 'PY-110#2027-01-19/onsite/OL16 1AB',
      mode: 'IN_PERSON',
      postcode: 'OL16 1AB',
      latitude: 53.616,
      longitude: -2.156,
      // 12 weekly sessions, 24 hours in all.
      durationWeeks: 12,
      hoursPerWeek: 2,
      startDate: new Date('2027-01-19T00:00:00Z'),
    });
    expect(ok(result.records[1])).toEqual({
      ...shared,
      sourceRef: 'PY-110#2027-02-08/online',
      mode: 'ONLINE',
      startDate: new Date('2027-02-08T00:00:00Z'),
    });
  });

  it('keeps instance references stable when the feed reorders instances', () => {
    const reordered = { ...course, hasCourseInstance: [...course.hasCourseInstance].reverse() };
    const refs = parse([reordered]).records.map((r) => ok(r).sourceRef);
    expect(refs).toEqual(['PY-110#2027-02-08/online', 'PY-110#2027-01-19/onsite/OL16 1AB']);
  });

  it('uses instance @id when given, and a course without instances is one opportunity', () => {
    const withIds = { ...course, hasCourseInstance: { ...course.hasCourseInstance[1], '@id': 'run-7' } };
    expect(ok(parse([withIds]).records[0]).sourceRef).toBe('PY-110#run-7');
    const noInstances = {
      ...course,
      hasCourseInstance: null,
      offers: { price: '£1,250.50', priceCurrency: 'GBP' },
    };
    const single = ok(parse([noInstances]).records[0]);
    expect(single).toMatchObject({ sourceRef: 'PY-110', mode: 'ONLINE', costPence: 125_050 });
    expect(single.funding).toBeUndefined();
  });

  it('tolerates strings where objects are allowed, nulls and HTML', () => {
    const loose = {
      '@type': 'Course',
      '@id': 'https://courses.example/c/welding',
      name: 'Intro to <i>welding</i> Skills Bootcamp',
      description: '<p>Hands-on &amp; safe.</p>',
      provider: 'Example College',
      teaches: 'Python; welding',
      educationalCredentialAwarded: null,
      offers: [{ price: null }],
      hasCourseInstance: {
        '@type': 'CourseInstance',
        courseMode: ['Blended'],
        location: 'Main campus',
        startDate: '01/03/2027',
      },
    };
    expect(ok(parse({ itemListElement: [loose] }).records[0])).toMatchObject({
      sourceRef: 'https://courses.example/c/welding#01/03/2027/blended',
      kind: 'BOOTCAMP',
      description: 'Hands-on & safe.',
      organisationName: 'Example College',
      mode: 'HYBRID',
      costPence: 0,
      startDate: new Date('2027-03-01T00:00:00Z'),
      skillTexts: ['Python', 'welding'],
      unmatchedSkillTexts: ['welding'],
      skillsTaught: [{ skillId: 'python', level: 2 }],
    });
  });

  it('quarantines broken instances and courses with reasons, keeping the rest', () => {
    const result = parse({
      itemListElement: [
        {
          ...course,
          hasCourseInstance: [
            course.hasCourseInstance[0],
            { ...course.hasCourseInstance[1], startDate: '2027-13-01' },
          ],
        },
        { ...course, courseCode: 'NEG-1', offers: { price: -10, priceCurrency: 'GBP' } },
        { ...course, courseCode: 'USD-1', offers: { price: 10, priceCurrency: 'USD' } },
        { ...course, courseCode: 'NONAME', name: null },
        { '@type': 'Person', name: 'Not a course' },
        { ...course, courseCode: 'BAD-INST', hasCourseInstance: ['oops'] },
      ],
    });
    expect(result.records.map((r) => (r.ok ? 'ok' : `${r.sourceRef}: ${r.reason}`))).toEqual([
      'ok',
      'PY-110#2027-13-01/online: startDate "2027-13-01" is not a date: expected ISO 8601 (e.g. 2027-01-11 or 2027-01-11T09:00:00) or dd/mm/yyyy',
      'NEG-1#2027-01-19/onsite/OL16 1AB: offers.price -10 is negative',
      'NEG-1#2027-02-08/online: offers.price -10 is negative',
      'USD-1#2027-01-19/onsite/OL16 1AB: offers.priceCurrency is USD: only GBP prices can be compared',
      'USD-1#2027-02-08/online: offers.priceCurrency is USD: only GBP prices can be compared',
      'NONAME#2027-01-19/onsite/OL16 1AB: name is missing',
      'NONAME#2027-02-08/online: name is missing',
      'undefined: item is not a schema.org Course',
      'BAD-INST#?: hasCourseInstance entry is not an object',
    ]);
  });
});
