import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request. */
export type ScriptedReply =
  | { status?: number; headers?: Record<string, string>; body?: string | Buffer; delayMs?: number }
  /** Never answer (until the server closes): a timeout. */
  | { hang: true }
  /** Drop the connection without an answer: a network error. */
  | { reset: true };

export interface RecordedRequest {
  /** 1-based arrival order. */
  n: number;
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** performance.now() at arrival. */
  at: number;
}

export interface ScriptedHttpServer {
  /** `http://127.0.0.1:{port}` */
  readonly origin: string;
  readonly port: number;
  /** Every request so far (the latest `maxRecorded`). */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 and an ephemeral port that answers each request as `respond` says:
 * the base of the feed servers used in connector and refresh-job tests.
 */
export async function startScriptedHttpServer(
  respond: (request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>,
  options: { maxRecorded?: number } = {},
): Promise<ScriptedHttpServer> {
  const maxRecorded = options.maxRecorded ?? 100_000;
  const requests: RecordedRequest[] = [];
  let count = 0;
  const server: Server = createServer((req, res) => {
    const recorded: RecordedRequest = {
      n: ++count,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      at: performance.now(),
    };
    requests.push(recorded);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
    req.resume();
    void (async () => {
      let reply: ScriptedReply;
      try {
        reply = await respond(recorded);
      } catch (error) {
        reply = { status: 500, body: `feed server handler failed: ${String(error)}` };
      }
      if ('hang' in reply) return;
      if ('reset' in reply) {
        req.socket.destroy();
        return;
      }
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.destroyed) return;
      const body = reply.body ?? '';
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        ...reply.headers,
      });
      res.end(body);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
