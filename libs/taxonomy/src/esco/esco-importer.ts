import { promises as fs } from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { EscoImportRepository } from './esco-import.repository';
import { CsvRow, readCsvRows, splitLines } from './esco-csv';
import { EscoFiles, findEscoFiles } from './esco-files';
import {
  EscoImportPhase,
  EscoImportProgress,
  EscoImportSummary,
  TableCounts,
  emptyCounts,
} from './esco-import-progress';

export interface EscoImportOptions {
  /** Release folder; its CSVs are found by name, in subfolders too. */
  dir: string;
  databaseUrl: string;
  onProgress?: (progress: EscoImportProgress) => void;
  /** Rows per INSERT statement (tests use small batches to cross batch boundaries). */
  batchSize?: number;
}

const DEFAULT_BATCH = 2000;
const SKILL_TYPES = new Set(['skill', 'knowledge', 'transversal', 'language']);

/**
 * Imports an ESCO CSV release into skills, occupations and occupation_skills, in one transaction.
 *
 * Rows are merged by concept URI with batched `INSERT … SELECT FROM unnest(…) ON CONFLICT (uri)
 * DO UPDATE … WHERE something changed`, so a re-import updates instead of duplicating and counts
 * only real changes; skills already present with that URI (the demo region's) keep their `code`
 * and `essential_digital`. Occupations keep their `code` and `featured`. After the rows:
 * `broader_id` is resolved from `broader_uri`, and `popularity` becomes the number of occupations
 * that reference each skill.
 */
