import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { TrafficGate } from './traffic-gate';

/** One TrafficGate per API process, shared by the HTTP front door and the readiness probe. */
@Global()
@Module({
  providers: [
    {
      provide: TrafficGate,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new TrafficGate({
          maxInFlight: config.capacity.maxInFlight,
          maxEventLoopDelayMs: config.capacity.maxEventLoopDelayMs,
          retryAfterSeconds: 1,
        }),
    },
  ],
  exports: [TrafficGate],
})
export class LifecycleModule implements OnApplicationShutdown {
  constructor(@Inject(TrafficGate) private readonly gate: TrafficGate) {}

  onApplicationShutdown(): void {
    this.gate.stop();
  }
}
