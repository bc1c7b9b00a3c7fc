import { createHash } from 'crypto';
import { LRUCache } from 'lru-cache';

/**
 * The last answer computed for each learner, kept with a fingerprint of everything it was computed
 * from (the learner as the engine sees them, the index generation, the day, ...). An answer is served
 * only while its fingerprint still matches, so there is nothing to invalidate: a change to any input
 * makes a new fingerprint and the next read computes afresh. Bounded by learner count (least recently
 * used first out), per process.
 */
export class LearnerAnswerCache<T extends object> {
  private readonly answers: LRUCache<string, { fingerprint: string; value: T }>;

  constructor(maxLearners: number) {
    this.answers = new LRUCache({ max: maxLearners });
  }

  /** The fingerprint of an answer's inputs (any JSON-able values, in a fixed order). */
  static fingerprint(...inputs: unknown[]): string {
    return createHash('sha1').update(JSON.stringify(inputs)).digest('base64');
  }

  async getOrCompute(learnerId: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.answers.get(learnerId);
    if (hit && hit.fingerprint === fingerprint) return hit.value;
    const value = await compute();
    this.answers.set(learnerId, { fingerprint, value });
    return value;
  }
}

/** A stable serial number for an object (an index snapshot, a score table) for use in fingerprints. */
export class ObjectSerials {
  private readonly serials = new WeakMap<object, number>();
  private next = 1;

  of(o: object): number {
    let n = this.serials.get(o);
    if (n === undefined) this.serials.set(o, (n = this.next++));
    return n;
  }
}
