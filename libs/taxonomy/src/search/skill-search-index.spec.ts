import { boundedDamerauLevenshtein } from './damerau-levenshtein';
import { SkillSearchIndex } from './skill-search-index';

const SKILLS = [
  { id: 'py', label: 'Python (computer programming)', altLabels: ['Python', 'Python3'], popularity: 40 },
  { id: 'pyro', label: 'pyrotechnics', altLabels: [], popularity: 2 },
  { id: 'java', label: 'Java (computer programming)', altLabels: ['Java'], popularity: 30 },
  { id: 'js', label: 'JavaScript', altLabels: ['JS', 'ECMAScript'], popularity: 50 },
  { id: 'jvn', label: 'Javanese', altLabels: [], popularity: 1 },
  { id: 'cs', label: 'customer service', altLabels: ['client service'], popularity: 90 },
  { id: 'mcs', label: 'manage customer service', altLabels: [], popularity: 10 },
  { id: 'acs', label: 'analyse customer service surveys', altLabels: [], popularity: 5 },
  { id: 'ml', label: 'machine learning', altLabels: ['ML'], popularity: 20 },
  { id: 'uml', label: 'utilise machine learning', altLabels: [], popularity: 25 },
  { id: 'comm', label: 'communication', altLabels: [], popularity: 3 },
  { id: 'tcomm', label: 'teach communication', altLabels: [], popularity: 60 },
  { id: 'we', label: 'Written English', altLabels: ['writing'], popularity: 30 },
  { id: 'sh', label: 'Shell scripting', altLabels: ['bash'], popularity: 30 },
  { id: 'prog', label: 'Computer programming', altLabels: ['coding'], popularity: 30 },
];

describe('SkillSearchIndex', () => {
  const index = new SkillSearchIndex(SKILLS);
  const ids = (query: string, limit = 10): string[] => index.search(query, limit).map((h) => h.id);

  it('ranks an exact label before prefixes, prefixes by popularity', () => {
    expect(ids('java')).toEqual(['java', 'js', 'jvn']);
    expect(index.search('java', 1)[0]).toMatchObject({ kind: 'exact', matched: 'Java' });
  });

  it('ranks exact > prefix > word-prefix, then popularity', () => {
    expect(ids('customer service')).toEqual(['cs', 'mcs', 'acs']);
    expect(index.search('customer service').map((h) => h.kind)).toEqual([
      'exact',
      'word-prefix',
      'word-prefix',
    ]);
    expect(ids('cust serv')).toEqual(['cs', 'mcs', 'acs']);
  });

  it('finds alternative labels', () => {
    expect(ids('client')).toEqual(['cs']);
    expect(index.search('ecmascript')[0]).toMatchObject({ id: 'js', kind: 'exact', matched: 'ECMAScript' });
  });

  it('tolerates typos: "pyton" finds Python', () => {
    expect(index.search('pyton')[0]).toMatchObject({ id: 'py', kind: 'fuzzy', distance: 1 });
    expect(ids('javscript')[0]).toBe('js');
    expect(ids('machne lerning')).toEqual(['ml', 'uml']);
  });

  it('prefers a corrected whole label over a longer label containing it, whatever the popularity', () => {
    expect(ids('comunication')).toEqual(['comm', 'tcomm']);
  });

  it('does not treat "communication" as "teach communication" ahead of the exact skill', () => {
    expect(ids('communication')).toEqual(['comm', 'tcomm']);
  });

  it('is case, accent and punctuation insensitive', () => {
    expect(ids('  PYTHON!! ')[0]).toBe('py');
    expect(ids('Jává')[0]).toBe('java');
  });

  it('answers one- and two-letter queries with label prefixes, exact first', () => {
    expect(ids('ml')).toEqual(['ml']);
    expect(ids('j')).toEqual(['js', 'java', 'jvn']);
  });

  it('returns nothing for empty or unknown queries and respects the limit', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('xylophone')).toEqual([]);
    expect(ids('java', 0)).toEqual([]);
    expect(ids('c', 1)).toHaveLength(1);
  });

  it('suggests nothing rather than a wrong skill for everyday words that look like skill words', () => {
    // driving ≠ writing, caring ≠ coding, cash ≠ bash: different words, not typos.
    expect(ids('driving')).toEqual([]);
    expect(ids('caring')).toEqual([]);
    expect(ids('cash')).toEqual([]);
    // Real typos still work, short and long.
    expect(ids('bsah')).toEqual([]);
    expect(ids('codng')).toEqual(['prog']);
    expect(ids('writting')).toEqual(['we']);
  });

  it('does not allow typos in very short words', () => {
    expect(ids('jz')).toEqual([]);
  });
});

describe('boundedDamerauLevenshtein', () => {
  it.each([
    ['python', 'python', 2, 0],
    ['pyton', 'python', 2, 1],
    ['pytohn', 'python', 2, 1],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3],
    ['', 'abc', 5, 3],
  ])('%s vs %s (max %d) = %d', (a, b, max, expected) => {
    expect(boundedDamerauLevenshtein(a, b, max)).toBe(expected);
  });
});
