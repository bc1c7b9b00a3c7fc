import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { RefreshMetrics } from './refresh-metrics';

@Controller()
export class ObservabilityController {
  constructor(private readonly metrics: RefreshMetrics) {}

  /** Prometheus scrape endpoint; restrict it at the network edge as usual for /metrics. */
  @Get('metrics')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
