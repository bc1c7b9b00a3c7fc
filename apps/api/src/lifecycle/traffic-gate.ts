import { monitorEventLoopDelay, IntervalHistogram } from 'perf_hooks';
import type { IncomingMessage, ServerResponse } from 'http';

/** Paths a load balancer probes; never shed, so an overloaded process is not mistaken for a dead one. */
const PROBES = new Set(['/health', '/ready']);
/** Event-loop delay sheds load only while at least this many requests are being served. */
export const DELAY_SHEDDING_MIN_IN_FLIGHT = 16;

export interface TrafficGateLimits {
  /** Requests being served at once above which new ones get 503 at once. */
  maxInFlight: number;
  /** Mean event-loop delay (ms) over the last window above which new requests get 503. */
  maxEventLoopDelayMs: number;
  /** Seconds a shed client is told to wait (Retry-After). */
  retryAfterSeconds: number;
}

/**
 * The API's front door under pressure. Over capacity it answers at once with 503 + Retry-After and the
 * GraphQL error code RATE_LIMITED, rather than letting requests queue for seconds behind the ones being
 * served. While draining (after SIGTERM) it marks every response `Connection: close`, so keep-alive
 * clients and load balancers move to another replica, and readiness reports 503.
 */
/** Mean event-loop delay over the last short window. */
export interface DelayMonitor {
  meanMs(): number;
  stop(): void;
}

/** Node's event-loop delay histogram, read and reset every half second. */
export function eventLoopDelayMonitor(windowMs = 500): DelayMonitor {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = 0;
  const sampler = setInterval(() => {
    last = histogram.count > 0 ? histogram.mean / 1e6 : 0;
    histogram.reset();
  }, windowMs);
  sampler.unref();
  return {
    meanMs: () => last,
    stop: () => {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}

export class TrafficGate {
  private inFlightCount = 0;
  private drainingSince: number | undefined;
  private shedCount = 0;
  constructor(
    private readonly limits: TrafficGateLimits,
    private readonly delay: DelayMonitor = eventLoopDelayMonitor(),
  ) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  get shed(): number {
    return this.shedCount;
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  startDraining(): void {
    this.drainingSince ??= Date.now();
  }

  /** Resolves once no request is being served (or after timeoutMs). */
  async idle(timeoutMs: number): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (this.inFlightCount > 0) {
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  overloaded(): boolean {
    if (this.inFlightCount >= this.limits.maxInFlight) return true;
    // A slow event loop alone is not overload: one long task (an index rebuild, a big plan) delays it
    // with nobody waiting. It is when many requests are waiting on it too.
    return (
      this.inFlightCount >= DELAY_SHEDDING_MIN_IN_FLIGHT &&
      this.delay.meanMs() > this.limits.maxEventLoopDelayMs
    );
  }

  stop(): void {
    this.delay.stop();
  }

  /** A response written after draining began says `Connection: close`, even if its request came before. */
  private closeWhenDraining(res: ServerResponse): void {
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    const isDraining = () => this.draining;
    res.writeHead = ((...args: unknown[]) => {
      if (isDraining() && !res.headersSent) res.setHeader('Connection', 'close');
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
  }

  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '/').split('?')[0];
    this.closeWhenDraining(res);
    if (PROBES.has(path)) return next();
    if (this.overloaded()) {
      this.shedCount++;
      res.statusCode = 503;
      res.setHeader('Retry-After', String(this.limits.retryAfterSeconds));
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(
        JSON.stringify({
          errors: [
            {
              message: `Skillpath is very busy right now. Please try again in ${this.limits.retryAfterSeconds} second${this.limits.retryAfterSeconds === 1 ? '' : 's'}.`,
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: this.limits.retryAfterSeconds },
            },
          ],
        }),
      );
      return;
    }
    this.inFlightCount++;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      this.inFlightCount--;
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
