import { SkillRecord, htmlToText, COMMON_WORD_STOPLIST } from '@skillpath/taxonomy';
const PHRASE_BREAK = /[.,;:!?()[\]{}"“”•|·\n\r\t]/;
const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*[+#]*|&/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
export function normaliseWord(word: string): string {
  if (word === '&') return 'and';
  let w = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return singular(w);
}
function singular(w: string): string {
  const n = w.length;
  if (n <= 3 || !/^[a-z']+s$/.test(w)) return w;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}
export function tokenize(text: string) {
  const tokens: { norm: string; start: number; end: number; breakBefore: boolean }[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const breakBefore = tokens.length > 0 && PHRASE_BREAK.test(text.slice(previousEnd, start));
    previousEnd = start + m[0].length;
    tokens.push({ norm: normaliseWord(m[0]), start, end: previousEnd, breakBefore });
  }
  return tokens;
}
function oldHtmlToText(text: string): string { return htmlToText(text); }
interface TrieNode { next?: Map<string, TrieNode>; preferred?: number[]; alternative?: number[]; skills?: number[]; }
export class OldSkillExtractor {
  private readonly root: TrieNode = {};
  private readonly skills: SkillRecord[];
  constructor(skills: readonly SkillRecord[]) {
    const stoplist = COMMON_WORD_STOPLIST;
    this.skills = [...skills];
    this.skills.forEach((skill, index) => { for (const { words, preferred } of phraseVariants(skill, stoplist)) this.insert(words, index, preferred); });
    resolve(this.root);
  }
  extract(text: string) {
    const plain = oldHtmlToText(text);
    const tokens = tokenize(plain);
    const found: any[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = this.root; let bestEnd = -1; let bestSkills: number[] | undefined;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && tokens[j].breakBefore) break;
        node = node.next?.get(tokens[j].norm);
        if (!node) break;
        if (node.skills && node.skills.length > 0) { bestEnd = j; bestSkills = node.skills; }
      }
      if (bestSkills) { for (const index of bestSkills) { const skill = this.skills[index]; found.push({ id: skill.id, uri: skill.uri ?? null, label: skill.label, start: tokens[i].start, end: tokens[bestEnd].end }); } i = bestEnd + 1; }
      else i++;
    }
    return found;
  }
  private insert(words: string[], index: number, preferred: boolean): void {
    let node = this.root;
    for (const word of words) { node.next ??= new Map(); let child = node.next.get(word); if (!child) { child = {}; node.next.set(word, child); } node = child; }
    const list = preferred ? (node.preferred ??= []) : (node.alternative ??= []);
    if (!list.includes(index)) list.push(index);
  }
}
function resolve(node: TrieNode): void {
  if (node.preferred) node.skills = node.preferred;
  else if (node.alternative) node.skills = node.alternative.length === 1 ? node.alternative : [];
  delete node.preferred; delete node.alternative; node.next?.forEach(resolve);
}
const ARTICLES = new Set(['a', 'an', 'the']);
function phraseVariants(skill: SkillRecord, stoplist: ReadonlySet<string>) {
  const variants: { words: string[]; preferred: boolean }[] = [];
  const add = (label: string, preferred: boolean): void => {
    const words = tokenize(label).map((t) => t.norm);
    if (words.length === 0 || words.join(' ').length < 2) return;
    const content = words.filter((w) => !ARTICLES.has(w));
    if (content.length === 0) return;
    if (content.length === 1) { if (content[0].length < 2 || stoplist.has(content[0])) return; if (!preferred && !/[A-Z0-9+#]/.test(label)) return; }
    variants.push({ words, preferred });
  };
  const addWithQualifierDropped = (label: string, preferred: boolean): void => {
    add(label, preferred);
    const unqualified = label.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (unqualified !== label && unqualified.length > 0) add(unqualified, false);
  };
  addWithQualifierDropped(skill.label, true);
  for (const alt of skill.altLabels) addWithQualifierDropped(alt, false);
  return variants;
}
