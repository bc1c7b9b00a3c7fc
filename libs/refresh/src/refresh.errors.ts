/**
 * Another worker advanced this run (its checkpoint moved under us): this runner stops and leaves the
 * run to the one that owns it. Raised inside the page transaction, so nothing of ours is written.
 */
export class RunSupersededError extends Error {
  constructor(readonly runId: string) {
    super(`source run ${runId} was advanced by another worker; this one stops`);
    this.name = 'RunSupersededError';
  }
}

/** The source's own data or configuration failed the run (not our infrastructure): retrying now cannot help. */
export class SourceRunFailedError extends Error {
  constructor(
    readonly runId: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceRunFailedError';
  }
}
