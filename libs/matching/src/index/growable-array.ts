type TypedArray = Int32Array | Float32Array | Float64Array | Uint8Array;
type TypedCtor<T extends TypedArray> = { new (n: number): T };

/** Append-only typed array that doubles its capacity. */
export class Growable<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }

  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new this.ctor(Math.max(n, this.data.length * 2));
    (next as unknown as { set(a: T): void }).set(this.data);
    this.data = next;
  }
}
