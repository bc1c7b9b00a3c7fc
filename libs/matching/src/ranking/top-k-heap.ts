/** Fixed-size min-heap of (score, slot): keeps the k best; ties prefer the smaller tie key. */
export class TopK {
  readonly scores: Float64Array;
  readonly slots: Int32Array;
  size = 0;

  constructor(
    readonly k: number,
    private readonly tieKey: (slot: number) => string,
  ) {
    this.scores = new Float64Array(k);
    this.slots = new Int32Array(k);
  }

  /** Score a newcomer must beat to get in. */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0];
  }

  private worse(i: number, j: number): boolean {
    const a = this.scores[i];
    const b = this.scores[j];
    if (a !== b) return a < b;
    return this.tieKey(this.slots[i]) > this.tieKey(this.slots[j]);
  }

  offer(score: number, slot: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.scores[this.size] = score;
      this.slots[this.size] = slot;
      this.up(this.size++);
      return;
    }
    if (score < this.scores[0]) return;
    if (score === this.scores[0] && this.tieKey(slot) >= this.tieKey(this.slots[0])) return;
    this.scores[0] = score;
    this.slots[0] = slot;
    this.down(0);
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i];
    this.scores[i] = this.scores[j];
    this.scores[j] = s;
    const t = this.slots[i];
    this.slots[i] = this.slots[j];
    this.slots[j] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.worse(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  /** Best first. */
  sorted(): { score: number; slot: number }[] {
    const out = [];
    for (let i = 0; i < this.size; i++) out.push({ score: this.scores[i], slot: this.slots[i] });
    return out.sort((a, b) => b.score - a.score || (this.tieKey(a.slot) < this.tieKey(b.slot) ? -1 : 1));
  }
}
