/**
 * Requests-per-second limit for one source: `capacity` requests may go at once, then one every
 * 1/rate seconds. Waiters reserve their slot on arrival (tokens may go negative), so concurrent callers
 * are spaced in arrival order without a queue.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity = 1,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(ratePerSecond > 0))
      throw new RangeError(`rate limit must be more than 0 requests a second, not ${ratePerSecond}`);
    if (!(capacity >= 1)) throw new RangeError(`burst must be at least 1, not ${capacity}`);
    this.tokens = capacity;
    this.updatedAt = now();
  }

  async take(): Promise<void> {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    if (this.tokens < 0) await this.sleep((-this.tokens / this.ratePerSecond) * 1000);
  }
}
