import { createHash } from 'crypto';
import { SkillRecord } from '../skill-record';
import { htmlToText } from '../text/html-text';
import { normaliseWord } from '../text/skill-tokens';
import { stemWord } from '../text/word-stem';
import { scanWords } from '../text/word-scanner';
import { SkillPhraseTrie } from './skill-phrase-trie';
import { COMMON_WORD_STOPLIST } from './extraction-stoplist';
import { ADVERT_SYNONYMS, AdvertSynonym } from './advert-synonyms';
import { EXACT, leadingVerbs, phraseVariants, synonymVariants } from './label-variants';
import { GAP_VERB, GapWordKind, gapVerbs, gapWordKind, verbOf } from './gap-words';

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
  /** Curated advert phrasing → skill URI. Defaults to ADVERT_SYNONYMS; skills not in the taxonomy are skipped. */
  synonyms?: readonly AdvertSynonym[];
}

/** Scratch buffers for one scan, grown as needed and reused: scanning allocates nothing per word. */
interface TokenBuffers {
  /** The word's exact key id and its stem key id (-1 when no label uses it). */
  exact: Int32Array;
  word: Int32Array;
  /** The word's gap-verb key id (-1 unless it is a form of a leading verb with gap phrases). */
  gapVerb: Int32Array;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  breakBefore: Uint8Array;
}

/** Words looked up before (raw text → slot in the `word*` arrays); cleared when it grows this big. */
const WORD_CACHE_LIMIT = 200_000;

/** At most this many words between a leading verb and its object ("develop and maintain software"). */
const MAX_GAP = 2;

/**
 * Bump when a matching rule changes (normalisation, stemming, keying, reordering, tie-breaks); the
 * synonym table and the stoplist are hashed into `revision` on their own.
 */
const RULES_VERSION = 3;

function revisionOf(stoplist: ReadonlySet<string>, synonyms: readonly AdvertSynonym[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ stoplist: [...stoplist].sort(), synonyms }))
    .digest('hex');
  return `rules${RULES_VERSION}-${hash.slice(0, 12)}`;
}

/**
 * Finds taxonomy skills named in free text (course and vacancy descriptions).
 *
 * Rules, chosen for precision over recall:
 * - only whole-phrase matches of a preferred or alternative label, compared word by word after
 *   normalisation (case, accents, possessive "'s", simple English plurals); a phrase never spans
 *   punctuation or a line break; hyphens and slashes separate words ("problem-solving");
 * - words of multi-word labels are compared by a light stem (`stemWord`: managing/managed/
 *   management, analyse/analysis, organize/organisation), except -ing/-ed words that are not a
 *   leading verb ("team building", "prepared meals"), which must match exactly; one-word labels
 *   always match exactly ("accounting" is not found in "accounts"). Of two matches ending at the
 *   same word, the one with more exact words wins;
 * - a label of a leading verb and one or two object words is also found with the verb moved to
 *   the end, as adverts write it: "manage projects" in "project management" (see `leadingVerbs`);
 *   this reordered form is an alternative label;
 * - a label of a leading verb (one the taxonomy also writes as -ing/-ed) and up to three object
 *   words is also found with one or two words between verb and object: determiners and common
 *   adjectives ("manage multiple projects"), or "and"/"or" with another verb ("develop and
 *   maintain software", which also yields "maintain software"); past the gap the object words must
 *   match exactly, and a contiguous match ending at the same word wins (see `gap-words.ts`);
 * - a small curated table of advert phrasing (ADVERT_SYNONYMS: "Excel", "team player") counts
 *   like preferred labels of the skill it names;
 * - leftmost-longest: at each position the longest known phrase wins and the scan resumes after it,
 *   so "customer service skills" never also yields "service";
 * - a parenthesised qualifier is also dropped to make a variant: "Python (computer programming)"
 *   is found as "Python";
 * - labels shorter than 2 characters ("R", "C") are skipped, and so are one-word labels in the
 *   stoplist of common words (articles do not count as words here: "a computer" is one word); a
 *   one-word alternative label is kept only when it is written like a name (has a capital, digit,
 *   + or #: "Java", "SQL", "C#") — lower-case one-word synonyms in ESCO are mostly general words
 *   ("guide", "clean", "interview");
 * - a phrase that is the preferred label of some skill maps to that skill; a phrase that is only an
 *   alternative label maps to its skill when exactly one skill has it, and is ignored when several do.
 *
 * `revision` names the rules, stoplist and synonym table; it changes whenever one of them does.
 *
 * Performance: labels are compiled into a SkillPhraseTrie of integer word ids in typed arrays; only
 * each skill's id, uri and label are kept (not the alternative labels). A scan reads words with the
 * hand-written scanner into reused buffers and memoises each distinct word's two vocabulary ids
 * (exact and stem); every variant is a trie phrase, so the rules cost nothing per word beyond that.
 */
