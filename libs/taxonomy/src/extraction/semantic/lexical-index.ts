import { normalisedWords } from '../../text/skill-tokens';
import { stemWord } from '../../text/word-stem';

/** Words too common to say anything about a skill (they also make postings lists huge). */
const FUNCTION_WORDS = new Set(
  'a an and or the of to in on for with by at from as is are be be will you your we our us it its this that these those their they who which what when where how all any can must should may use using work working'.split(
    ' ',
  ),
);

/** Stemmed content words of a text, in order (function words dropped). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of normalisedWords(text)) if (!FUNCTION_WORDS.has(w)) out.push(stemWord(w));
  return out;
}

export interface LexicalScores {
  /** BM25 of the sentence against each scored skill's label document (preferred + alternative labels). */
  bm25: Map<number, number>;
  /** Per scored skill, the largest share of one label's words found in the sentence (0..1). */
  coverage: Map<number, number>;
}

/**
 * Lexical overlap between a sentence and skill labels: Okapi BM25 over each skill's labels as one
 * document, and label coverage (the best fraction of a single label's content words present).
 * Both only touch the postings of the sentence's own words.
 */
export class LexicalIndex {
  private readonly postings = new Map<string, { skill: number; tf: number }[]>();
  private readonly labelPostings = new Map<string, number[]>();
  private readonly labelSkill: number[] = [];
  private readonly labelLength: number[] = [];
  private readonly docLength: Float32Array;
  private readonly averageLength: number;
  private readonly idf = new Map<string, number>();

  constructor(
    labelsBySkill: readonly (readonly string[])[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.docLength = new Float32Array(labelsBySkill.length);
    let total = 0;
    labelsBySkill.forEach((labels, skill) => {
      const tf = new Map<string, number>();
      for (const label of labels) {
        const terms = [...new Set(contentTerms(label))];
        if (terms.length === 0) continue;
        const id = this.labelSkill.length;
        this.labelSkill.push(skill);
        this.labelLength.push(terms.length);
        for (const t of terms) {
          tf.set(t, (tf.get(t) ?? 0) + 1);
          let list = this.labelPostings.get(t);
          if (!list) this.labelPostings.set(t, (list = []));
          list.push(id);
        }
      }
      let length = 0;
      for (const [term, count] of tf) {
        length += count;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ skill, tf: count });
      }
      this.docLength[skill] = length;
      total += length;
    });
    this.averageLength = total / Math.max(1, labelsBySkill.length);
    const n = labelsBySkill.length;
    for (const [term, list] of this.postings)
      this.idf.set(term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
  }

  score(sentence: string): LexicalScores {
    const terms = [...new Set(contentTerms(sentence))];
    const bm25 = new Map<number, number>();
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf.get(term) ?? 0;
      for (const { skill, tf } of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.docLength[skill]) / this.averageLength);
        bm25.set(skill, (bm25.get(skill) ?? 0) + (idf * tf * (this.k1 + 1)) / norm);
      }
    }
    const hits = new Map<number, number>();
    for (const term of terms)
      for (const label of this.labelPostings.get(term) ?? []) hits.set(label, (hits.get(label) ?? 0) + 1);
    const coverage = new Map<number, number>();
    for (const [label, count] of hits) {
      const skill = this.labelSkill[label];
      const share = count / this.labelLength[label];
      if (share > (coverage.get(skill) ?? 0)) coverage.set(skill, share);
    }
    return { bm25, coverage };
  }
}
