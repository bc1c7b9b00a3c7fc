import { createServer, Server } from 'http';
import { DELAY_SHEDDING_MIN_IN_FLIGHT, TrafficGate } from './traffic-gate';

/** A server whose handler waits for `release` before answering, behind a gate. */
function slowServer(gate: TrafficGate) {
  const waiting: Array<() => void> = [];
  const server: Server = createServer((req, res) =>
    gate.middleware(req, res, () => {
      waiting.push(() => res.end('ok'));
    }),
  );
  return { server, releaseAll: () => waiting.splice(0).forEach((f) => f()), waiting };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as { port: number }).port;
}

describe('TrafficGate', () => {
  it('answers 503 RATE_LIMITED with Retry-After at once when over its in-flight limit, and recovers', async () => {
    const gate = new TrafficGate({ maxInFlight: 2, maxEventLoopDelayMs: 60000, retryAfterSeconds: 1 });
    const { server, releaseAll, waiting } = slowServer(gate);
    const port = await listen(server);
    try {
      const held = [fetch(`http://127.0.0.1:${port}/graphql`), fetch(`http://127.0.0.1:${port}/graphql`)];
      while (waiting.length < 2) await new Promise((r) => setTimeout(r, 10));
      const started = Date.now();
      const shed = await fetch(`http://127.0.0.1:${port}/graphql`);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('1');
      const body = (await shed.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      // Probes are never shed.
      const probeDone = fetch(`http://127.0.0.1:${port}/ready`);
      while (waiting.length < 3) await new Promise((r) => setTimeout(r, 10));
      releaseAll();
      expect((await probeDone).status).toBe(200);
      for (const h of await Promise.all(held)) expect(h.status).toBe(200);
      expect(gate.inFlight).toBe(0);
      expect(gate.shed).toBe(1);
      const after = fetch(`http://127.0.0.1:${port}/graphql`);
      while (waiting.length < 1) await new Promise((r) => setTimeout(r, 10));
      releaseAll();
      expect((await after).status).toBe(200);
    } finally {
      server.close();
      gate.stop();
    }
  });

  it('marks responses Connection: close once draining and reports idle when in-flight requests finish', async () => {
    const gate = new TrafficGate({ maxInFlight: 10, maxEventLoopDelayMs: 60000, retryAfterSeconds: 1 });
    const { server, releaseAll, waiting } = slowServer(gate);
    const port = await listen(server);
    try {
      const inflight = fetch(`http://127.0.0.1:${port}/graphql`);
      while (waiting.length < 1) await new Promise((r) => setTimeout(r, 10));
      gate.startDraining();
      let idle = false;
      const idleP = gate.idle(5000).then((v) => (idle = v));
      await new Promise((r) => setTimeout(r, 50));
      expect(idle).toBe(false);
      releaseAll();
      const res = await inflight;
      expect(res.status).toBe(200);
      expect(res.headers.get('connection')).toBe('close');
      expect(await idleP).toBe(true);
    } finally {
      server.close();
      gate.stop();
    }
  });
});

describe('TrafficGate and a slow event loop', () => {
  const slowLoop = { meanMs: () => 900, stop: () => undefined };

  it('does not shed a lone request because one long task delayed the loop', async () => {
    const gate = new TrafficGate(
      { maxInFlight: 100, maxEventLoopDelayMs: 500, retryAfterSeconds: 1 },
      slowLoop,
    );
    const { server, releaseAll, waiting } = slowServer(gate);
    const port = await listen(server);
    try {
      const res = fetch(`http://127.0.0.1:${port}/graphql`);
      while (waiting.length < 1) await new Promise((r) => setTimeout(r, 10));
      releaseAll();
      expect((await res).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it(`sheds once ${DELAY_SHEDDING_MIN_IN_FLIGHT} requests wait on a slow loop`, async () => {
    const gate = new TrafficGate(
      { maxInFlight: 100, maxEventLoopDelayMs: 500, retryAfterSeconds: 1 },
      slowLoop,
    );
    const { server, releaseAll, waiting } = slowServer(gate);
    const port = await listen(server);
    try {
      const held = Array.from({ length: DELAY_SHEDDING_MIN_IN_FLIGHT }, () =>
        fetch(`http://127.0.0.1:${port}/graphql`),
      );
      while (waiting.length < DELAY_SHEDDING_MIN_IN_FLIGHT) await new Promise((r) => setTimeout(r, 10));
      const shed = await fetch(`http://127.0.0.1:${port}/graphql`);
      expect(shed.status).toBe(503);
      releaseAll();
      for (const h of await Promise.all(held)) expect(h.status).toBe(200);
    } finally {
      server.close();
    }
  });
});
