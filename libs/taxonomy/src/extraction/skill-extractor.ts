import { SkillRecord } from '../skill-record';
import { htmlToText } from '../text/html-text';
import { normalisedWords, tokenize } from '../text/skill-tokens';
import { COMMON_WORD_STOPLIST } from './extraction-stoplist';

/** A taxonomy skill found in a text; offsets are into the plain text (`htmlToText(input)`). */
export interface ExtractedSkill {
  id: string;
  uri: string | null;
  label: string;
  start: number;
  end: number;
}

/** The shape the connectors' SkillMatcher expects. */
export interface SkillMatch {
  skillId: string;
  label: string;
}

export interface SkillExtractorOptions {
  /** One-word labels never matched on their own (normalised form). Defaults to COMMON_WORD_STOPLIST. */
  stoplist?: ReadonlySet<string>;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** Skills (indices) whose preferred label is this phrase. */
  preferred?: number[];
  /** Skills (indices) that have this phrase as an alternative label. */
  alternative?: number[];
  /** Resolved at build time: the skills a match of this phrase yields (empty = ambiguous). */
  skills?: number[];
}

/**
 * Finds taxonomy skills named in free text (course and vacancy descriptions).
 *
 * Rules, chosen for precision over recall:
 * - only whole-phrase matches of a preferred or alternative label, compared word by word after
 *   normalisation (case, accents, possessive "'s", simple English plurals); a phrase never spans
 *   punctuation or a line break; hyphens and slashes separate words ("problem-solving");
 * - leftmost-longest: at each position the longest known phrase wins and the scan resumes after it,
 *   so "customer service skills" never also yields "service";
 * - a parenthesised qualifier is also dropped to make a variant: "Python (computer programming)"
 *   is found as "Python";
 * - labels shorter than 2 characters ("R", "C") are skipped, and so are one-word labels in the
 *   stoplist of common words (articles do not count as words here: "a computer" is one word); a one-word alternative label is kept only when it is written like a
 *   name (has a capital, digit, + or #: "Java", "SQL", "C#") — lower-case one-word synonyms in ESCO
 *   are mostly general words ("guide", "clean", "interview");
 * - a phrase that is the preferred label of some skill maps to that skill; a phrase that is only an
 *   alternative label maps to its skill when exactly one skill has it, and is ignored when several do.
 */
export class SkillExtractor {
  private readonly root: TrieNode = {};
  private readonly skills: SkillRecord[];

  constructor(skills: readonly SkillRecord[], options: SkillExtractorOptions = {}) {
    const stoplist = options.stoplist ?? COMMON_WORD_STOPLIST;
    this.skills = [...skills];
    this.skills.forEach((skill, index) => {
      for (const { words, preferred } of phraseVariants(skill, stoplist)) this.insert(words, index, preferred);
    });
    resolve(this.root);
  }

  get size(): number {
    return this.skills.length;
  }

  /** Every occurrence of a taxonomy skill, in text order. */
  extract(text: string): ExtractedSkill[] {
    const plain = htmlToText(text);
    const tokens = tokenize(plain);
    const found: ExtractedSkill[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = this.root;
      let bestEnd = -1;
      let bestSkills: number[] | undefined;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && tokens[j].breakBefore) break;
        node = node.next?.get(tokens[j].norm);
        if (!node) break;
        if (node.skills && node.skills.length > 0) {
          bestEnd = j;
          bestSkills = node.skills;
        }
      }
      if (bestSkills) {
        for (const index of bestSkills) {
          const skill = this.skills[index];
          found.push({
            id: skill.id,
            uri: skill.uri ?? null,
            label: skill.label,
            start: tokens[i].start,
            end: tokens[bestEnd].end,
          });
        }
        i = bestEnd + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  /** The distinct skills named in the text, in order of first mention. */
  match(text: string): SkillMatch[] {
    const seen = new Set<string>();
    const matches: SkillMatch[] = [];
    for (const hit of this.extract(text)) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      matches.push({ skillId: hit.id, label: hit.label });
    }
    return matches;
  }

  /** Distinct skills with uri, in order of first mention (the CLI's output). */
  extractDistinct(text: string): ExtractedSkill[] {
    const seen = new Set<string>();
    return this.extract(text).filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
  }

  private insert(words: string[], index: number, preferred: boolean): void {
    let node = this.root;
    for (const word of words) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (!child) {
        child = {};
        node.next.set(word, child);
      }
      node = child;
    }
    const list = preferred ? (node.preferred ??= []) : (node.alternative ??= []);
    if (!list.includes(index)) list.push(index);
  }
}

function resolve(node: TrieNode): void {
  if (node.preferred) node.skills = node.preferred;
  else if (node.alternative) node.skills = node.alternative.length === 1 ? node.alternative : [];
  delete node.preferred;
  delete node.alternative;
  node.next?.forEach(resolve);
}

const ARTICLES = new Set(['a', 'an', 'the']);

interface PhraseVariant {
  words: string[];
  preferred: boolean;
}

function phraseVariants(skill: SkillRecord, stoplist: ReadonlySet<string>): PhraseVariant[] {
  const variants: PhraseVariant[] = [];
  const add = (label: string, preferred: boolean): void => {
    const words = normalisedWords(label);
    if (words.length === 0 || words.join(' ').length < 2) return;
    // "a computer" is as weak as "computer": judge a label by its words other than articles.
    const content = words.filter((w) => !ARTICLES.has(w));
    if (content.length === 0) return;
    if (content.length === 1) {
      if (content[0].length < 2 || stoplist.has(content[0])) return;
      if (!preferred && !/[A-Z0-9+#]/.test(label)) return;
    }
    variants.push({ words, preferred });
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
