import { Controller, Get, Header, Inject, NotFoundException } from '@nestjs/common';
import { Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '@skillpath/config';
import { RefreshMetrics } from './refresh-metrics';

@Controller()
export class ObservabilityController {
  constructor(
    private readonly metrics: RefreshMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Prometheus scrape endpoint on the public port in development and tests only. When METRICS_PORT is
   * set (always in production) it is served there instead (MetricsServer) and this route answers 404.
   */
  @Get('metrics')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    if (this.config.metrics.port !== undefined) throw new NotFoundException('Not found');
    return this.metrics.scrape();
  }
}