export async function importEsco(options: EscoImportOptions): Promise<EscoImportSummary> {
  const started = Date.now();
  const files = await findEscoFiles(options.dir);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const progress = await ProgressTracker.create(files, options.onProgress);
  const summary: EscoImportSummary = {
    dir: options.dir,
    files: listedFiles(files).map((file) => path.relative(options.dir, file) || path.basename(file)),
    skills: emptyCounts(),
    occupations: emptyCounts(),
    occupationSkills: emptyCounts(),
    skillsWithBroaderSkill: 0,
    digitalSkills: 0,
    durationMs: 0,
    warnings: [],
  };

  const client = new Client({
    connectionString: options.databaseUrl,
    application_name: 'skillpath-esco-import',
  });
  await client.connect();
  const db = new EscoImportRepository(client);
  try {
    await db.begin();
    const digital = await readUriSet(files.digitalSkillsCollection, progress, 'collections');
    const languages = await readUriSet(files.languageSkillsCollection, progress, 'collections');
    summary.digitalSkills = digital.size;
    const broader = await readBroaderSkillRelations(files.broaderSkillRelations, progress);

    await importSkills(db, files.skills, { digital, languages, broader }, batchSize, summary, progress);
    progress.phase('skill-hierarchy');
    summary.skillsWithBroaderSkill = await db.linkBroaderSkills();

    await importOccupations(db, files.occupations, batchSize, summary, progress);
    await importOccupationSkills(db, files.occupationSkillRelations, batchSize, summary, progress);

    progress.phase('popularity');
    await db.updatePopularity();
    await db.commit();
  } catch (error) {
    await db.rollback().catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  progress.phase('done');
  summary.durationMs = Date.now() - started;
  return summary;
}

function listedFiles(files: EscoFiles): string[] {
  return Object.values(files).filter((f): f is string => typeof f === 'string');
}

/** Turns per-file byte counts into one running total for the progress callback. */
class ProgressTracker {
  private finishedBytes = 0;
  private currentBytes = 0;
  private currentPhase: EscoImportPhase = 'collections';
  private rows = 0;

  private constructor(
    private readonly total: number,
    private readonly listener?: (progress: EscoImportProgress) => void,
  ) {}

  static async create(
    files: EscoFiles,
    listener?: (p: EscoImportProgress) => void,
  ): Promise<ProgressTracker> {
    let total = 0;
    for (const file of listedFiles(files)) total += (await fs.stat(file)).size;
    return new ProgressTracker(total, listener);
  }

  phase(phase: EscoImportPhase): void {
    this.currentPhase = phase;
    this.rows = 0;
    this.emit();
  }

  bytes(bytesReadInFile: number): void {
    this.currentBytes = bytesReadInFile;
  }

  fileDone(size: number): void {
    this.finishedBytes += size;
    this.currentBytes = 0;
    this.emit();
  }

  rowsWritten(count: number): void {
    this.rows += count;
    this.emit();
  }

  private emit(): void {
    this.listener?.({
      phase: this.currentPhase,
      bytesDone: Math.min(this.total, this.finishedBytes + this.currentBytes),
      bytesTotal: this.total,
      rows: this.rows,
    });
  }
}

async function* rowsOf(file: string, progress: ProgressTracker): AsyncGenerator<CsvRow> {
  yield* readCsvRows(file, (bytes) => progress.bytes(bytes));
  progress.fileDone((await fs.stat(file)).size);
}

async function readUriSet(
  file: string | undefined,
  progress: ProgressTracker,
  phase: EscoImportPhase,
): Promise<Set<string>> {
  const uris = new Set<string>();
  if (!file) return uris;
  progress.phase(phase);
  for await (const row of rowsOf(file, progress)) if (row.conceptUri) uris.add(row.conceptUri.trim());
  return uris;
}

/**
 * Each skill's broader concept: a broader skill when it has one (several skills have both a
 * parent skill and a skill group), otherwise its first skill group.
 */
async function readBroaderSkillRelations(
  file: string | undefined,
  progress: ProgressTracker,
): Promise<Map<string, string>> {
  const broader = new Map<string, string>();
  if (!file) return broader;
  progress.phase('broader-relations');
  const viaSkill = new Set<string>();
  for await (const row of rowsOf(file, progress)) {
    if (row.conceptType !== 'KnowledgeSkillCompetence' || !row.conceptUri || !row.broaderUri) continue;
    const isSkill = row.broaderType === 'KnowledgeSkillCompetence';
    if (!broader.has(row.conceptUri) || (isSkill && !viaSkill.has(row.conceptUri))) {
      broader.set(row.conceptUri, row.broaderUri.trim());
      if (isSkill) viaSkill.add(row.conceptUri);
    }
  }
  return broader;
}

function skillType(row: CsvRow, languages: Set<string>): string {
  if (languages.has(row.conceptUri)) return 'language';
  if (row.reuseLevel === 'transversal') return 'transversal';
  const type = row.skillType === 'knowledge' ? 'knowledge' : 'skill';
  return SKILL_TYPES.has(type) ? type : 'skill';
}

function emptyToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

async function importSkills(
  db: EscoImportRepository,
  file: string,
  lookups: { digital: Set<string>; languages: Set<string>; broader: Map<string, string> },
  batchSize: number,
  summary: EscoImportSummary,
  progress: ProgressTracker,
): Promise<void> {
  progress.phase('skills');
  await importConcepts(
    file,
    progress,
    batchSize,
    summary.skills,
    7,
    (columns) => db.upsertSkills(columns),
    (row) => {
      const uri = emptyToNull(row.conceptUri);
      const label = emptyToNull(row.preferredLabel);
      if (!uri || !label) return null;
      return [
        uri,
        label,
        [...new Set(splitLines(row.altLabels))].join('\n'),
        skillType(row, lookups.languages),
        emptyToNull(row.description),
        lookups.broader.get(uri) ?? null,
        lookups.digital.has(uri),
      ];
    },
  );
}

async function importOccupations(
  db: EscoImportRepository,
  file: string,
  batchSize: number,
  summary: EscoImportSummary,
  progress: ProgressTracker,
): Promise<void> {
  progress.phase('occupations');
  await importConcepts(
    file,
    progress,
    batchSize,
    summary.occupations,
    5,
    (columns) => db.upsertOccupations(columns),
    (row) => {
      const uri = emptyToNull(row.conceptUri);
      const title = emptyToNull(row.preferredLabel);
      if (!uri || !title) return null;
      return [
        uri,
        title,
        [...new Set(splitLines(row.altLabels))].join('\n'),
        emptyToNull(row.description),
        emptyToNull(row.iscoGroup),
      ];
    },
  );
}

/**
 * Reads a concept file and upserts its rows in batches of column arrays. `toRow` gives a row's
 * values, URI first, or null to skip it; batches are keyed by URI, because a URI repeated inside one
 * statement would make ON CONFLICT fail.
 */
async function importConcepts(
  file: string,
  progress: ProgressTracker,
  batchSize: number,
  counts: TableCounts,
  width: number,
  write: (columns: (string | boolean | null)[][]) => Promise<{ inserted: boolean }[]>,
  toRow: (row: CsvRow) => [string, ...(string | boolean | null)[]] | null,
): Promise<void> {
  let batch = new Map<string, (string | boolean | null)[]>();
  const flush = async (): Promise<void> => {
    if (batch.size === 0) return;
    const rows = await write(transpose([...batch.values()], width));
    count(counts, rows, batch.size);
    progress.rowsWritten(batch.size);
    batch = new Map();
  };
  for await (const row of rowsOf(file, progress)) {
    const values = toRow(row);
    if (!values) {
      counts.skipped++;
      continue;
    }
    batch.set(values[0], values);
    if (batch.size >= batchSize) await flush();
  }
  await flush();
}

async function importOccupationSkills(
  db: EscoImportRepository,
  file: string,
  batchSize: number,
  summary: EscoImportSummary,
  progress: ProgressTracker,
): Promise<void> {
  progress.phase('occupation-skills');
  const skillIds = await db.idsByUri('skills');
  const occupationIds = await db.idsByUri('occupations');
  const unknown = { occupations: new Set<string>(), skills: new Set<string>(), relations: 0 };
  const relationsBatch = Math.max(batchSize, Math.min(batchSize * 3, 10000));
  let batch = new Map<string, string[]>();
  const flush = async (): Promise<void> => {
    if (batch.size === 0) return;
    const rows = await db.upsertOccupationSkills(transpose([...batch.values()], 3));
    count(summary.occupationSkills, rows, batch.size);
    progress.rowsWritten(batch.size);
    batch = new Map();
  };
  for await (const row of rowsOf(file, progress)) {
    const occupationId = occupationIds.get(row.occupationUri?.trim());
    const skillId = skillIds.get(row.skillUri?.trim());
    const relation = row.relationType?.trim();
    if (!occupationId || !skillId || (relation !== 'essential' && relation !== 'optional')) {
      if (!occupationId && row.occupationUri) unknown.occupations.add(row.occupationUri);
      if (!skillId && row.skillUri) unknown.skills.add(row.skillUri);
      if (relation !== 'essential' && relation !== 'optional') unknown.relations++;
      summary.occupationSkills.skipped++;
      continue;
    }
    const key = `${occupationId} ${skillId}`;
    // Listed twice: essential wins over optional.
    if (batch.get(key)?.[2] === 'essential') continue;
    batch.set(key, [occupationId, skillId, relation]);
    if (batch.size >= relationsBatch) await flush();
  }
  await flush();
  if (unknown.occupations.size > 0)
    summary.warnings.push(
      `${unknown.occupations.size} occupation URI(s) in relations are not occupations: ${examples(unknown.occupations)}`,
    );
  if (unknown.skills.size > 0)
    summary.warnings.push(
      `${unknown.skills.size} skill URI(s) in relations are not skills: ${examples(unknown.skills)}`,
    );
  if (unknown.relations > 0)
    summary.warnings.push(`${unknown.relations} relation(s) are neither essential nor optional`);
}

function examples(values: Set<string>, max = 3): string {
  const list = [...values].slice(0, max).join(', ');
  return values.size > max ? `${list}, …` : list;
}

function count(counts: TableCounts, rows: { inserted: boolean }[], attempted: number): void {
  const inserted = rows.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  counts.updated += rows.length - inserted;
  counts.unchanged += attempted - rows.length;
}

/** Row-major batch → one array per column, for `unnest($1::…[], $2::…[], …)`. */
function transpose<T>(rows: T[][], width: number): T[][] {
  const columns: T[][] = Array.from({ length: width }, () => new Array<T>(rows.length));
  rows.forEach((row, r) => row.forEach((value, c) => (columns[c][r] = value)));
  return columns;
}
