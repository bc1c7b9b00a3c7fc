import { ADVERT_SYNONYMS } from './advert-synonyms';
import { COMMON_WORD_STOPLIST } from './extraction-stoplist';
import { leadingVerbs } from './label-variants';
import { SkillExtractor } from './skill-extractor';

const SPREADSHEETS = 'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be';
const skill = (id: string, label: string, altLabels: string[] = [], uri = `esco:${id}`) => ({
  id,
  uri,
  label,
  altLabels,
});

const SKILLS = [
  skill('mproj', 'manage projects'),
  skill('mbud', 'manage budgets'),
  skill('mstaff', 'manage staff'),
  skill('dsw', 'develop software'),
  skill('dapps', 'develop mobile applications'),
  skill('dtools', 'develop tools'),
  skill('adata', 'analyse data'),
  skill('advise', 'advise on tax'),
  skill('acct', 'accounting'),
  skill('acsys', 'use accounting systems'),
  skill('tbuild', 'team building'),
  skill('meals', 'prepared meals'),
  skill('pmeals', 'prepare meals'),
  skill('comm', 'communication', ['communicating']),
  skill('pm', 'project management'),
  skill('sheets', 'use spreadsheets software', [], SPREADSHEETS),
  skill('teams', 'work in teams'),
];

describe('SkillExtractor: inflections and derived forms', () => {
  const extractor = new SkillExtractor(SKILLS, { synonyms: [] });
  const ids = (text: string): string[] => extractor.match(text).map((m) => m.skillId);

  it('finds a verb label in its -ing and -ed forms, and US spellings', () => {
    expect(ids('Managing budgets for the region')).toEqual(['mbud']);
    expect(ids('You have developed software for banks')).toEqual(['dsw']);
    expect(ids('analyzing data daily')).toEqual(['adata']);
  });

  it('reports the offsets of the words as written', () => {
    const text = 'Experience analysing data.';
    const [hit] = extractor.extract(text);
    expect(text.slice(hit.start, hit.end)).toBe('analysing data');
  });

  it('matches a one-word label only in its exact form', () => {
    expect(ids('communicating with clients')).toEqual([]);
    expect(ids('Accounts Assistant')).toEqual([]);
    expect(ids('accounting and payroll')).toEqual(['acct']);
  });

  it('keeps -ing and -ed nouns and adjectives exact: "team builds" is not "team building"', () => {
    expect(ids('Our team builds payment services')).toEqual([]);
    expect(ids('team building days')).toEqual(['tbuild']);
    expect(ids('Prepare meals for residents')).toEqual(['pmeals']);
    expect(ids('serving prepared meals')).toEqual(['meals']);
    expect(ids('use accounting systems')).toEqual(['acsys']);
  });
});

describe('SkillExtractor: verb + object labels in advert order', () => {
  const extractor = new SkillExtractor(SKILLS, { synonyms: [] });
  const ids = (text: string): string[] => extractor.match(text).map((m) => m.skillId);

  it('finds "manage staff" in "staff management" and "develop software" in "software development"', () => {
    expect(ids('Staff management experience')).toEqual(['mstaff']);
    expect(ids('agile software development')).toEqual(['dsw']);
    expect(ids('mobile applications developed in Kotlin')).toEqual(['dapps']);
  });

  it('lets a preferred label win over a reordered one ("project management" is its own skill)', () => {
    expect(ids('project management qualification')).toEqual(['pm']);
    expect(ids('managing projects')).toEqual(['mproj']);
  });

  it('does not reorder across punctuation, nor labels with function words', () => {
    expect(ids('staff. Management')).toEqual([]);
    expect(ids('tax advice')).toEqual([]);
  });

  it('does not read nouns as leading verbs', () => {
    const verbs = leadingVerbs([
      ...SKILLS,
      skill('a', 'manage shops'),
      skill('b', 'software design'),
      skill('c', 'software testing'),
      skill('d', 'software engineering'),
    ]);
    expect(verbs.has('manage')).toBe(true);
    expect(verbs.has('develop')).toBe(true);
    expect(verbs.has('software')).toBe(false);
    expect(verbs.has('accounting')).toBe(false);
  });
});

describe('SkillExtractor: curated advert synonyms', () => {
  it('finds the ESCO skill of a default table phrase when the taxonomy has its URI', () => {
    const extractor = new SkillExtractor(SKILLS);
    expect(extractor.match('Confident with Excel and Sage').map((m) => m.skillId)).toEqual(['sheets']);
    expect(extractor.match('Microsoft Excel spreadsheets').map((m) => m.skillId)).toEqual(['sheets']);
  });

  it('skips entries whose skill is not in the taxonomy, and phrases only as whole words', () => {
    const extractor = new SkillExtractor(SKILLS, {
      synonyms: [
        { uri: 'esco:teams', label: 'work in teams', phrases: ['team player', 'teamwork'] },
        { uri: 'esco:missing', label: 'not here', phrases: ['customer focus'] },
      ],
    });
    const ids = (text: string): string[] => extractor.match(text).map((m) => m.skillId);
    expect(ids('A real team player who values teamwork')).toEqual(['teams']);
    expect(ids('strong customer focus')).toEqual([]);
    expect(ids('team. Player')).toEqual([]);
    expect(ids('our team plays football')).toEqual([]);
  });

  it('every default entry names an ESCO skill URI and has phrases', () => {
    for (const entry of ADVERT_SYNONYMS) {
      expect(entry.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/);
      expect(entry.phrases.length).toBeGreaterThan(0);
    }
    expect(new Set(ADVERT_SYNONYMS.map((e) => e.uri)).size).toBe(ADVERT_SYNONYMS.length);
  });
});

describe('SkillExtractor.revision', () => {
  it('is a stable string shared by extractors with the default rules', () => {
    expect(SkillExtractor.revision).toMatch(/^rules\d+-[0-9a-f]{12}$/);
    expect(new SkillExtractor(SKILLS).revision).toBe(SkillExtractor.revision);
    expect(new SkillExtractor([]).revision).toBe(SkillExtractor.revision);
  });

  it('changes with the synonym table and with the stoplist', () => {
    const fewer = new SkillExtractor(SKILLS, { synonyms: ADVERT_SYNONYMS.slice(1) }).revision;
    const edited = new SkillExtractor(SKILLS, {
      synonyms: [
        { ...ADVERT_SYNONYMS[0], phrases: [...ADVERT_SYNONYMS[0].phrases, 'Numbers'] },
        ...ADVERT_SYNONYMS.slice(1),
      ],
    }).revision;
    const stoplist = new SkillExtractor(SKILLS, { stoplist: new Set([...COMMON_WORD_STOPLIST, 'sql']) })
      .revision;
    expect(new Set([SkillExtractor.revision, fewer, edited, stoplist]).size).toBe(4);
    expect(new SkillExtractor(SKILLS, { synonyms: [...ADVERT_SYNONYMS] }).revision).toBe(
      SkillExtractor.revision,
    );
  });
});
