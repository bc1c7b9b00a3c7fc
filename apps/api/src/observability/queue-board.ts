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

/** Bull Board over the given queues, mounted at QUEUE_BOARD_PATH behind the admin check. */
export function queueBoardRouter(queues: Queue[], auth: AdminHttpAuth): Router {
  const server = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: server,
    options: { uiConfig: { boardTitle: 'Skillpath queues', hideDocsLink: true } },
  });
  const router = Router();
  router.use(QUEUE_BOARD_PATH, adminOnly(auth), sameOriginChanges, server.getRouter() as RequestHandler);
  return router;
}
