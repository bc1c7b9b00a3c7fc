import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler.registry';

/** One job registry per worker process, shared by every module that declares processors or handlers. */
@Global()
@Module({ imports: [DiscoveryModule], providers: [JobHandlerRegistry], exports: [JobHandlerRegistry] })
export class JobsModule {}
