/**
 * The word scanner behind `tokenize` and the skill extractor, written out by hand instead of a
 * regular expression so that scanning a description allocates nothing but the words themselves.
 *
 * A word: letters/digits, optionally joined by dots or apostrophes (node.js, asp.net, employer's),
 * optionally ending in + or # (C++, C#) — the regular expression
 * `[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*[+#]*|&`. Hyphens and slashes separate words, and "&" is a
 * word of its own. Punctuation or a line break between two words is a phrase break.
 */

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Non-ASCII code points seen so far → letter or number (descriptions reuse few of them). */
const nonAsciiClass = new Map<number, boolean>();

/** Length in UTF-16 units of the letter or digit at `i`, or 0 when there is none. */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  let isWordChar = nonAsciiClass.get(cp);
  if (isWordChar === undefined) {
    isWordChar = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    if (nonAsciiClass.size < 65_536) nonAsciiClass.set(cp, isWordChar);
  }
  return isWordChar ? (cp > 0xffff ? 2 : 1) : 0;
}

/** `.,;:!?()[]{}"“”•|·` and line breaks/tabs: no phrase spans them. */
function isPhraseBreak(c: number): boolean {
  switch (c) {
    case 0x2e: // .
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3a: // :
    case 0x21: // !
    case 0x3f: // ?
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x22: // "
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2022: // •
    case 0x7c: // |
    case 0xb7: // ·
    case 0x0a: // \n
    case 0x0d: // \r
    case 0x09: // \t
      return true;
    default:
      return false;
  }
}

/** End of the run of letters/digits starting at `i` (i itself when there is none). */
function runEnd(text: string, i: number): number {
  let end = i;
  for (let n = wordCharLength(text, end); n > 0; n = wordCharLength(text, end)) end += n;
  return end;
}

/**
 * Calls `visit(start, end, breakBefore)` for every word of `text`, in order. `breakBefore` is true when
 * punctuation or a line break lies between this word and the previous one (false for the first word).
 */
export function scanWords(
  text: string,
  visit: (start: number, end: number, breakBefore: boolean) => void,
): void {
  const length = text.length;
  let previousEnd = -1;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    let end: number;
    if (c === 0x26) {
      end = i + 1; // "&"
    } else {
      end = runEnd(text, i);
      if (end === i) {
        i++;
        continue;
      }
      // (?:[.'’][\p{L}\p{N}]+)*
      for (;;) {
        const sep = text.charCodeAt(end);
        if (sep !== 0x2e && sep !== 0x27 && sep !== 0x2019) break;
        const after = runEnd(text, end + 1);
        if (after === end + 1) break;
        end = after;
      }
      // [+#]*
      for (let s = text.charCodeAt(end); s === 0x2b || s === 0x23; s = text.charCodeAt(end)) end++;
    }
    let breakBefore = false;
    if (previousEnd >= 0) {
      for (let k = previousEnd; k < i; k++) {
        if (isPhraseBreak(text.charCodeAt(k))) {
          breakBefore = true;
          break;
        }
      }
    }
    visit(i, end, breakBefore);
    previousEnd = end;
    i = end;
  }
}
