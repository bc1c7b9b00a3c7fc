/**
 * A light English stemmer for skill extraction, applied to a word already put through
 * `normaliseWord` (lower case, singular). It only has to send the forms an advert uses for one
 * skill to one key — manage/managing/managed/management, analyse/analysis/analyze,
 * automate/automation, develop/development, organise/organisation — not to
 * produce real stems: labels and texts go through the same function, so a stem like "manag" is
 * fine. Kept deliberately small: no -ction (production is not product), no -er/-or (a "manager" is a person, not "management"), -ive,
 * -al or -ity, which would merge words whose meanings differ in skill labels.
 *
 * Words with anything but letters (c++, node.js, 3d) and words of 1–2 letters are returned as they
 * are.
 */
export function stemWord(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // American -ize/-yze spellings to the British ones ESCO uses (organize → organise, analyze → analyse).
  w = w.replace(/(i|y)z(e|es|ed|ing|ation)$/, '$1s$2');

  // Inflection first (implemented → implement), then derivational suffixes (implementation,
  // implement → imple…, management → manage…); a final -e goes last (manage/managing → manag).
  let inflected = true;
  if (w.length >= 5 && w.endsWith('ing') && hasVowel(w, w.length - 3)) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length >= 4 && w.endsWith('ed') && !w.endsWith('eed') && hasVowel(w, w.length - 2))
    w = w.slice(0, -2);
  else inflected = false;
  // Twice at most: implementation → implement → imple.
  let derived = false;
  for (let pass = 0; pass < 2; pass++) {
    const stem = derivationalStem(w);
    if (stem === null) break;
    w = stem;
    derived = true;
  }
  if (!derived && !inflected) w = withoutFinalE(w);
  // -ate verbs: automate/automation/automated all end as "autom".
  if (w.endsWith('at') && w.length - 2 >= 3) w = w.slice(0, -2);
  const last = w.length - 1;
  // planning → plann → plan; not after l or s (selling → sell), nor outside inflection (CADD).
  if (inflected && last >= 2 && w[last] === w[last - 1] && !isVowel(w[last]) && !/[ls]/.test(w[last]))
    w = w.slice(0, -1);
  return w;
}

function derivationalStem(w: string): string | null {
  const n = w.length;
  if (w.endsWith('isation')) return w.slice(0, -5);
  if (w.endsWith('ation') && n - 5 >= 3) return w.slice(0, -5);
  if (w.endsWith('sion') && n - 3 >= 4) return w.slice(0, -3);
  if (w.endsWith('ment') && n - 4 >= 5) return withoutFinalE(w.slice(0, -4));
  if (w.endsWith('ly') && n - 2 >= 5) return withoutFinalE(w.slice(0, -2));
  // analysis → analyse (ESCO has both "analyse data" and "data analysis").
  if (w.endsWith('ysis')) return w.slice(0, -2);
  return null;
}

function withoutFinalE(w: string): string {
  return w.length >= 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

function isVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
}

/** Whether w[0 .. end) has a vowel: "bring" or "string" are not "br" + -ing. */
function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
  return false;
}
