import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job } from 'bullmq';
import { JOB_QUEUE, JobName, QueueName } from './queues';
import { JOB_HANDLER, JobOutcome } from './job-handler.decorator';

type Handler = (job: Job) => Promise<JobOutcome>;

/**
 * Finds every @HandlesJob method and refuses to start unless every job of every queue this process
 * consumes (has a processor for) has exactly one handler. A process that consumes no queue of a job
 * (a specialised worker) is not asked to handle it.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Queues with a processor in this process; registered by each RegistryProcessor. */
  private readonly consumed = new Set<QueueName>();

  consume(queue: QueueName): void {
    this.consumed.add(queue);
  }

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn as () => unknown);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${proto.constructor.name}.${method}`]);
        this.handlers.set(name, (fn as Handler).bind(instance));
      }
    }
    const problems: string[] = [];
    for (const name of Object.values(JobName)) {
      if (!this.consumed.has(JOB_QUEUE[name]) && !found.has(name)) continue;
      const where = found.get(name) ?? [];
      if (where.length === 0) problems.push(`job "${name}" has no handler`);
      if (where.length > 1) problems.push(`job "${name}" has ${where.length} handlers: ${where.join(', ')}`);
    }
    if (problems.length) throw new Error(`Job handlers are not wired correctly: ${problems.join('; ')}`);
  }

  handle(job: Job): Promise<JobOutcome> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    return handler(job);
  }
}
