import { scanWords } from './word-scanner';

/** One word of a text, with its normalised form and where it sits in the (HTML-free) text. */
export interface Token {
  norm: string;
  start: number;
  end: number;
  /** Punctuation or a line break separates this word from the one before: no phrase spans it. */
  breakBefore: boolean;
}

// What a word is and what breaks a phrase: see scanWords. "&" is a word of its own, read as "and"
// ("health & safety").
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Case-, accent-, possessive- and plural-insensitive form of one word. The plural rules are
 * deliberately crude: both the taxonomy labels and the texts go through the same function, so
 * it only has to map "skills"/"skill" and "analyses"/"analysis"-style pairs to one form,
 * not to produce real lemmas.
 */
export function normaliseWord(word: string): string {
  if (word === '&') return 'and';
  let w = word.toLowerCase();
  // Only words with a non-ASCII character need accent folding.
  if (/[^ -~]/.test(w)) w = w.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return singular(w);
}

function singular(w: string): string {
  const n = w.length;
  // Only plain words: "node.js", "ms365s" or "c#s" are names, not plurals.
  if (n <= 3 || !/^[a-z']+s$/.test(w)) return w;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Splits a text into normalised word tokens with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end, breakBefore) =>
    tokens.push({ norm: normaliseWord(text.slice(start, end)), start, end, breakBefore }),
  );
  return tokens;
}

/** The normalised words of a label, e.g. "Manage Staff's rotas" → ["manage", "staff", "rota"]. */
export function normalisedWords(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}
