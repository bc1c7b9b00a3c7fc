import { join } from 'path';
import { startAppStack, type TestStack, type TestStackOptions } from '@skillpath/testing';
import { createApiApp } from '../bootstrap';

export type { TestStack, TestStackOptions };

/** The worker entry whole-stack tests run as a process (a path, not an import: apps never import apps). */
export const WORKER_TEST_ENTRY = join(__dirname, '../../../worker/src/testing/worker.entry.ts');

/** This API in-process (tests reach its providers) and, with `worker: true`, a worker process beside it. */
export function startTestStack(opts: TestStackOptions = {}): Promise<TestStack> {
  return startAppStack({ createApi: createApiApp, workerEntry: WORKER_TEST_ENTRY }, opts);
}
