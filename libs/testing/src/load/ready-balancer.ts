import { createServer, request, Server } from 'http';

/**
 * A load balancer of the kind that sits before API replicas (nginx, a cloud LB, a Kubernetes Service):
 * it probes each backend's /ready every `probeMs` and sends each request to the next ready backend in
 * turn (out at once on a 503, or after three failed probes in a row). Requests are forwarded on fresh connections; nothing is retried, so a request that a backend
 * fails reaches the client as a failure.
 */
export class ReadyBalancer {
  private server?: Server;
  private timer?: NodeJS.Timeout;
  private readonly ready = new Set<number>();
  private readonly failures = new Map<number, number>();
  private next = 0;
  port = 0;
  /** Requests each backend port received, for tests that check both served. */
  readonly served = new Map<number, number>();

  constructor(
    private readonly backends: number[],
    private readonly probeMs = 100,
  ) {}

  async start(): Promise<number> {
    await this.probe();
    let probing = false;
    this.timer = setInterval(() => {
      if (probing) return;
      probing = true;
      void this.probe().finally(() => (probing = false));
    }, this.probeMs);
    this.server = createServer((req, res) => {
      const ready = this.backends.filter((p) => this.ready.has(p));
      if (!ready.length) {
        res.statusCode = 502;
        res.end('no ready backend');
        return;
      }
      const port = ready[this.next++ % ready.length];
      this.served.set(port, (this.served.get(port) ?? 0) + 1);
      const up = request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, connection: 'close' },
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      up.on('error', (e) => {
        res.statusCode = 502;
        res.end(`backend ${port} failed: ${e.message}`);
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  private async probe(): Promise<void> {
    await Promise.all(
      this.backends.map(async (port) => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2000) });
          // An explicit 503 (draining, or a dependency down) takes the backend out at once.
          if (res.ok) this.ready.add(port);
          else this.ready.delete(port);
          this.failures.set(port, 0);
        } catch {
          // A slow or refused probe counts only after three in a row, as load balancers' thresholds do.
          const n = (this.failures.get(port) ?? 0) + 1;
          this.failures.set(port, n);
          if (n >= 3) this.ready.delete(port);
        }
      }),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
