/**
 * The words a verb–object phrase may have between its verb and its object in an advert ("manage
 * multiple projects", "develop and maintain software", "analyse large data sets"), and how a text
 * word is recognised as a form of a leading verb.
 */

import { SkillRecord } from '../skill-record';
import { normalisedWords } from '../text/skill-tokens';

/** Vocabulary-key prefix of a verb that may be followed by a gap (see `gapVariant`). */
export const GAP_VERB = '~';

/**
 * Determiners, possessives and quantifiers: they never name a skill of their own. Not "your":
 * adverts use it for the application, not a skill ("we look forward to receiving your application").
 */
const DETERMINERS = new Set(
  (
    'a an the this these that those our their its his her all any some each every ' +
    'multiple several various many numerous different other new existing own'
  ).split(' '),
);

/**
 * Adjectives that adverts put before the object of a skill verb. A closed list rather than a
 * suffix rule: "-al"/"-ive"/"-ic" words are as often nouns in labels ("proposal", "executive",
 * "logic") and skipping a noun would change the skill.
 */
const ADJECTIVES = new Set(
  (
    'large big small complex simple high key critical major main core daily regular ' +
    'internal external relevant appropriate necessary effective efficient successful ' +
    'strong robust scalable reliable secure modern innovative creative beautiful ' +
    'detailed accurate clear technical commercial financial strategic operational ' +
    'global local international national cross-functional diverse dynamic'
  ).split(' '),
);

const COORDINATORS = new Set(['and', 'or']);

/** Prepositions inside a label, after which a gap may open too: "work in [a] team". */
const PREPOSITIONS = new Set(
  'of on in at to for with by from as into about between within without under across'.split(' '),
);

export const enum GapWordKind {
  None = 0,
  /** A determiner or adjective: may be skipped on its own. */
  Modifier = 1,
  /** "and"/"or": may be skipped together with the leading verb after it. */
  Coordinator = 2,
  /** A form of a leading verb ("maintain", "maintaining"): skipped only after a coordinator. */
  Verb = 3,
  /** A preposition: a gap may follow it inside a label. */
  Preposition = 4,
}

/** How a normalised text word may take part in a gap. */
export function gapWordKind(word: string, verbs: ReadonlySet<string>): GapWordKind {
  if (DETERMINERS.has(word) || ADJECTIVES.has(word)) return GapWordKind.Modifier;
  if (COORDINATORS.has(word)) return GapWordKind.Coordinator;
  if (PREPOSITIONS.has(word)) return GapWordKind.Preposition;
  return verbOf(word, verbs) === null ? GapWordKind.None : GapWordKind.Verb;
}

/**
 * The leading verb a normalised text word is an inflection of ("managing" → "manage", "planned"
 * → "plan"), or null. Nouns that share the verb's stem ("management", "developer") are not
 * verb forms: only a verb may be followed by a gap.
 */
export function verbOf(word: string, verbs: ReadonlySet<string>): string | null {
  if (verbs.has(word)) return word;
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.length < suffix.length + 2) continue;
    const base = word.slice(0, -suffix.length);
    if (verbs.has(base)) return base;
    if (verbs.has(base + 'e')) return base + 'e';
    // planning → plan; "ied": specified → specify.
    if (base.length >= 3 && base[base.length - 1] === base[base.length - 2] && verbs.has(base.slice(0, -1)))
      return base.slice(0, -1);
    if (suffix === 'ed' && base.endsWith('i') && verbs.has(base.slice(0, -1) + 'y'))
      return base.slice(0, -1) + 'y';
  }
  return null;
}

/**
 * The leading words of labels (`leadingVerbs`) that are verbs: those the taxonomy also writes as
 * -ing or -ed ("managing", "developed"). Leading words also include adjectives ("mechanical",
 * "financial"), and "mechanical and electrical systems" is not a verb with a gap.
 */
export function gapVerbs(skills: readonly SkillRecord[], leading: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const skill of skills)
    for (const label of [skill.label, ...skill.altLabels])
      for (const word of normalisedWords(label)) if (/(ing|ed)$/.test(word)) words.add(word);
  const verbs = new Set<string>();
  for (const verb of leading) {
    const base = verb.endsWith('e') ? verb.slice(0, -1) : verb;
    const forms = [base + 'ing', base + 'ed', verb + 'd', verb + verb[verb.length - 1] + 'ing'];
    if (forms.some((form) => words.has(form))) verbs.add(verb);
  }
  return verbs;
}
