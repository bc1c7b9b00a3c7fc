import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '@skillpath/config';
import { RefreshMetrics } from './refresh-metrics';

/**
 * `/metrics` on its own port (METRICS_PORT, on METRICS_HOST, default 127.0.0.1), away from the public
 * one: queue depths and failure counts are for the operators' Prometheus, not for anyone on the
 * internet. On in production (default port 9464); 0 turns it off.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: RefreshMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port === undefined || port === 0) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.statusCode = 404;
        res.end('not found\n');
        return;
      }
      this.metrics.scrape().then(
        (body) => {
          res.setHeader('content-type', Registry.PROMETHEUS_CONTENT_TYPE);
          res.end(body);
        },
        () => {
          res.statusCode = 500;
          res.end('scrape failed\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
  }

  /** Where it listens (tests). */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
