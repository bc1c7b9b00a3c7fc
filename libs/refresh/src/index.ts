export * from './refresh.types';
export * from './refresh.errors';
export {
  writePage,
  writePreparedPage,
  storedHashOf,
  type PageWriteResult,
  type ParsedRecord,
  type KnownRecord,
  type PreparedRecords,
} from './opportunity-page.writer';
export { PageReader, type ReadPage } from './page-reader';
export { SourceRunRepository, countsOf, type ClaimResult, type ClaimedRun } from './source-run.repository';
export {
  SourcesRepository,
  type RunsByStatusRow,
  type RunDurationsRow,
  type RunRecordsRow,
} from './sources.repository';
export { SkillMatcherCache } from './skill-matcher.cache';
export { credentialsFor, processEnvSecrets, type SecretLookup } from './source-credentials';
export { SourceRefreshRunner, type SourceRefreshOptions, type RunRequest } from './source-refresh.runner';
export {
  enqueueRefresh,
  refreshDeduplicationId,
  refreshSchedulerId,
  runJobKey,
  REFRESH_JOB_OPTIONS,
  type RefreshJobData,
} from './refresh-queue';
export { SourceSchedules, SCHEDULE_TIME_ZONE, type ScheduledSource } from './source-schedules';
export { sourceFieldProblems, cronProblem, type SourceFields } from './source-input.validation';
export { SourceAdminService, type NewSource } from './source-admin.service';
export { RefreshWorkerModule, type RefreshWorkerOptions } from './worker/refresh-worker.module';
export { SourceRefreshHandlers, SOURCE_REFRESH_RUNNER } from './worker/source-refresh.handlers';
export { SourceRefreshQueueProcessor } from './worker/source-refresh.processor';
export { SourcesApiModule } from './api/sources-api.module';
export {
  SourceModel,
  SourceRunModel,
  QuarantinedRecordModel,
  RefreshRequestModel,
} from './api/sources.model';
export { CreateSourceInput, UpdateSourceInput } from './api/source.input';
