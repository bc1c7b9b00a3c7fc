import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { TrafficGate } from '../lifecycle/traffic-gate';
import { RedisHealthIndicator } from './redis.health';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly gate: TrafficGate,
  ) {}

  /** Liveness: the process is up and serving HTTP. */
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: PostgreSQL and Redis answer; 503 otherwise, so a load balancer stops sending traffic. */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.gate.draining)
      throw new ServiceUnavailableException({ status: 'shutting_down', info: {}, error: {}, details: {} });
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 1500 }),
      () => this.redis.isHealthy('redis'),
    ]);
  }
}
