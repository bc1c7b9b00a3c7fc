import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { AuthModule } from '@skillpath/auth';
import { CatalogueModule } from '@skillpath/catalogue';
import { JourneyApiModule } from '@skillpath/journey';
import { PartnersApiModule } from '@skillpath/partners';
import { RequestLoaders } from '@skillpath/common';
import { AppConfig, AppConfigModule } from '@skillpath/config';
import { dataSourceOptions } from '@skillpath/persistence';
import { ListingChangesModule, redisConnectionOptions } from '@skillpath/queues';
import { SourcesApiModule } from '@skillpath/refresh';
import { ObservabilityModule } from './observability/observability.module';
import { WebModule } from './web/web.module';
import { formatGraphQLError } from './graphql/format-error';
import { QueryLimitsPlugin } from './graphql/query-limits.plugin';
import { HealthModule } from './health/health.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

@Module({})
export class AppModule {
  /** `hooks.typeormLogger` lets tests observe every SQL statement (the N+1 guard counts them). */
  static forRoot(config: AppConfig, hooks: { typeormLogger?: TypeOrmLogger } = {}): DynamicModule {
    let logger: PinoLogger | undefined;
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LifecycleModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // A caller's request id is kept (so a trace spans services); otherwise one is made.
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/ready' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.database.url,
            poolSize: config.database.poolSize,
            applicationName: 'skillpath-api',
          }),
          ...(hooks.typeormLogger ? { logging: ['query' as const], logger: hooks.typeormLogger } : {}),
        }),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url),
          prefix: config.redis.prefix,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({
            req,
            res,
            loaders: new RequestLoaders(),
          }),
          formatError: (formatted, error) =>
            formatGraphQLError(formatted, error, (err) =>
              logger?.error({ err }, 'unexpected error in a resolver'),
            ),
        }),
        AuthModule,
        ListingChangesModule,
        CatalogueModule,
        JourneyApiModule,
        PartnersApiModule,
        SourcesApiModule,
        ObservabilityModule,
        HealthModule,
        MaintenanceModule,
        // Last, so its fallback to index.html never shadows an API route.
        WebModule,
      ],
      providers: [
        QueryLimitsPlugin,
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, whitelist: true, forbidUnknownValues: false }),
        },
        {
          provide: 'LOGGER_HOOK',
          inject: [PinoLogger],
          useFactory: (l: PinoLogger) => {
            logger = l;
            return true;
          },
        },
      ],
    };
  }
}
