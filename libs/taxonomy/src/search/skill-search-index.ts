import { SkillRecord } from '../skill-record';
import { boundedDamerauLevenshtein } from './damerau-levenshtein';

export interface SkillSearchHit {
  id: string;
  label: string;
  /** The label or alternative label that matched best. */
  matched: string;
  kind: 'exact' | 'prefix' | 'word-prefix' | 'fuzzy';
  /** Sum of edit distances of the query words (0 unless fuzzy). */
  distance: number;
  popularity: number;
}

interface RankedHit extends SkillSearchHit {
  /** Words of the shortest name beyond the query's, so a corrected whole label beats a longer one. */
  extraWords: number;
  sortLabel: string;
}

const KIND_ORDER = { exact: 0, prefix: 1, 'word-prefix': 2, fuzzy: 3 } as const;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, accents dropped, punctuation (except + # .) turned into single spaces. */
export function normaliseSearchText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[^\p{L}\p{N}+#.]+/gu, ' ')
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * Edits a query word may be away from a label word: none for 1–2 letters, 1 up to 7, then 2. Two
 * edits in a 6- or 7-letter word is a different word more often than a typo ("caring" → "coding",
 * "driving" → "writing"): suggesting nothing beats suggesting the wrong skill.
 */
function allowedEdits(length: number): number {
  if (length <= 2) return 0;
  return length <= 7 ? 1 : 2;
}

function trigrams(word: string): string[] {
  const padded = `$${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

interface IndexedSkill {
  id: string;
  label: string;
  popularity: number;
  /** Original names (label first), and their normalised forms. */
  names: string[];
  normNames: string[];
  nameWords: string[][];
  sortLabel: string;
}

/**
 * In-memory skill search over preferred and alternative labels, prefix and typo tolerant.
 *
 * Each query word is matched against the vocabulary of label words: exactly, as a prefix (every
 * word, so "mach lear" finds "machine learning"), or — from trigram candidates — within a bounded
 * Damerau-Levenshtein distance. A skill is a candidate when every query word matches one of its
 * words. Candidates rank exact label > label prefix > word prefixes > fuzzy (fewer edits first),
 * then by popularity, then alphabetically.
 */
export class SkillSearchIndex {
  private readonly skills: IndexedSkill[] = [];
  /** Sorted distinct words, for prefix ranges by binary search. */
  private readonly words: string[];
  /** For each word (same order as `words`), the skills whose names contain it. */
  private readonly postings: Int32Array[];
  private readonly trigramWords = new Map<string, number[]>();
  private readonly wordIndex = new Map<string, number>();
  /** Every normalised name with its skill, sorted, for one- and two-letter prefix queries. */
  private readonly sortedNames: [string, number][] = [];
  /** Per-skill scratch space reused across queries (the index is not re-entrant, JS is single-threaded). */
  private readonly cost: Float64Array;
  private readonly stamp: Uint32Array;
  private generation = 0;

  constructor(records: readonly SkillRecord[]) {
    const postingSets = new Map<string, Set<number>>();
    records.forEach((record, index) => {
      const names = [record.label, ...record.altLabels.filter((a) => a !== record.label)];
      const normNames = names.map(normaliseSearchText);
      this.skills.push({
        id: record.id,
        label: record.label,
        popularity: record.popularity ?? 0,
        names,
        normNames,
        nameWords: normNames.map((n) => n.split(' ')),
        sortLabel: record.label.toLowerCase(),
      });
      for (const name of normNames) {
        for (const word of name.split(' ')) {
          if (!word) continue;
          let set = postingSets.get(word);
          if (!set) postingSets.set(word, (set = new Set()));
          set.add(index);
        }
      }
    });
    this.skills.forEach((skill, index) => {
      for (const name of new Set(skill.normNames)) this.sortedNames.push([name, index]);
    });
    this.sortedNames.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.words = [...postingSets.keys()].sort();
    this.postings = this.words.map((w) => Int32Array.from(postingSets.get(w) ?? []));
    this.words.forEach((word, wordId) => {
      this.wordIndex.set(word, wordId);
      for (const gram of trigrams(word)) {
        let list = this.trigramWords.get(gram);
        if (!list) this.trigramWords.set(gram, (list = []));
        list.push(wordId);
      }
    });
    this.cost = new Float64Array(this.skills.length);
    this.stamp = new Uint32Array(this.skills.length);
  }

  get size(): number {
    return this.skills.length;
  }

  search(query: string, limit = 10): SkillSearchHit[] {
    const q = normaliseSearchText(query);
    if (!q || limit <= 0) return [];
    if (q.length <= 2) return this.searchShortPrefix(q, limit);
    const queryWords = q.split(' ');
    const matched = queryWords.map((word) => this.matchingWords(word));
    const candidates = this.candidates(matched);
    const wordCosts = matched.map((list) => new Map(list.map(([wordId, d]) => [this.words[wordId], d])));
    const best = new TopHits(limit);
    for (const index of candidates) best.offer(this.rank(index, q, queryWords, wordCosts));
    return best.result();
  }

  /**
   * One or two characters match too many words to rank them all: only labels that start with
   * them, exact first, then by popularity.
   */
  private searchShortPrefix(q: string, limit: number): SkillSearchHit[] {
    // A skill can be reached through several names: keep its best (exact before prefix).
    const bestPerSkill = new Map<number, RankedHit>();
    for (let i = lowerBound(this.sortedNames, q); i < this.sortedNames.length; i++) {
      const [name, index] = this.sortedNames[i];
      if (!name.startsWith(q)) break;
      const skill = this.skills[index];
      const previous = bestPerSkill.get(index);
      if (previous && (previous.kind === 'exact' || name !== q)) continue;
      bestPerSkill.set(index, {
        id: skill.id,
        label: skill.label,
        matched: skill.names[skill.normNames.indexOf(name)],
        kind: name === q ? 'exact' : 'prefix',
        distance: 0,
        popularity: skill.popularity,
        extraWords: 0,
        sortLabel: skill.sortLabel,
      });
    }
    const best = new TopHits(limit);
    for (const hit of bestPerSkill.values()) best.offer(hit);
    return best.result();
  }

  /** Skills in which every query word matches some word; `cost` holds their summed edit distance. */
  private candidates(matched: [number, number][][]): number[] {
    // Generations 1..n tag "matched the first k words"; anything else is stale.
    const base = this.generation + 1;
    this.generation += matched.length + 1;
    if (this.generation > 0xfffffff0) {
      this.stamp.fill(0);
      this.generation = 0;
      return this.candidates(matched);
    }
    let survivors: number[] = [];
    matched.forEach((words, k) => {
      const required = base + k - 1;
      const next: number[] = [];
      const tag = base + k;
      // Exact and prefix words cost nothing; fuzzy words cost their distance. Visit cheap ones first
      // so each skill keeps its cheapest way of matching this word.
      for (const [wordId, distance] of words) {
        for (const skill of this.postings[wordId]) {
          const stamp = this.stamp[skill];
          if (k === 0 ? stamp !== tag : stamp === required) {
            const before = k === 0 ? 0 : this.cost[skill];
            this.cost[skill] = before + distance;
            this.stamp[skill] = tag;
            next.push(skill);
          }
        }
      }
      survivors = next;
    });
    return survivors;
  }

  /** Vocabulary words matching one query word, with edit distance, cheapest first. */
  private matchingWords(word: string): [number, number][] {
    const out: [number, number][] = [];
    const seen = new Set<number>();
    for (let i = lowerBound(this.words, word); i < this.words.length && this.words[i].startsWith(word); i++) {
      out.push([i, 0]);
      seen.add(i);
    }
    const maxEdits = allowedEdits(word.length);
    // A word the taxonomy uses as written is taken as meant: no typo candidates for it.
    if (maxEdits === 0 || this.wordIndex.has(word)) return out;
    const grams = trigrams(word);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const wordId of this.trigramWords.get(gram) ?? [])
        shared.set(wordId, (shared.get(wordId) ?? 0) + 1);
    }
    // One edit changes at most three trigrams (a transposition up to four, but rarely all).
    const minShared = Math.max(1, grams.length - 3 * maxEdits);
    const fuzzy: [number, number][] = [];
    for (const [wordId, count] of shared) {
      if (count < minShared || seen.has(wordId)) continue;
      const candidate = this.words[wordId];
      if (candidate.length < word.length - maxEdits) continue;
      // People rarely mistype the first letter; a different first letter is a different word
      // ("cash" is not a typo of "bash").
      if (candidate[0] !== word[0]) continue;
      // A typo in the middle of a longer word: compare against the same-length prefix too.
      const distance = Math.min(
        boundedDamerauLevenshtein(word, candidate, maxEdits),
        candidate.length > word.length + maxEdits
          ? boundedDamerauLevenshtein(word, candidate.slice(0, word.length), maxEdits) + 0.5
          : maxEdits + 1,
      );
      if (distance <= maxEdits) fuzzy.push([wordId, distance]);
    }
    fuzzy.sort((a, b) => a[1] - b[1]);
    return out.concat(fuzzy);
  }

  private rank(index: number, q: string, queryWords: string[], wordCosts: Map<string, number>[]): RankedHit {
    const skill = this.skills[index];
    let best = -1;
    let bestKind: SkillSearchHit['kind'] = 'fuzzy';
    let extraWords = Infinity;
    let bestCost = Infinity;
    for (let i = 0; i < skill.normNames.length; i++) {
      const name = skill.normNames[i];
      const kind: SkillSearchHit['kind'] =
        name === q
          ? 'exact'
          : name.startsWith(q)
            ? 'prefix'
            : wordsPrefix(skill.nameWords[i], queryWords)
              ? 'word-prefix'
              : 'fuzzy';
      const extra = skill.nameWords[i].length - queryWords.length;
      const cost = kind === 'fuzzy' ? coverCost(skill.nameWords[i], wordCosts) : 0;
      const better =
        best < 0 ||
        KIND_ORDER[kind] < KIND_ORDER[bestKind] ||
        (kind === bestKind && (cost < bestCost || (cost === bestCost && extra < extraWords)));
      if (better) {
        best = i;
        bestKind = kind;
        extraWords = extra;
        bestCost = cost;
      }
    }
    return {
      id: skill.id,
      label: skill.label,
      matched: skill.names[best],
      kind: bestKind,
      // A skill matched only across several of its names keeps the summed cost from candidate search.
      distance: bestKind === 'fuzzy' ? (Number.isFinite(bestCost) ? bestCost : this.cost[index]) : 0,
      popularity: skill.popularity,
      extraWords: bestKind === 'fuzzy' ? Math.max(0, extraWords) : 0,
      sortLabel: skill.sortLabel,
    };
  }
}

/** The `limit` best hits seen so far, kept sorted (limit is small, so insertion beats sorting all). */
class TopHits {
  private readonly hits: RankedHit[] = [];
  constructor(private readonly limit: number) {}

  offer(hit: RankedHit): void {
    const hits = this.hits;
    if (hits.length === this.limit && compareHits(hit, hits[hits.length - 1]) >= 0) return;
    let i = hits.length;
    while (i > 0 && compareHits(hit, hits[i - 1]) < 0) i--;
    hits.splice(i, 0, hit);
    if (hits.length > this.limit) hits.pop();
  }

  result(): SkillSearchHit[] {
    return this.hits.map(({ extraWords: _extra, sortLabel: _sort, ...hit }) => hit);
  }
}

function compareHits(a: RankedHit, b: RankedHit): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.distance - b.distance ||
    a.extraWords - b.extraWords ||
    b.popularity - a.popularity ||
    (a.sortLabel < b.sortLabel ? -1 : a.sortLabel > b.sortLabel ? 1 : 0)
  );
}

/** Summed distance of the cheapest way each query word matches a word of this one name. */
function coverCost(nameWords: string[], wordCosts: Map<string, number>[]): number {
  let total = 0;
  for (const costs of wordCosts) {
    let best = Infinity;
    for (const w of nameWords) {
      const c = costs.get(w);
      if (c !== undefined && c < best) best = c;
    }
    if (best === Infinity) return Infinity;
    total += best;
  }
  return total;
}

/** Every query word is a prefix of some word of the name. */
function wordsPrefix(nameWords: string[], queryWords: string[]): boolean {
  return queryWords.every((qw) => nameWords.some((w) => w.startsWith(qw)));
}

function lowerBound(sorted: readonly (string | [string, number])[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = sorted[mid];
    if ((typeof item === 'string' ? item : item[0]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
