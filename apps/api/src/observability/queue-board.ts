import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { AdminHttpAuth } from './admin-http-auth';

export const QUEUE_BOARD_PATH = '/admin/queues';

const CHALLENGE = 'Basic realm="Skillpath admin", charset="UTF-8"';

/** Every request to the board, page or asset or API, must come from an ADMIN account. */
export function adminOnly(auth: AdminHttpAuth): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    auth.check(req).then((verdict) => {
      if (verdict.ok) return next();
      res.status(verdict.status).setHeader('cache-control', 'no-store');
      if (verdict.status === 401) res.setHeader('www-authenticate', CHALLENGE);
      if (verdict.retryAfterSeconds) res.setHeader('retry-after', String(verdict.retryAfterSeconds));
      res.type('text/plain').send(verdict.message);
    }, next);
  };
}

/**
 * Browsers send remembered Basic credentials with cross-site requests too, so a change (retry,
 * clean, promote, …) must come from the board's own page. Browsers say where a request comes from
 * in Sec-Fetch-Site (trusted first, so a proxy that rewrites Host does not matter); older ones only
 * in Origin, which must then name this host. Scripts send neither and pass.
 */
export function sameOriginChanges(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const fromElsewhere =
    site !== undefined
      ? site !== 'same-origin' && site !== 'none'
      : origin !== undefined && !isHost(origin, req);
  if (fromElsewhere) {
    res.status(403).type('text/plain').send('Changes to the queues are only accepted from the board itself.');
    return;
  }
  next();
}

function isHost(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The board's page links a web-font stylesheet on a third-party host; an admin's browser must not call
 * out to it (it would learn who opens the board, and when). The policy allows only this origin, so the
 * board falls back to system fonts; its scripts are all files of its own.
 */
export const QUEUE_BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The board's markup carries inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function boardSecurityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('content-security-policy', QUEUE_BOARD_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  next();
}

/** Bull Board over the given queues, mounted at QUEUE_BOARD_PATH behind the admin check. */
export function queueBoardRouter(queues: Queue[], auth: AdminHttpAuth): Router {
  const server = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: server,
    options: { uiConfig: { boardTitle: 'Skillpath queues', hideDocsLink: true } },
  });
  const router = Router();
  router.use(
    QUEUE_BOARD_PATH,
    boardSecurityHeaders,
    adminOnly(auth),
    sameOriginChanges,
    server.getRouter() as RequestHandler,
  );
  return router;
}
