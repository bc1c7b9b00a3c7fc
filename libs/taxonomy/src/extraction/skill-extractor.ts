import { SkillRecord } from '../skill-record';
import { htmlToText } from '../text/html-text';
import { normalisedWords, normaliseWord } from '../text/skill-tokens';
import { scanWords } from '../text/word-scanner';
import { SkillPhraseTrie } from './skill-phrase-trie';
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

/** Scratch buffers for one scan, grown as needed and reused: scanning allocates nothing per word. */
interface TokenBuffers {
  word: Int32Array;
  start: Int32Array;
  end: Int32Array;
  breakBefore: Uint8Array;
}

/** Words looked up before (raw text → vocabulary id, -1 = no label uses it); cleared when it grows this big. */
const WORD_CACHE_LIMIT = 200_000;

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
 *
 * Performance: labels are compiled into a SkillPhraseTrie of integer word ids in typed arrays; only
 * each skill's id, uri and label are kept (not the alternative labels). A scan reads words with the
 * hand-written scanner into reused buffers and memoises each distinct word's vocabulary id.
 */
export class SkillExtractor {
  private readonly trie: SkillPhraseTrie;
  private readonly ids: string[];
  private readonly uris: (string | null)[];
  private readonly labels: string[];
  private readonly wordIds = new Map<string, number>();
  private tokens: TokenBuffers = newBuffers(256);
  /** match(): skill index → the call that last reported it, so "distinct" needs no Set per call. */
  private readonly reportedIn: Uint32Array;
  private call = 0;

  constructor(skills: readonly SkillRecord[], options: SkillExtractorOptions = {}) {
    const stoplist = options.stoplist ?? COMMON_WORD_STOPLIST;
    this.ids = skills.map((s) => s.id);
    this.uris = skills.map((s) => s.uri ?? null);
    this.labels = skills.map((s) => s.label);
    this.reportedIn = new Uint32Array(skills.length);
    this.trie = SkillPhraseTrie.build(
      (function* () {
        for (let skill = 0; skill < skills.length; skill++)
          for (const { words, preferred } of phraseVariants(skills[skill], stoplist))
            yield { words, skill, preferred };
      })(),
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** Every occurrence of a taxonomy skill, in text order. */
  extract(text: string): ExtractedSkill[] {
    const found: ExtractedSkill[] = [];
    this.scan(htmlToText(text), (skill, start, end) =>
      found.push({ id: this.ids[skill], uri: this.uris[skill], label: this.labels[skill], start, end }),
    );
    return found;
  }

  /** The distinct skills named in the text, in order of first mention. */
  match(text: string): SkillMatch[] {
    const matches: SkillMatch[] = [];
    const call = this.nextCall();
    this.scan(htmlToText(text), (skill) => {
      if (this.reportedIn[skill] === call) return;
      this.reportedIn[skill] = call;
      matches.push({ skillId: this.ids[skill], label: this.labels[skill] });
    });
    return matches;
  }

  /** Distinct skills with uri, in order of first mention (the CLI's output). */
  extractDistinct(text: string): ExtractedSkill[] {
    const seen = new Set<string>();
    return this.extract(text).filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
  }

  private nextCall(): number {
    if (++this.call === 0xffffffff) {
      this.reportedIn.fill(0);
      this.call = 1;
    }
    return this.call;
  }

  /** Leftmost-longest phrase matches of the plain text: `found(skill, start, end)` for each skill of each. */
  private scan(plain: string, found: (skill: number, start: number, end: number) => void): void {
    const count = this.readWords(plain);
    const { word, start, end, breakBefore } = this.tokens;
    const trie = this.trie;
    let i = 0;
    while (i < count) {
      let node = 0;
      let bestNode = -1;
      let bestEnd = -1;
      for (let j = i; j < count; j++) {
        if (j > i && breakBefore[j] === 1) break;
        if (word[j] < 0) break;
        node = trie.child(node, word[j]);
        if (node < 0) break;
        if (trie.yieldsSkills(node)) {
          bestNode = node;
          bestEnd = j;
        }
      }
      if (bestNode >= 0) {
        for (let k = trie.firstSkill(bestNode), last = trie.endSkill(bestNode); k < last; k++)
          found(trie.skillAt(k), start[i], end[bestEnd]);
        i = bestEnd + 1;
      } else {
        i++;
      }
    }
  }

  /** Fills the token buffers with the text's words; returns how many. */
  private readWords(text: string): number {
    let count = 0;
    scanWords(text, (from, to, breakBefore) => {
      if (count === this.tokens.word.length) this.tokens = grow(this.tokens);
      const t = this.tokens;
      t.word[count] = this.wordIdOf(text.slice(from, to));
      t.start[count] = from;
      t.end[count] = to;
      t.breakBefore[count] = breakBefore ? 1 : 0;
      count++;
    });
    return count;
  }

  private wordIdOf(raw: string): number {
    let id = this.wordIds.get(raw);
    if (id === undefined) {
      id = this.trie.vocabulary.get(normaliseWord(raw)) ?? -1;
      if (this.wordIds.size >= WORD_CACHE_LIMIT) this.wordIds.clear();
      this.wordIds.set(raw, id);
    }
    return id;
  }
}

function newBuffers(size: number): TokenBuffers {
  return {
    word: new Int32Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    breakBefore: new Uint8Array(size),
  };
}

function grow(old: TokenBuffers): TokenBuffers {
  const next = newBuffers(old.word.length * 2);
  next.word.set(old.word);
  next.start.set(old.start);
  next.end.set(old.end);
  next.breakBefore.set(old.breakBefore);
  return next;
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
