/**
 * Advert phrasing that ESCO's labels miss, mapped to the ESCO skill it names.
 *
 * How entries were chosen: each is a phrase that UK and English-language job adverts use for a
 * skill in ESCO v1.1.1 (checked against `skills_en.csv`: the URI is the skill's, the label its
 * preferred label), found either among the skills the extractor missed on the Decorte TECH and
 * HOUSE *validation* files or as everyday advert wording of the kind the brief names ("Excel",
 * "MS Office", "team player"). Never from the Decorte test files. An entry is kept only when the
 * phrase names that skill in nearly every advert that uses it — "excellent communicator" is
 * communication, but "flexible" (hours? attitude?) or "organised" (events?) are left out. Phrases
 * are matched like labels (case-, plural- and inflection-insensitive, whole words, one-word phrases
 * only exactly), and count as strongly as a preferred label.
 *
 * Changing this table changes `SkillExtractor.revision`, so stored listings are re-extracted.
 */
export interface AdvertSynonym {
  uri: string;
  /** The skill's ESCO preferred label, for the reader (the URI is what is matched). */
  label: string;
  phrases: readonly string[];
}

const ESCO = 'http://data.europa.eu/esco/skill/';

export const ADVERT_SYNONYMS: readonly AdvertSynonym[] = [
  {
    uri: `${ESCO}1973c966-f236-40c9-b2d4-5d71a89019be`,
    label: 'use spreadsheets software',
    phrases: ['Excel', 'MS Excel', 'Microsoft Excel', 'spreadsheets', 'Google Sheets'],
  },
  {
    uri: `${ESCO}f683ae1d-cb7c-4aa1-b9fe-205e1bd23535`,
    label: 'use Microsoft Office',
    phrases: ['MS Office', 'Microsoft Office', 'Office 365', 'Microsoft 365', 'Word and Excel'],
  },
  {
    uri: `${ESCO}60c78287-22eb-4103-9c8c-28deaa460da0`,
    label: 'work in teams',
    phrases: [
      'team player',
      'teamwork',
      'team work',
      'work in a team',
      'work as part of a team',
      'work as a team',
      'part of a team',
      'collaborative team',
    ],
  },
  {
    uri: `${ESCO}15d76317-c71a-4fa2-aadc-2ecc34e627b7`,
    label: 'communication',
    phrases: ['communicator', 'communication skills', 'communicative skills', 'communicate effectively'],
  },
  {
    uri: `${ESCO}6d3edede-8951-4621-a835-e04323300fa0`,
    label: 'English',
    phrases: [
      'in English',
      'fluent English',
      'spoken English',
      'written English',
      'English speaking',
      'speak English',
      'English language',
    ],
  },
  {
    uri: `${ESCO}83e6510b-ffeb-4aec-959c-4265fd0ff7b7`,
    label: 'attend to detail',
    phrases: [
      'attention to detail',
      'eye for detail',
      'detail oriented',
      'detail-oriented',
      'focus on details',
    ],
  },
  {
    uri: `${ESCO}adc6dc11-3376-467b-96c5-9b0a21edc869`,
    label: 'solve problems',
    phrases: ['problem solving', 'problem solver', 'solve business problems', 'solving problems'],
  },
  {
    uri: `${ESCO}c29aa9d2-4da8-4bdd-831c-8d4a2fb51730`,
    label: 'work independently',
    phrases: ['on your own initiative', 'self-starter', 'use your own initiative'],
  },
  {
    uri: `${ESCO}e186976a-64f0-4052-a25b-297d19e1d0ec`,
    label: 'think proactively',
    phrases: ['proactive', 'proactive approach', 'proactive mindset'],
  },
  {
    uri: `${ESCO}c2a0c52c-0b4b-4180-a918-92650ea3b458`,
    label: 'think innovately',
    phrases: ['innovative mindset', 'innovative culture', 'innovative thinking'],
  },
  {
    uri: `${ESCO}4707da90-9cfc-46ca-8de0-38a0b7bfb137`,
    label: 'think analytically',
    phrases: [
      'analytical skills',
      'analytical mindset',
      'analytical thinker',
      'analytical approach',
      'analytical',
    ],
  },
  {
    uri: `${ESCO}19a64e91-bfe3-4c48-9225-3bb1229b12f0`,
    label: 'show determination',
    phrases: ['highly motivated', 'self-motivated'],
  },
  {
    uri: `${ESCO}2a82241a-216e-44d8-bb50-6b9a0ef82084`,
    label: 'drive vehicles',
    phrases: ['driving licence', 'driving license', "driver's licence", 'full UK licence', 'full licence'],
  },
  {
    uri: `${ESCO}9d1b08b3-ba1e-41f6-a466-1ac1e62eb5f0`,
    label: 'conduct ICT code review',
    phrases: [
      'code review',
      'code reviews',
      'reviewing code',
      'review pull requests',
      'pull request reviews',
    ],
  },
  {
    uri: `${ESCO}6a322874-e32f-4cd8-9683-badce67a7f73`,
    label: 'develop automated software tests',
    phrases: [
      'automated testing',
      'automated tests',
      'test automation',
      'write tests',
      'unit tests',
      'unit testing',
    ],
  },
  {
    uri: `${ESCO}2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1`,
    label: 'debug software',
    phrases: ['debug', 'debugging'],
  },
  {
    uri: `${ESCO}69bbd53f-fbb0-4476-b4b2-ef7844464e28`,
    label: 'web programming',
    phrases: ['web development', 'web developer', 'web applications'],
  },
  {
    uri: `${ESCO}bd14968e-e409-45af-b362-3495ed7b10e0`,
    label: 'cloud technologies',
    phrases: ['cloud', 'cloud services', 'cloud platforms', 'cloud infrastructure'],
  },
  {
    uri: `${ESCO}b1272de4-1f5f-408b-8b26-061f2550fc72`,
    label: 'e-commerce systems',
    phrases: ['e-commerce', 'ecommerce', 'online shop', 'online store'],
  },
  {
    uri: `${ESCO}c062bab3-3ea0-4291-9220-a2d8fef4bead`,
    label: 'SQL Server',
    phrases: ['MS SQL', 'MSSQL', 'T-SQL', 'Azure SQL'],
  },
  {
    uri: `${ESCO}88b406d0-72e2-4087-be19-d5992d259473`,
    label: 'personnel management',
    phrases: ['people management', 'line management', 'managing people', 'manage people'],
  },
  {
    uri: `${ESCO}25b291b5-8245-4d9d-b391-86a8a31d7109`,
    label: 'use concurrent programming',
    phrases: ['multithreaded', 'multi-threaded', 'multithreading', 'concurrency'],
  },
  {
    uri: `${ESCO}d9013e0e-e937-43d5-ab71-0e917ee882b8`,
    label: 'manage time',
    phrases: ['time management', 'prioritise your workload', 'manage your workload', 'manage your time'],
  },
  {
    uri: `${ESCO}1258cc12-37bb-4a12-b219-9c3d6b294533`,
    label: 'work in an organised manner',
    phrases: ['organisational skills', 'well organised', 'highly organised', 'structured workstyle'],
  },
  {
    uri: `${ESCO}5dd01a1e-7ba0-4b7f-a76c-ed811c12bfde`,
    label: 'apply numeracy skills',
    phrases: ['numerate', 'numeracy', 'good with numbers'],
  },
  {
    uri: `${ESCO}07ba491f-2fd4-4bab-bf52-32934c6f0b9f`,
    label: 'work in an international environment',
    phrases: ['international team', 'international environment', 'global team', 'multicultural team'],
  },
  {
    uri: `${ESCO}a8460be3-f4ba-44a0-a961-0389069a3614`,
    label: 'handle stressful situations',
    phrases: ['stressful situations', 'stressed situations', 'work under pressure', 'working under pressure'],
  },
  {
    uri: `${ESCO}dba46f87-0831-49cd-a1c7-340a653c0221`,
    label: 'Agile development',
    phrases: ['agile', 'scrum', 'agile delivery', 'agile teams'],
  },
  {
    uri: `${ESCO}0cb013af-6dd9-4fb2-b34e-63dda1a5cf82`,
    label: 'operate cash register',
    phrases: ['tills', 'EPOS', 'cash desk'],
  },
  {
    uri: `${ESCO}d15ce60f-ddab-41ce-ba56-398451b77b60`,
    label: 'have computer literacy',
    phrases: ['computer literate', 'IT literate', 'IT skills', 'computer skills'],
  },
  {
    uri: `${ESCO}001115fb-569f-4ee6-8381-c6807ef2527f`,
    label: 'show initiative',
    phrases: ['use their initiative', 'use your initiative', 'show initiative'],
  },
];
