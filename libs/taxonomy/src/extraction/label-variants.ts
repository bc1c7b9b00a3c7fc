import { SkillRecord } from '../skill-record';
import { AdvertSynonym } from './advert-synonyms';
import { normalisedWords } from '../text/skill-tokens';
import { stemWord } from '../text/word-stem';
import { GAP_VERB } from './gap-words';

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * Vocabulary keys. A label word is keyed by its stem ("managing" → "manag") or, where the stem
 * would merge different things, by its exact normalised form behind EXACT ("=accounting" must
 * not be found in "accounts"). A text word is looked up under both keys.
 */
export const EXACT = '=';

/** One phrase a skill is found by: vocabulary keys, and whether it is as strong as the preferred label. */
export interface PhraseVariant {
  words: string[];
  preferred: boolean;
}

/**
 * How the words of one label are keyed. One-word labels match only exactly ("communication" is not
 * "communicating", "logging" not "log"). In longer labels every word is stemmed except -ing/-ed
 * words that are not a leading verb — those are nouns or adjectives ("team building", "data
 * warehousing", "prepared meals", "automated testing"), which must not match "team builds" or
 * "prepare meals".
 */
export function labelKeys(words: readonly string[], contentWords: number): string[] {
  if (contentWords === 1) return words.map((w) => EXACT + w);
  return words.map((w, k) => (/ed$/.test(w) || (k > 0 && /ing$/.test(w)) ? EXACT + w : stemWord(w)));
}

/** Words that join a phrase rather than name a thing: a label with one of them is not reordered. */
const FUNCTION_WORDS = new Set(
  'a an the of on in at to for with and or by from as into about between within without under'.split(' '),
);

/**
 * Words that lead skill labels as verbs ("manage", "develop", "use"), read off the taxonomy: the
 * first word of at least 3 multi-word preferred labels, and first more than twice as often as last
 * ("design" leads "design …" labels, "software" ends "develop software" as often as it leads).
 */
export function leadingVerbs(skills: readonly SkillRecord[]): Set<string> {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (const skill of skills) {
    const words = normalisedWords(skill.label);
    if (words.length < 2) continue;
    first.set(words[0], (first.get(words[0]) ?? 0) + 1);
    const end = words[words.length - 1];
    last.set(end, (last.get(end) ?? 0) + 1);
  }
  const verbs = new Set<string>();
  for (const [word, n] of first) if (n >= 3 && n > 2 * (last.get(word) ?? 0)) verbs.add(word);
  return verbs;
}

/**
 * "manage projects" as an advert says it: "project management", "projects managed". For a label
 * of a leading verb and one or two object words (no function words), the objects then the verb's
 * stem, which the stemmer shares with its -ment/-ation/-ing nouns.
 */
function reordered(words: readonly string[], verbs: ReadonlySet<string>): string[] | null {
  if (words.length < 2 || words.length > 3 || !verbs.has(words[0])) return null;
  if (words.some((w) => FUNCTION_WORDS.has(w))) return null;
  const keys = labelKeys(words, words.length);
  return [...keys.slice(1), stemWord(words[0])];
}

/** Labels longer than this (verb included) get no gap variant: they are specific enough already. */
const MAX_GAP_LABEL_WORDS = 4;

/**
 * "manage projects" with words between verb and object ("manage multiple projects"): the verb
 * behind GAP_VERB, then the object keys. The scan only walks this branch after skipping at least
 * one gap word (`gap-words.ts`); the contiguous phrase is the label itself.
 */
function gapVariant(words: readonly string[], verbs: ReadonlySet<string>): string[] | null {
  if (words.length < 2 || words.length > MAX_GAP_LABEL_WORDS || !verbs.has(words[0])) return null;
  // Object words only by their exact form: past a gap, "support the nursing team" is not "support nurses".
  return [GAP_VERB + words[0], ...words.slice(1).map((w) => EXACT + w)];
}

/**
 * The phrases that name one skill: its labels (and each without its parenthesised qualifier),
 * as vocabulary keys. `stoplist` holds normalised one-word labels never matched alone.
 */
export function phraseVariants(
  skill: SkillRecord,
  stoplist: ReadonlySet<string>,
  verbs: ReadonlySet<string>,
  gapVerbs: ReadonlySet<string> = new Set(),
): PhraseVariant[] {
  const variants: PhraseVariant[] = [];
  const add = (label: string, preferred: boolean): void => {
    const normalised = normalisedWords(label);
    if (normalised.length === 0 || normalised.join(' ').length < 2) return;
    // "a computer" is as weak as "computer": judge a label by its words other than articles.
    const content = normalised.filter((w) => !ARTICLES.has(w));
    if (content.length === 0) return;
    if (content.length === 1) {
      if (content[0].length < 2 || stoplist.has(content[0])) return;
      if (!preferred && !/[A-Z0-9+#]/.test(label)) return;
    }
    variants.push({ words: labelKeys(normalised, content.length), preferred });
    const swapped = reordered(normalised, verbs);
    if (swapped) variants.push({ words: swapped, preferred: false });
    const gapped = gapVariant(normalised, gapVerbs);
    if (gapped) variants.push({ words: gapped, preferred });
  };
  const addWithQualifierDropped = (label: string, preferred: boolean): void => {
    add(label, preferred);
    const unqualified = label.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    // The unqualified form is weaker evidence than the label itself: treat it as an alternative.
    if (unqualified !== label && unqualified.length > 0) add(unqualified, false);
  };
  addWithQualifierDropped(skill.label, true);
  for (const alt of skill.altLabels) addWithQualifierDropped(alt, false);
  return variants;
}

/** A curated synonym's phrases as vocabulary keys (curated, so the stoplist does not apply). */
export function synonymVariants(synonym: AdvertSynonym): string[][] {
  const variants: string[][] = [];
  for (const phrase of synonym.phrases) {
    const normalised = normalisedWords(phrase);
    const content = normalised.filter((w) => !ARTICLES.has(w));
    if (content.length > 0) variants.push(labelKeys(normalised, content.length));
  }
  return variants;
}
