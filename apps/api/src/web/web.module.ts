import {
  DynamicModule,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  Optional,
  RequestMethod,
} from '@nestjs/common';
import { createWebStaticHandler, webDistDir, webDistExists } from './web-static.middleware';

export const WEB_DIST_DIR = Symbol('WEB_DIST_DIR');

/**
 * Serves the built web app (apps/web/dist) at `/`, with the app's routes falling back to index.html.
 * Does nothing when the app has not been built, so the API runs fine without it. Import `WebModule`
 * for the default folder, or `WebModule.forRoot({ distDir })` for another.
 */
@Module({})
export class WebModule implements NestModule {
  constructor(@Optional() @Inject(WEB_DIST_DIR) private readonly distDir?: string) {}

  static forRoot(opts: { distDir: string }): DynamicModule {
    return { module: WebModule, providers: [{ provide: WEB_DIST_DIR, useValue: opts.distDir }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    const dir = this.distDir ?? webDistDir();
    if (!webDistExists(dir)) return;
    consumer
      .apply(createWebStaticHandler(dir))
      .forRoutes(
        { path: '{*path}', method: RequestMethod.GET },
        { path: '{*path}', method: RequestMethod.HEAD },
      );
  }
}
