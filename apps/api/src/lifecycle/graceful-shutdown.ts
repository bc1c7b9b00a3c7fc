import type { INestApplication } from '@nestjs/common';
import type { Server } from 'http';
import { TrafficGate } from './traffic-gate';

export interface ShutdownTiming {
  /** Keep serving (readiness 503, `Connection: close`) so load balancers stop routing here first. */
  drainMs: number;
  /** Then stop accepting and give in-flight requests this long before closing anyway. */
  timeoutMs: number;
}

/**
 * Stops an API process without failing a request: drain (not ready, connections closed after each
 * response), stop accepting, wait for in-flight requests, and only then close the application (which
 * closes PostgreSQL and Redis — Nest's own close would do that before the HTTP server).
 */
export async function shutDownGracefully(
  app: INestApplication,
  timing: ShutdownTiming,
  log: (msg: string) => void = () => undefined,
): Promise<void> {
  const gate = app.get(TrafficGate);
  const server = app.getHttpServer() as Server;
  gate.startDraining();
  log(`draining for ${timing.drainMs} ms (readiness now reports 503)`);
  if (timing.drainMs > 0) await new Promise((r) => setTimeout(r, timing.drainMs));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would hold the server open; busy ones close after their response.
  server.closeIdleConnections();
  const idleTimer = setInterval(() => server.closeIdleConnections(), 100);
  const finished = await gate.idle(timing.timeoutMs);
  clearInterval(idleTimer);
  if (!finished) {
    log(`${gate.inFlight} request(s) still running after ${timing.timeoutMs} ms; closing anyway`);
    server.closeAllConnections();
  }
  await closed;
  await app.close();
  log('stopped');
}
