import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '@skillpath/queues';

export const ALL_QUEUES = Symbol('ALL_QUEUES');
const QUEUE_NAMES = Object.values(QueueName);

/** Every queue of the system, for counting jobs (the API only reads them). */
export const allQueuesImport = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));

export const allQueuesProvider: Provider = {
  provide: ALL_QUEUES,
  inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => queues,
};

export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'paused',
  'completed',
  'failed',
] as const;
