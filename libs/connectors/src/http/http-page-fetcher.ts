import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SourceFetchError } from '../connector.errors';
import type { FetchedPage, PageFetcher } from '../connector.types';
import { BlockedAddressError, checkLiteralHost, guardedLookup } from './network-guard';
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
  /**
   * Let feeds reach loopback, private, link-local and metadata addresses (tests, on-premises feeds).
   * Default false: such addresses are refused, checked after DNS resolution on the address actually used.
   */
  allowPrivateNetworks?: boolean;
  /** Largest response body read, after decompression. Default 20 MB. */
  maxResponseBytes?: number;
  /**
   * Exact addresses let through although private (with allowPrivateNetworks false): for tests that need
   * one local server reachable while everything else stays refused.
   */
  privateAddressExceptions?: string[];
}

/** Redirects followed per request. */
const MAX_REDIRECTS = 5;

/**
 * Headers that may follow a redirect to another origin; everything else (subscription keys,
 * Authorization, cookies) is dropped so a feed cannot bounce our credentials to a host of its choosing.
 */
const HEADERS_SAFE_ACROSS_ORIGINS = new Set(['accept', 'accept-language', 'user-agent', 'x-version']);

const DEFAULTS = {
  timeoutMs: 30_000,
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  maxResponseBytes: 20 * 1024 * 1024,
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
  /** Keep-alive connections, each opened to an address the guarded lookup checked. */
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

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
      allowPrivateNetworks: options.allowPrivateNetworks ?? false,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
      privateAddressExceptions: options.privateAddressExceptions ?? [],
    };
    const lookup = guardedLookup(this.options.allowPrivateNetworks, this.options.privateAddressExceptions);
    this.agents = {
      http: new HttpAgent({ keepAlive: true, lookup }),
      https: new HttpsAgent({ keepAlive: true, lookup }),
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
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SourceFetchError(`"${url}" is not a URL`, url, 'INVALID_URL', 0, undefined, false);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new SourceFetchError(`"${url}" is not an http(s) URL`, url, 'INVALID_URL', 0, undefined, false);
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

  /** GET with redirects followed by hand: each hop is checked, and credentials never leave the origin. */
  private async follow(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{
    url: string;
    status: number;
    statusText: string;
    headers: IncomingMessage['headers'];
    body: string;
  }> {
    const origin = new URL(url).origin;
    let current = new URL(url);
    let sending = headers;
    for (let hop = 0; ; hop++) {
      const res = await this.requestOnce(current, sending, signal);
      const location = header(res.headers.location);
      if (res.status < 300 || res.status >= 400 || res.status === 304 || !location)
        return { ...res, url: current.href };
      if (hop >= MAX_REDIRECTS)
        throw new SourceFetchError(
          `${url}: more than ${MAX_REDIRECTS} redirects`,
          url,
          'TOO_MANY_REDIRECTS',
          1,
          res.status,
          false,
        );
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new SourceFetchError(
          `${current.href} redirected to "${location}", which is not a URL`,
          url,
          'INVALID_URL',
          1,
          res.status,
          false,
        );
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new SourceFetchError(
          `${current.href} redirected to a ${next.protocol} URL`,
          url,
          'INVALID_URL',
          1,
          res.status,
          false,
        );
      if (next.origin !== origin)
        sending = Object.fromEntries(
          Object.entries(sending).filter(([k]) => HEADERS_SAFE_ACROSS_ORIGINS.has(k.toLowerCase())),
        );
      current = next;
    }
  }

  /** One HTTP exchange, to the address the guarded lookup checked, with the body capped. */
  private requestOnce(
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ status: number; statusText: string; headers: IncomingMessage['headers']; body: string }> {
    checkLiteralHost(url, this.options.allowPrivateNetworks, this.options.privateAddressExceptions);
    const max = this.options.maxResponseBytes;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'GET',
          headers: { 'accept-encoding': 'gzip, deflate, br', ...headers },
          signal,
          agent: url.protocol === 'https:' ? this.agents.https : this.agents.http,
        },
        (res) => {
          const declared = Number(res.headers['content-length']);
          const tooLarge = () =>
            new SourceFetchError(
              `${url.href}: the response is larger than ${max} bytes (SOURCE_MAX_RESPONSE_BYTES); the run stops rather than read it`,
              url.href,
              'TOO_LARGE',
              1,
              res.statusCode,
              false,
            );
          if (Number.isFinite(declared) && declared > max && !res.headers['content-encoding']) {
            res.destroy();
            return reject(tooLarge());
          }
          let stream: Readable = res;
          const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
          if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
          else if (encoding === 'deflate') stream = res.pipe(createInflate());
          else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > max) {
              res.destroy();
              stream.destroy();
              reject(tooLarge());
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', reject);
          res.on('error', reject);
          stream.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? '',
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
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
      const response = await this.follow(url, headers, controller.signal);
      const body = response.body;
      if (response.status >= 200 && response.status < 300)
        return { done: true, page: { url: response.url, status: response.status, body } };
      const status = response.status;
      const retryable = status === 429 || status >= 500;
      const retryAfterMs = retryable ? parseRetryAfter(header(response.headers['retry-after'])) : undefined;
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
      if (cause instanceof SourceFetchError) return { done: false, retryable: false, error: cause };
      const blocked = blockedIn(cause);
      if (blocked)
        return {
          done: false,
          retryable: false,
          error: new SourceFetchError(
            `${url}: ${blocked.message}`,
            url,
            'BLOCKED_ADDRESS',
            attempt,
            undefined,
            false,
          ),
        };
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

function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function blockedIn(cause: unknown): BlockedAddressError | undefined {
  for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
    if (e instanceof BlockedAddressError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
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
