import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppConfig } from '@skillpath/config';
import { AppModule } from './app.module';
import { TrafficGate } from './lifecycle/traffic-gate';

/** Builds the API application (not yet listening); tests use this too. */
export async function createApiApp(
  config: AppConfig,
  hooks: { typeormLogger?: TypeOrmLogger } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, hooks), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // First of all middleware: sheds load over capacity and closes connections while draining.
  app.use(app.get(TrafficGate).middleware);
  // SIGTERM/SIGINT are handled by main.ts (graceful drain); tests close the app themselves.
  return app;
}
