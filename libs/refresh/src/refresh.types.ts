import type { ListingChanges } from '@skillpath/queues';

/** What one page (or a whole run) did to the catalogue. */
export interface RunCounts {
  pages: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  expired: number;
  quarantined: number;
}

export const emptyCounts = (): RunCounts => ({
  pages: 0,
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  expired: 0,
  quarantined: 0,
});

/** The subset of a pino logger the refresh code logs through (PinoLogger and pino both fit). */
export interface RefreshLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export const silentLogger: RefreshLogger = { info: () => undefined, warn: () => undefined };

/** Where a finished run reports what it changed (ListingChangesPublisher in the apps). */
export interface ListingChangesSink {
  publish(changes: ListingChanges): Promise<void>;
}

export type RefreshOutcome =
  | {
      status: 'succeeded';
      runId: string;
      resumed: boolean;
      counts: RunCounts;
      changedIds: number;
      expiredIds: number;
    }
  | { status: 'failed'; runId: string; resumed: boolean; counts: RunCounts; error: string }
  | { status: 'skipped'; reason: string; runId?: string };
