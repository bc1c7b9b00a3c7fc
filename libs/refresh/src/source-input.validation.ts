import { parseExpression } from 'cron-parser';
import { SOURCE_FORMATS } from '@skillpath/connectors';
import { credentialsEnvProblem } from './source-credentials';

/** What an operator may set on a source (all optional for an update). */
export interface SourceFields {
  name?: string;
  format?: string;
  url?: string;
  credentialsEnv?: string | null;
  schedule?: string | null;
  rateLimitPerSecond?: number;
  pageSize?: number;
  enabled?: boolean;
}

/**
 * Every problem with a source's fields, each a sentence an operator can act on; empty when valid.
 * `required` lists the fields a create must have.
 */
export function sourceFieldProblems(fields: SourceFields, required: (keyof SourceFields)[] = []): string[] {
  const problems: string[] = [];
  for (const key of required)
    if (fields[key] === undefined || fields[key] === null) problems.push(`${key} is required`);
  if (fields.name !== undefined && !/^\S(.{0,98}\S)?$/.test(fields.name))
    problems.push('name must be 1 to 100 characters, not starting or ending with a space');
  if (fields.format !== undefined && !(SOURCE_FORMATS as readonly string[]).includes(fields.format))
    problems.push(`format must be one of ${SOURCE_FORMATS.join(', ')} (got "${fields.format}")`);
  if (fields.url !== undefined && !isHttpUrl(fields.url))
    problems.push(`url must be an http:// or https:// URL (got "${fields.url}")`);
  if (fields.schedule !== undefined && fields.schedule !== null) {
    const problem = cronProblem(fields.schedule);
    if (problem) problems.push(`schedule "${fields.schedule}" is not a valid cron pattern: ${problem}`);
  }
  if (fields.credentialsEnv !== undefined && fields.credentialsEnv !== null) {
    const problem = credentialsEnvProblem(fields.credentialsEnv);
    if (problem) problems.push(problem);
  }
  if (
    fields.rateLimitPerSecond !== undefined &&
    !(Number.isFinite(fields.rateLimitPerSecond) && fields.rateLimitPerSecond > 0)
  )
    problems.push(`rateLimitPerSecond must be more than 0 (got ${fields.rateLimitPerSecond})`);
  if (
    fields.pageSize !== undefined &&
    !(Number.isInteger(fields.pageSize) && fields.pageSize >= 1 && fields.pageSize <= 1000)
  )
    problems.push(`pageSize must be a whole number from 1 to 1000 (got ${fields.pageSize})`);
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** Why a cron pattern is unusable, or undefined: five fields (or six with seconds) that parse. */
export function cronProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6)
    return `expected 5 fields (minute hour day month weekday), got ${fields.length}`;
  try {
    parseExpression(pattern, { tz: 'Europe/London' }).next();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
