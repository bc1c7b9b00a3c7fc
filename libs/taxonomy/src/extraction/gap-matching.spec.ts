import { gapVerbs, gapWordKind, GapWordKind, verbOf } from './gap-words';
import { leadingVerbs } from './label-variants';
import { SkillExtractor } from './skill-extractor';

const skill = (id: string, label: string, altLabels: string[] = []) => ({
  id,
  uri: `esco:${id}`,
  label,
  altLabels,
});

// "manage", "develop" and "maintain" lead 3 labels each and have -ing forms: they are gap verbs.
const SKILLS = [
  skill('mproj', 'manage projects', ['managing projects']),
  skill('mbud', 'manage budgets'),
  skill('mstaff', 'manage staff', ['manage team']),
  skill('mteam', 'manage a team'),
  skill('dsw', 'develop software', ['developing software']),
  skill('dtools', 'develop tools'),
  skill('dapps', 'develop mobile applications'),
  skill('msw', 'maintain software'),
  skill('mrec', 'maintain records', ['maintaining records']),
  skill('mequip', 'maintain equipment'),
  skill('teams', 'work in teams', ['working in teams']),
  skill('wchem', 'work with chemicals'),
  skill('wsafe', 'work safely'),
  skill('papps', 'process applications', ['receive applications']),
  skill('rgoods', 'receive goods', ['receiving goods']),
  skill('rpay', 'receive payments'),
  skill('rdel', 'receive deliveries'),
  skill('enjoy', 'enjoy working'),
  skill('wrk', 'working'),
  skill('mech', 'mechanical systems'),
  skill('meng', 'mechanical engineering'),
  skill('mtools', 'mechanical tools'),
];

describe('SkillExtractor: verb and object with a gap', () => {
  const extractor = new SkillExtractor(SKILLS, { synonyms: [] });
  const ids = (text: string): string[] => extractor.match(text).map((m) => m.skillId);

  it('skips one or two determiners or adjectives between the verb and its object', () => {
    expect(ids('You will manage multiple projects')).toEqual(['mproj']);
    expect(ids('managing several large projects')).toEqual(['mproj']);
    expect(ids('Develop new mobile applications for our clients')).toEqual(['dapps']);
    const text = 'Manage the budgets.';
    const [hit] = extractor.extract(text);
    expect(text.slice(hit.start, hit.end)).toBe('Manage the budgets');
  });

  it('also skips words after a preposition of the label', () => {
    expect(ids('You enjoy work in a dynamic team')).toEqual(['teams']);
    expect(ids('Worked in a team before')).toEqual(['teams']);
    expect(ids('working with the chemicals')).toEqual(['wchem']);
    expect(ids('work in, a team')).toEqual([]);
    expect(ids('work in football team')).toEqual([]);
  });

  it('does not skip "your": adverts use it for the application, not a skill', () => {
    expect(ids('We look forward to receiving your application')).toEqual([]);
    expect(ids('receive all applications')).toEqual(['papps']);
    expect(ids('receives the goods')).toEqual(['rgoods']);
  });

  it('finds both verbs of "develop and maintain software"', () => {
    expect(ids('develop and maintain software')).toEqual(['dsw', 'msw']);
    expect(ids('developing or maintaining software')).toEqual(['dsw', 'msw']);
    // Three words between "developing" and "software": too far; "maintaining the software" is not.
    expect(ids('developing or maintaining the software')).toEqual(['msw']);
  });

  it('does not skip more than two words, nouns, numbers or punctuation', () => {
    expect(ids('manage our many new projects')).toEqual([]);
    expect(ids('manage client projects')).toEqual([]);
    expect(ids('manage three projects')).toEqual([]);
    expect(ids('manage the, projects')).toEqual([]);
    expect(ids('Manage. The projects')).toEqual([]);
  });

  it('skips "and"/"or" only with a verb after it', () => {
    expect(ids('develop and software')).toEqual([]);
    expect(ids('develop or client software')).toEqual([]);
  });

  it('starts a gap only at a verb form, not at a noun or adjective leading labels', () => {
    expect(ids('development new tools')).toEqual([]);
    expect(ids('developers multiple tools')).toEqual([]);
    expect(ids('mechanical and electrical systems')).toEqual([]);
    expect(ids('mechanical new systems')).toEqual([]);
  });

  it('matches object words past a gap only exactly, and prefers a contiguous label', () => {
    expect(ids('develop new tools')).toEqual(['dtools']);
    expect(ids('develop new tooling')).toEqual([]);
    expect(ids('manage a team of six')).toEqual(['mteam']);
  });
});

describe('gap words', () => {
  const verbs = gapVerbs(SKILLS, leadingVerbs(SKILLS));

  it('takes leading words the taxonomy also writes as -ing or -ed as verbs', () => {
    expect([...leadingVerbs(SKILLS)].sort()).toEqual([
      'develop',
      'maintain',
      'manage',
      'mechanical',
      'receive',
      'work',
    ]);
    expect([...verbs].sort()).toEqual(['develop', 'maintain', 'manage', 'receive', 'work']);
  });

  it('reads inflections of a verb, not nouns that share its stem', () => {
    expect(verbOf('managing', verbs)).toBe('manage');
    expect(verbOf('managed', verbs)).toBe('manage');
    expect(verbOf('developed', verbs)).toBe('develop');
    expect(verbOf('planning', new Set(['plan']))).toBe('plan');
    expect(verbOf('specified', new Set(['specify']))).toBe('specify');
    expect(verbOf('management', verbs)).toBeNull();
    expect(verbOf('developer', verbs)).toBeNull();
    expect(verbOf('ed', verbs)).toBeNull();
  });

  it('classifies words', () => {
    expect(gapWordKind('the', verbs)).toBe(GapWordKind.Modifier);
    expect(gapWordKind('complex', verbs)).toBe(GapWordKind.Modifier);
    expect(gapWordKind('or', verbs)).toBe(GapWordKind.Coordinator);
    expect(gapWordKind('maintaining', verbs)).toBe(GapWordKind.Verb);
    expect(gapWordKind('client', verbs)).toBe(GapWordKind.None);
    expect(gapWordKind('your', verbs)).toBe(GapWordKind.None);
    expect(gapWordKind('with', verbs)).toBe(GapWordKind.Preposition);
  });
});

describe('SkillExtractor: a verb shared by two matches', () => {
  const extractor = new SkillExtractor(SKILLS, { synonyms: [] });
  const ids = (text: string): string[] => extractor.match(text).map((m) => m.skillId);

  it('lets the verb that ends one match start a longer one', () => {
    expect(ids('You enjoy working in a team')).toEqual(['enjoy', 'teams']);
    expect(ids('enjoy working in teams')).toEqual(['enjoy', 'teams']);
  });

  it('does not report the shared verb again on its own', () => {
    expect(ids('You enjoy working')).toEqual(['enjoy']);
    expect(ids('You enjoy working hours')).toEqual(['enjoy']);
    expect(ids('flexible working')).toEqual(['wrk']);
  });
});
