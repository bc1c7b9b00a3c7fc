import { SourceFetchError } from '../connector.errors';
import type { FetchedPage, PageFetcher } from '../connector.types';
import { TokenBucket } from './token-bucket';

export interface HttpPageFetcherOptions {
  /** Per attempt, covering headers and body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for network errors, timeouts, 5xx and 429. Default 4. */
  retries?: number;
  /** First backoff; doubles each retry, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 30 s. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited out: the error says how long the server asked for. Default 120 s. */
  maxRetryAfterMs?: number;
  /** The source's rate limit. Default: none. */
  requestsPerSecond?: number;
  /** Requests allowed back to back before the rate applies. Default 1. */
  burst?: number;
  /** Sent on every request (merged under per-request headers). */
  headers?: Record<string, string>;
  /** In [0, 1); inject for deterministic jitter. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

type AttemptOutcome =
  | { done: true; page: FetchedPage }
  | { done: false; retryable: boolean; error: SourceFetchError; retryAfterMs?: number };

/**
 * Fetches feed pages over HTTP with a per-attempt timeout, retries with exponential backoff and jitter
 * (honouring Retry-After), and a per-source token-bucket rate limit. Use one instance per source.
 * Only 2xx answers are returned; everything else ends in a SourceFetchError.
 */
export class HttpPageFetcher implements PageFetcher {
  private readonly options: Required<Omit<HttpPageFetcherOptions, 'requestsPerSecond' | 'headers'>> & {
    headers: Record<string, string>;
  };
  private readonly bucket?: TokenBucket;

  constructor(options: HttpPageFetcherOptions = {}) {
    this.options = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      retries: options.retries ?? DEFAULTS.retries,
      baseDelayMs: options.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
      burst: options.burst ?? 1,
      headers: options.headers ?? {},
      random: options.random ?? Math.random,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    if (options.requestsPerSecond !== undefined) {
      this.bucket = new TokenBucket(
        options.requestsPerSecond,
        this.options.burst,
        undefined,
        this.options.sleep,
      );
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<FetchedPage> {
    try {
      new URL(url);
    } catch {
      throw new SourceFetchError(`"${url}" is not a URL`, url, 'INVALID_URL', 0, undefined, false);
    }
    const maxAttempts = this.options.retries + 1;
    for (let attempt = 1; ; attempt++) {
      await this.bucket?.take();
      const outcome = await this.attempt(url, { ...this.options.headers, ...headers }, attempt);
      if (outcome.done) return outcome.page;
      if (!outcome.retryable || attempt >= maxAttempts) throw outcome.error;
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > this.options.maxRetryAfterMs) {
        const e = outcome.error;
        throw new SourceFetchError(
          `${e.message}; the server asked to wait ${Math.ceil(outcome.retryAfterMs / 1000)} s, longer than the ${Math.ceil(this.options.maxRetryAfterMs / 1000)} s we wait in a run`,
          url,
          'RETRY_AFTER_TOO_LONG',
          attempt,
          e.status,
          true,
          outcome.retryAfterMs,
        );
      }
      await this.options.sleep(Math.max(this.backoffMs(attempt), outcome.retryAfterMs ?? 0));
    }
  }

  /** base × 2^(attempt-1), capped, then scaled into [½, 1] of itself so that clients do not retry in step. */
  private backoffMs(attempt: number): number {
    const exponential = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return exponential * (0.5 + this.options.random() * 0.5);
  }

  private async attempt(
    url: string,
    headers: Record<string, string>,
    attempt: number,
  ): Promise<AttemptOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      const response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
      const body = await response.text();
      if (response.ok)
        return { done: true, page: { url: response.url || url, status: response.status, body } };
      const status = response.status;
      const retryable = status === 429 || status >= 500;
      const retryAfterMs = retryable ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      const error = new SourceFetchError(
        `${url} answered HTTP ${status} ${response.statusText}${retryable ? '' : ' (not retried: fix the source URL or credentials)'}`.trim(),
        url,
        'HTTP_STATUS',
        attempt,
        status,
        retryable,
        retryAfterMs,
      );
      return { done: false, retryable, error, retryAfterMs };
    } catch (cause) {
      const failure = timedOut ? 'TIMEOUT' : 'NETWORK';
      const detail = timedOut
        ? `no complete answer within ${this.options.timeoutMs} ms`
        : describeNetworkError(cause);
      const error = new SourceFetchError(
        `${url}: ${detail}`,
        url,
        failure,
        attempt,
        undefined,
        true,
        undefined,
        { cause },
      );
      return { done: false, retryable: true, error };
    } finally {
      clearTimeout(timer);
    }
  }
}

function describeNetworkError(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: unknown }).cause;
  return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
