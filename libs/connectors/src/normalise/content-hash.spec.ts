import { createConnector } from '../connector.factory';
import type { NormalisedOpportunity, SourceFormat } from '../connector.types';
import { PhraseSkillMatcher } from '../testing/phrase-skill-matcher';
import { readSample, sampleMatcher, SAMPLE_SKILLS } from '../testing/connector-test-fixtures';
import { canonicalJson, contentHashOf } from './content-hash';

const SAMPLES: [SourceFormat, string][] = [
  ['find-an-apprenticeship', 'find-an-apprenticeship-v2.json'],
  ['jobposting-jsonld', 'jobposting-feed.jsonld'],
  ['course-jsonld', 'course-feed.jsonld'],
  ['skills-bootcamps-csv', 'skills-bootcamps.csv'],
];

function opportunities(
  format: SourceFormat,
  body: string,
  matcher = sampleMatcher(),
): NormalisedOpportunity[] {
  return createConnector(format)
    .parsePage(body, { skillMatcher: matcher }, null, 'https://feed.example/1')
    .records.map((r) => {
      if (!r.ok) throw new Error(r.reason);
      return r.opportunity;
    });
}

describe('content hash', () => {
  it('canonical JSON ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: new Date('2027-01-01T00:00:00Z') }] })).toBe(
      '{"a":[{"c":"2027-01-01T00:00:00.000Z"}],"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it.each(SAMPLES)(
    '%s: the same listing gives the same hash on every run, and every listing its own',
    (format, file) => {
      const first = opportunities(format, readSample(file));
      const second = opportunities(format, readSample(file));
      expect(second.map((o) => o.contentHash)).toEqual(first.map((o) => o.contentHash));
      expect(new Set(first.map((o) => o.contentHash)).size).toBe(first.length);
      for (const o of first) expect(contentHashOf(o)).toBe(o.contentHash);
    },
  );

  it('ignores volatile feed fields and key order, and changes when content changes', () => {
    const sample = JSON.parse(readSample('find-an-apprenticeship-v2.json'));
    const hash = (vacancy: Record<string, unknown>) =>
      opportunities('find-an-apprenticeship', JSON.stringify({ vacancies: [vacancy], totalPages: 1 }))[0]
        .contentHash;
    const base = sample.vacancies[0];
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(hash(reordered)).toBe(hash(base));
    expect(hash({ ...base, distance: 4.2, postedDate: '2026-11-20T00:00:00', numberOfPositions: 5 })).toBe(
      hash(base),
    );
    expect(hash({ ...base, title: `${base.title}!` })).not.toBe(hash(base));
    expect(hash({ ...base, closingDate: '2026-12-16T23:59:59' })).not.toBe(hash(base));
    expect(hash({ ...base, wage: { ...base.wage, wageAmount: 21001 } })).not.toBe(hash(base));
    expect(hash({ ...base, description: `<p>${base.description}</p>` })).toBe(hash(base));
  });

  it('changes when the taxonomy matches a new skill in the listing', () => {
    const body = readSample('skills-bootcamps.csv');
    // The marketing bootcamp lists "copywriting", which the sample skills do not know.
    const before = opportunities('skills-bootcamps-csv', body)[1];
    expect(before.unmatchedSkillTexts).toEqual(['copywriting']);
    const richer = new PhraseSkillMatcher([
      ...SAMPLE_SKILLS,
      { skillId: 'copywriting', label: 'copywriting' },
    ]);
    const after = opportunities('skills-bootcamps-csv', body, richer)[1];
    expect(after.unmatchedSkillTexts).toEqual([]);
    expect(after.contentHash).not.toBe(before.contentHash);
  });
});
