import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@skillpath/config';
import { WorkerModule } from './worker.module';

/**
 * The worker is an application context, not an HTTP server. On SIGTERM/SIGINT Nest closes the
 * BullMQ workers, which wait for the active job to finish; a job cut off by a hard kill is
 * returned to the queue by BullMQ's stalled-job check and runs again (handlers are idempotent).
 */
export async function createWorkerApp(
  config: AppConfig,
  opts: { schedules?: boolean } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, opts), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
