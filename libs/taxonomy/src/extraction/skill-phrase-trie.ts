/**
 * The extractor's phrase trie, frozen into flat typed arrays once built.
 *
 * Words are interned to integer ids (the vocabulary); node 0 is the root. The children of node n are
 * `edgeWord/edgeChild[edgeStart[n] .. edgeStart[n + 1])`, sorted by word id (binary search), and the
 * skills a match ending at node n yields are `skillList[skillStart[n] .. skillStart[n + 1])`. For ESCO
 * (≈14,000 skills, ≈100,000 phrases) this is a few MB instead of hundreds of thousands of Maps,
 * and walking it allocates nothing.
 */
const MAX_VOCABULARY = 2 ** 21;

export class SkillPhraseTrie {
  private constructor(
    /** Normalised word → id. */
    readonly vocabulary: ReadonlyMap<string, number>,
    private readonly edgeStart: Int32Array,
    private readonly edgeWord: Int32Array,
    private readonly edgeChild: Int32Array,
    private readonly skillStart: Int32Array,
    private readonly skillList: Int32Array,
  ) {}

  /** The child of `node` along `word`, or -1. */
  child(node: number, word: number): number {
    let lo = this.edgeStart[node];
    let hi = this.edgeStart[node + 1] - 1;
    const words = this.edgeWord;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = words[mid];
      if (w === word) return this.edgeChild[mid];
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether a match may end at this node (it yields at least one skill). */
  yieldsSkills(node: number): boolean {
    return this.skillStart[node + 1] > this.skillStart[node];
  }

  firstSkill(node: number): number {
    return this.skillStart[node];
  }

  endSkill(node: number): number {
    return this.skillStart[node + 1];
  }

  skillAt(position: number): number {
    return this.skillList[position];
  }

  /**
   * Builds the trie from phrases (words already normalised). A phrase that is some skill's preferred
   * label yields those skills; one that is only alternative labels yields its skill when exactly one
   * skill has it, and nothing when several do (ambiguous).
   */
  static build(
    phrases: Iterable<{ words: readonly string[]; skill: number; preferred: boolean }>,
  ): SkillPhraseTrie {
    const vocabulary = new Map<string, number>();
    const wordIdOf = (word: string): number => {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        if (id >= MAX_VOCABULARY)
          throw new Error(`a taxonomy of more than ${MAX_VOCABULARY} distinct words is not supported`);
        vocabulary.set(word, id);
      }
      return id;
    };
    // Edges while building: parent × MAX_VOCABULARY + word → child (exact below 2^53).
    const edges = new Map<number, number>();
    const edgeParents: number[] = [];
    const edgeWords: number[] = [];
    const edgeChildren: number[] = [];
    const preferred = new Map<number, number[]>();
    const alternative = new Map<number, number[]>();
    let nodes = 1;
    for (const phrase of phrases) {
      let node = 0;
      for (const word of phrase.words) {
        const id = wordIdOf(word);
        const key = node * MAX_VOCABULARY + id;
        let child = edges.get(key);
        if (child === undefined) {
          child = nodes++;
          edges.set(key, child);
          edgeParents.push(node);
          edgeWords.push(id);
          edgeChildren.push(child);
        }
        node = child;
      }
      const lists = phrase.preferred ? preferred : alternative;
      let list = lists.get(node);
      if (!list) lists.set(node, (list = []));
      if (!list.includes(phrase.skill)) list.push(phrase.skill);
    }

    const edgeCount = edgeParents.length;
    const edgeStart = new Int32Array(nodes + 1);
    for (let e = 0; e < edgeCount; e++) edgeStart[edgeParents[e] + 1]++;
    for (let n = 0; n < nodes; n++) edgeStart[n + 1] += edgeStart[n];
    const order = Array.from({ length: edgeCount }, (_, e) => e).sort(
      (a, b) => edgeParents[a] - edgeParents[b] || edgeWords[a] - edgeWords[b],
    );
    const edgeWord = new Int32Array(edgeCount);
    const edgeChild = new Int32Array(edgeCount);
    order.forEach((e, position) => {
      edgeWord[position] = edgeWords[e];
      edgeChild[position] = edgeChildren[e];
    });

    const yieldsOf = (n: number): readonly number[] => {
      const own = preferred.get(n);
      if (own) return own;
      const alternatives = alternative.get(n);
      return alternatives && alternatives.length === 1 ? alternatives : [];
    };
    const skillStart = new Int32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) skillStart[n + 1] = skillStart[n] + yieldsOf(n).length;
    const skillList = new Int32Array(skillStart[nodes]);
    for (let n = 0; n < nodes; n++) skillList.set(yieldsOf(n), skillStart[n]);
    return new SkillPhraseTrie(vocabulary, edgeStart, edgeWord, edgeChild, skillStart, skillList);
  }
}
