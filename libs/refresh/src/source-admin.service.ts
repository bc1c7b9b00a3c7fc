import type { Job, Queue } from 'bullmq';
import { badInput, checkPageSize, conflict, isUuid, notFound } from '@skillpath/common';
import {
  QuarantinedRecordEntity,
  SourceEntity,
  SourceRunEntity,
  type SourceFormat,
} from '@skillpath/persistence';
import { SourcesRepository } from './sources.repository';
import { enqueueRefresh, type RefreshJobData } from './refresh-queue';
import { sourceFieldProblems, type SourceFields } from './source-input.validation';
import { SourceSchedules } from './source-schedules';

export interface NewSource extends SourceFields {
  name: string;
  format: string;
  url: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * What operators do with sources (GraphQL admin operations and the CLI): validate and save them,
 * keep their job schedulers in step, ask for a refresh, read runs and quarantined records.
 */
export class SourceAdminService {
  private readonly schedules: SourceSchedules;

  constructor(
    private readonly sources: SourcesRepository,
    private readonly queue: Queue,
  ) {
    this.schedules = new SourceSchedules(queue);
  }

  list(): Promise<SourceEntity[]> {
    return this.sources.list();
  }

  async get(id: string): Promise<SourceEntity> {
    const source = isUuid(id) ? await this.sources.byId(id) : null;
    if (!source) throw notFound(`No source with id ${id}.`);
    return source;
  }

  async getByName(name: string): Promise<SourceEntity> {
    const source = await this.sources.byName(name);
    if (!source) throw notFound(`No source named "${name}".`);
    return source;
  }

  async create(input: NewSource): Promise<SourceEntity> {
    const fields = clean(input);
    throwIfInvalid(sourceFieldProblems(fields, ['name', 'format', 'url']));
    if (await this.sources.nameTaken(fields.name))
      throw conflict(`A source named "${fields.name}" already exists.`);
    let saved: SourceEntity;
    try {
      saved = await this.sources.insert({
        name: fields.name,
        format: fields.format as SourceFormat,
        url: fields.url,
        credentialsEnv: fields.credentialsEnv ?? null,
        schedule: fields.schedule ?? null,
        ...(fields.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: fields.rateLimitPerSecond } : {}),
        ...(fields.pageSize !== undefined ? { pageSize: fields.pageSize } : {}),
        ...(fields.enabled !== undefined ? { enabled: fields.enabled } : {}),
      });
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION)
        throw conflict(`A source named "${fields.name}" already exists.`);
      throw e;
    }
    await this.schedules.sync(saved);
    return saved;
  }

  async update(id: string, input: SourceFields): Promise<SourceEntity> {
    const fields = clean(input);
    throwIfInvalid(sourceFieldProblems(fields));
    const source = await this.get(id);
    if (
      fields.name !== undefined &&
      fields.name !== source.name &&
      (await this.sources.nameTaken(fields.name))
    )
      throw conflict(`A source named "${fields.name}" already exists.`);
    const changes: Partial<SourceEntity> = {};
    if (fields.name !== undefined) changes.name = fields.name;
    if (fields.format !== undefined) changes.format = fields.format as SourceFormat;
    if (fields.url !== undefined) changes.url = fields.url;
    if (fields.credentialsEnv !== undefined) changes.credentialsEnv = fields.credentialsEnv;
    if (fields.schedule !== undefined) changes.schedule = fields.schedule;
    if (fields.rateLimitPerSecond !== undefined) changes.rateLimitPerSecond = fields.rateLimitPerSecond;
    if (fields.pageSize !== undefined) changes.pageSize = fields.pageSize;
    if (fields.enabled !== undefined) changes.enabled = fields.enabled;
    try {
      if (Object.keys(changes).length) await this.sources.update(id, changes);
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION)
        throw conflict(`A source named "${fields.name}" already exists.`);
      throw e;
    }
    const updated = await this.get(id);
    await this.schedules.sync(updated);
    return updated;
  }

  /** Enqueues a refresh now; while one of this source is already waiting or running, that job is returned. */
  async requestRefresh(
    id: string,
    requestedBy: string,
  ): Promise<{ source: SourceEntity; job: Job<RefreshJobData> }> {
    const source = await this.get(id);
    if (!source.enabled) throw badInput(`Source "${source.name}" is disabled; enable it before refreshing.`);
    return { source, job: await enqueueRefresh(this.queue, source.id, requestedBy) };
  }

  async runs(sourceId: string, first: number): Promise<SourceRunEntity[]> {
    checkFirst(first);
    await this.get(sourceId);
    return this.sources.runsOf(sourceId, first);
  }

  async quarantined(sourceId: string, first: number): Promise<QuarantinedRecordEntity[]> {
    checkFirst(first);
    await this.get(sourceId);
    return this.sources.quarantinedOf(sourceId, first);
  }

  /** The run a refresh job ran (see runJobKey), once it has started. */
  runOfJob(sourceId: string, jobKey: string): Promise<SourceRunEntity | null> {
    return this.sources.runOfJob(sourceId, jobKey);
  }
}

function checkFirst(first: number): void {
  checkPageSize(first);
}

function throwIfInvalid(problems: string[]): void {
  if (problems.length)
    throw badInput(problems.length === 1 ? `${problems[0]}.` : `${problems.join('; ')}.`, { problems });
}

/** Trims text fields; an empty schedule or credentials name means "none". */
function clean<T extends SourceFields>(input: T): T {
  const out = { ...input };
  if (typeof out.name === 'string') out.name = out.name.trim();
  if (typeof out.url === 'string') out.url = out.url.trim();
  if (typeof out.format === 'string') out.format = out.format.trim();
  if (typeof out.schedule === 'string') out.schedule = out.schedule.trim() || null;
  if (typeof out.credentialsEnv === 'string') out.credentialsEnv = out.credentialsEnv.trim() || null;
  return out;
}
