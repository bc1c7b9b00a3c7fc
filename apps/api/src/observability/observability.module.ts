import { Module } from '@nestjs/common';
import { AuthModule } from '@skillpath/auth';
import { AdminBearerGuard } from './admin-bearer.guard';
import { allQueuesImport, allQueuesProvider } from './all-queues.provider';
import { ObservabilityController } from './observability.controller';
import { RefreshMetrics } from './refresh-metrics';

/** `/metrics` (Prometheus) and `/admin/queues` (read-only queue dashboard, ADMIN bearer token). */
@Module({
  imports: [AuthModule, allQueuesImport],
  controllers: [ObservabilityController],
  providers: [allQueuesProvider, RefreshMetrics, AdminBearerGuard],
})
export class ObservabilityModule {}