export class SkillExtractor {
  /**
   * Identifies the default extraction rules, stoplist and synonym table: it changes whenever any of
   * them does, so stored extractions can be told apart and redone. (The taxonomy is not part of it.)
   */
  static readonly revision: string = revisionOf(COMMON_WORD_STOPLIST, ADVERT_SYNONYMS);

  /** `SkillExtractor.revision`, or what it would be with this instance's stoplist and synonyms. */
  readonly revision: string;
  private readonly trie: SkillPhraseTrie;
  private readonly ids: string[];
  private readonly uris: (string | null)[];
  private readonly labels: string[];
  private readonly verbs: ReadonlySet<string>;
  private readonly wordSlots = new Map<string, number>();
  private wordExact: number[] = [];
  private wordStem: number[] = [];
  private wordGapVerb: number[] = [];
  private wordKind: number[] = [];
  /** The longest match from the current position (scan()'s walk writes them). */
  private bestNode = -1;
  private bestEnd = -1;
  private bestExact = -1;
  private bestGapped = false;
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
    const synonyms = options.synonyms ?? ADVERT_SYNONYMS;
    this.revision =
      options.stoplist || options.synonyms ? revisionOf(stoplist, synonyms) : SkillExtractor.revision;
    const verbs = leadingVerbs(skills);
    const withGaps = gapVerbs(skills, verbs);
    this.verbs = withGaps;
    const byUri = new Map<string, number>();
    skills.forEach((s, index) => s.uri && !byUri.has(s.uri) && byUri.set(s.uri, index));
    this.trie = SkillPhraseTrie.build(
      (function* () {
        for (let skill = 0; skill < skills.length; skill++)
          for (const { words, preferred } of phraseVariants(skills[skill], stoplist, verbs, withGaps))
            yield { words, skill, preferred };
        for (const synonym of synonyms) {
          const skill = byUri.get(synonym.uri);
          if (skill === undefined) continue;
          for (const words of synonymVariants(synonym)) yield { words, skill, preferred: true };
        }
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

  /**
   * Leftmost-longest phrase matches of the plain text: `found(skill, start, end)` for each skill of
   * each. A word may match a label word by its exact form or by its stem; of two matches ending at
   * the same word, the one with more exact words wins. After a match with a gap the scan resumes
   * at the word after its verb, so "develop and maintain software" also yields "maintain software".
   */
  private scan(plain: string, found: (skill: number, start: number, end: number) => void): void {
    const count = this.readWords(plain);
    const { start, end } = this.tokens;
    const trie = this.trie;
    let i = 0;
    // The last word of the previous match, when it may start the next one only if that is longer.
    let shared = -1;
    while (i < count) {
      this.bestNode = -1;
      this.bestEnd = -1;
      this.bestExact = -1;
      this.bestGapped = false;
      this.walk(0, i, i, count, 0);
      this.walkGap(i, count);
      if (this.bestNode >= 0 && !(i === shared && this.bestEnd === i)) {
        for (let k = trie.firstSkill(this.bestNode), last = trie.endSkill(this.bestNode); k < last; k++)
          found(trie.skillAt(k), start[i], end[this.bestEnd]);
        if (this.bestGapped) i++;
        else if (this.bestEnd > i && this.tokens.kind[this.bestEnd] === GapWordKind.Verb) {
          // "enjoy working in a team": a match ending in a verb form lets that verb start the next.
          i = shared = this.bestEnd;
        } else i = this.bestEnd + 1;
      } else {
        i++;
      }
    }
  }

  /** Follows the trie from `node` with word j onwards (a phrase started at word `from`). */
  private walk(node: number, from: number, j: number, count: number, exact: number): void {
    if (j >= count || (j > from && this.tokens.breakBefore[j] === 1)) return;
    const trie = this.trie;
    const exactId = this.tokens.exact[j];
    const stemId = this.tokens.word[j];
    if (exactId >= 0) {
      const next = trie.child(node, exactId);
      if (next >= 0) this.visit(next, from, j, count, exact + 1);
    }
    if (stemId >= 0) {
      const next = trie.child(node, stemId);
      if (next >= 0) this.visit(next, from, j, count, exact);
    }
  }

  private visit(node: number, from: number, j: number, count: number, exact: number): void {
    this.consider(node, j, exact);
    this.walk(node, from, j + 1, count, exact);
  }

  /** Keeps a match ending at word j at `node` if it beats the best so far. */
  private consider(node: number, j: number, exact: number): void {
    // Ending at the same word, a contiguous match beats one with a gap ("manage a team" is not
    // "manage [a] team"), then more exact words win.
    if (
      this.trie.yieldsSkills(node) &&
      (j > this.bestEnd ||
        (j === this.bestEnd &&
          (this.bestGapped && !this.gapping
            ? true
            : this.bestGapped === this.gapping && exact > this.bestExact)))
    ) {
      this.bestNode = node;
      this.bestEnd = j;
      this.bestExact = exact;
      this.bestGapped = this.gapping;
    }
  }

  /** Set while walking the gap branch, so `visit` can tell a gapped match from a contiguous one. */
  private gapping = false;

  /**
   * Word `from` as a leading verb, then the rest of one of its labels word by word (exact forms
   * only), with 1–MAX_GAP gap words in all skipped right after the verb or after a preposition of
   * the label ("work in a team"): modifiers, or "and"/"or" with another verb; no break inside.
   */
  private walkGap(from: number, count: number): void {
    const t = this.tokens;
    if (t.gapVerb[from] < 0) return;
    const node = this.trie.child(0, t.gapVerb[from]);
    if (node < 0) return;
    this.gapping = true;
    this.skipThen(node, from, from + 1, count, 0);
    this.gapTail(node, from, from + 1, count, 0);
    this.gapping = false;
  }

  /** Skips gap words from word j (a point where a gap may open), then walks on after each. */
  private skipThen(node: number, from: number, j: number, count: number, skipped: number): void {
    const t = this.tokens;
    while (j < count && t.breakBefore[j] === 0) {
      const kind = t.kind[j];
      let width = 0;
      if (kind === GapWordKind.Modifier) width = 1;
      else if (
        kind === GapWordKind.Coordinator &&
        j + 1 < count &&
        t.breakBefore[j + 1] === 0 &&
        t.kind[j + 1] === GapWordKind.Verb
      )
        width = 2;
      if (width === 0 || skipped + width > MAX_GAP) return;
      skipped += width;
      j += width;
      this.gapTail(node, from, j, count, skipped);
    }
  }

  /** Word j onwards by exact form along the gap branch; a match counts once a gap was skipped. */
  private gapTail(node: number, from: number, j: number, count: number, skipped: number): void {
    const t = this.tokens;
    if (j >= count || t.breakBefore[j] === 1 || t.exact[j] < 0) return;
    const next = this.trie.child(node, t.exact[j]);
    if (next < 0) return;
    if (skipped > 0) this.consider(next, j, 0);
    if (t.kind[j] === GapWordKind.Preposition) this.skipThen(next, from, j + 1, count, skipped);
    this.gapTail(next, from, j + 1, count, skipped);
  }

  /** Fills the token buffers with the text's words; returns how many. */
  private readWords(text: string): number {
    let count = 0;
    scanWords(text, (from, to, breakBefore) => {
      if (count === this.tokens.word.length) this.tokens = grow(this.tokens);
      const t = this.tokens;
      const slot = this.wordSlotOf(text.slice(from, to));
      t.exact[count] = this.wordExact[slot];
      t.word[count] = this.wordStem[slot];
      t.gapVerb[count] = this.wordGapVerb[slot];
      t.kind[count] = this.wordKind[slot];
      t.start[count] = from;
      t.end[count] = to;
      t.breakBefore[count] = breakBefore ? 1 : 0;
      count++;
    });
    return count;
  }

  private wordSlotOf(raw: string): number {
    let slot = this.wordSlots.get(raw);
    if (slot === undefined) {
      if (this.wordSlots.size >= WORD_CACHE_LIMIT) {
        this.wordSlots.clear();
        this.wordExact = [];
        this.wordStem = [];
        this.wordGapVerb = [];
        this.wordKind = [];
      }
      const vocabulary = this.trie.vocabulary;
      const normalised = normaliseWord(raw);
      const verb = verbOf(normalised, this.verbs);
      slot = this.wordExact.length;
      this.wordExact.push(vocabulary.get(EXACT + normalised) ?? -1);
      this.wordStem.push(vocabulary.get(stemWord(normalised)) ?? -1);
      this.wordGapVerb.push(verb === null ? -1 : (vocabulary.get(GAP_VERB + verb) ?? -1));
      this.wordKind.push(gapWordKind(normalised, this.verbs));
      this.wordSlots.set(raw, slot);
    }
    return slot;
  }
}

function newBuffers(size: number): TokenBuffers {
  return {
    exact: new Int32Array(size),
    word: new Int32Array(size),
    gapVerb: new Int32Array(size),
    kind: new Uint8Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    breakBefore: new Uint8Array(size),
  };
}

function grow(old: TokenBuffers): TokenBuffers {
  const next = newBuffers(old.word.length * 2);
  next.exact.set(old.exact);
  next.word.set(old.word);
  next.gapVerb.set(old.gapVerb);
  next.kind.set(old.kind);
  next.start.set(old.start);
  next.end.set(old.end);
  next.breakBefore.set(old.breakBefore);
  return next;
}
