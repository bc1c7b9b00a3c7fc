import { createServer, request as httpRequest, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { createWebStaticHandler } from '../../api/src/web/web-static.middleware';

export const WEB_DIST = join(__dirname, '..', 'dist');

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

async function apiServesWebApp(apiUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${apiUrl}/roadmap`, { headers: { accept: 'text/html' } });
    return res.ok && (res.headers.get('content-type') ?? '').includes('text/html');
  } catch {
    return false;
  }
}

/**
 * Where the browser should open the app. The API serves the built app itself once WebModule is in
 * AppModule; until then a small server here serves apps/web/dist and forwards /graphql to the API,
 * so the app still talks to its default same-origin endpoint.
 */
export async function webAppUrl(apiUrl: string): Promise<WebServer> {
  if (await apiServesWebApp(apiUrl)) return { url: apiUrl, close: async () => undefined };
  const api = new URL(apiUrl);
  const serveStatic = createWebStaticHandler(WEB_DIST);
  const server: Server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/graphql')) {
      const upstream = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: api.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.statusCode = 502;
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
