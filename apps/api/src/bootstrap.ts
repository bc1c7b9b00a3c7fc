import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppConfig } from '@skillpath/config';
import { AppModule } from './app.module';

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
  app.enableShutdownHooks();
  return app;
}
