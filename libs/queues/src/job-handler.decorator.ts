import { SetMetadata } from '@nestjs/common';
import { JobName } from './queues';

export const JOB_HANDLER = 'skillpath:job-handler';

/** Marks a method as the one handler of a job name; checked at start-up by JobHandlerRegistry. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

/** What a handler reports; a thrown error means "failed, retry if attempts remain". */
export type JobOutcome = { status: 'success' | 'skipped'; [detail: string]: unknown };
