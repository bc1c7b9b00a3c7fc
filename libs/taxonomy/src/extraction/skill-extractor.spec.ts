import { SkillExtractor } from './skill-extractor';

const SKILLS = [
  { id: 'comm', uri: 'esco:comm', label: 'communication', altLabels: ['communicating', 'Communications'] },
  { id: 'tcomm', uri: 'esco:tcomm', label: 'teach communication', altLabels: [] },
  { id: 'cs', uri: 'esco:cs', label: 'customer service', altLabels: ['client service'] },
  { id: 'mcs', uri: 'esco:mcs', label: 'manage customer service', altLabels: [] },
  { id: 'py', uri: 'esco:py', label: 'Python (computer programming)', altLabels: ['Python'] },
  { id: 'prog', uri: 'esco:prog', label: 'computer programming', altLabels: ['coding'] },
  { id: 'sql', uri: 'esco:sql', label: 'SQL', altLabels: [] },
  { id: 'csharp', uri: 'esco:csharp', label: 'C#', altLabels: [] },
  { id: 'r', uri: 'esco:r', label: 'R', altLabels: [] },
  { id: 'less', uri: 'esco:less', label: 'LESS', altLabels: [] },
  { id: 'guide', uri: 'esco:guide', label: 'guide visitors', altLabels: ['guide'] },
  { id: 'comp', uri: 'esco:comp', label: 'computer equipment', altLabels: ['a computer'] },
  { id: 'hs', uri: 'esco:hs', label: 'health and safety regulations', altLabels: [] },
  { id: 'adv1', uri: 'esco:adv1', label: 'advise others', altLabels: ['advise customers'] },
  { id: 'adv2', uri: 'esco:adv2', label: 'advise on customs regulations', altLabels: ['advise customers'] },
  { id: 'dup1', uri: 'esco:dup1', label: 'stock shelves', altLabels: ['fill shelves'] },
  { id: 'dup2', uri: 'esco:dup2', label: 'monitor shelves', altLabels: ['stock shelves'] },
  { id: 'noUri', label: 'Essential digital skills: being safe online', altLabels: ['being safe online'] },
];

describe('SkillExtractor', () => {
  const extractor = new SkillExtractor(SKILLS);
  const ids = (text: string): string[] => extractor.match(text).map((m) => m.skillId);

  it('finds exact label phrases case- and plural-insensitively, with offsets', () => {
    const text = 'Excellent Customer Services and COMMUNICATION.';
    const hits = extractor.extract(text);
    expect(hits.map((h) => h.id)).toEqual(['cs', 'comm']);
    expect(text.slice(hits[0].start, hits[0].end)).toBe('Customer Services');
    expect(hits[0]).toMatchObject({ uri: 'esco:cs', label: 'customer service' });
  });

  it('does not turn "communication" into "teach communication" (only whole label phrases)', () => {
    expect(ids('good communication skills')).toEqual(['comm']);
    expect(ids('you will teach communication to adults')).toEqual(['tcomm']);
  });

  it('takes the longest match: "manage customer service" is not also "customer service"', () => {
    expect(ids('You will manage customer service for the region')).toEqual(['mcs']);
  });

  it('finds a qualified label without its qualifier, and names with symbols', () => {
    expect(ids('Python, SQL and C# developer')).toEqual(['py', 'sql', 'csharp']);
  });

  it('skips one-letter labels, stoplisted common words and lower-case one-word synonyms', () => {
    expect(ids('R and less than a guide to using a computer')).toEqual([]);
    expect(ids('communicating with clients')).toEqual([]);
    expect(ids('strong written Communications')).toEqual(['comm']);
  });

  it('strips HTML and decodes entities; offsets refer to the plain text', () => {
    expect(ids('<li>health &amp; safety regulations</li><li>computer programming</li>')).toEqual([
      'hs',
      'prog',
    ]);
  });

  it('never matches across punctuation or line breaks', () => {
    expect(ids('customer. Service desk')).toEqual([]);
    expect(ids('customer\nservice')).toEqual([]);
  });

  it('prefers the skill whose preferred label the phrase is, and ignores ambiguous synonyms', () => {
    expect(ids('stock shelves daily')).toEqual(['dup1']);
    expect(ids('advise customers on products')).toEqual([]);
  });

  it('matches possessives and reports each skill once in match()', () => {
    expect(ids("the customer's service, customer service and Customer Service")).toEqual(['cs']);
    expect(extractor.extract('customer service and customer service')).toHaveLength(2);
  });

  it('handles skills without a URI and empty or word-less input', () => {
    expect(extractor.extract('Being safe online')[0]).toMatchObject({ id: 'noUri', uri: null });
    expect(extractor.extract('')).toEqual([]);
    expect(extractor.extract('   ---   ')).toEqual([]);
  });

  it('accepts a custom stoplist', () => {
    const strict = new SkillExtractor(SKILLS, { stoplist: new Set(['sql']) });
    expect(strict.match('SQL and LESS').map((m) => m.skillId)).toEqual(['less']);
  });
});
