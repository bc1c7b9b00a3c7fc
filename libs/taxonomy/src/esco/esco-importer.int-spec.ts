import * as path from 'path';
import { Client } from 'pg';
import { createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import { importEsco } from './esco-importer';
import { EscoFilesNotFoundError } from './esco-files';
import { EscoImportProgress } from './esco-import-progress';

const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const FIXTURES = path.join(__dirname, 'fixtures');
const URI = {
  programming: 'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97',
  python: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
  sql: 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742',
  teamwork: 'http://data.europa.eu/esco/skill/test-0000-teamwork',
  spanish: 'http://data.europa.eu/esco/skill/test-0000-spanish',
  developer: 'http://data.europa.eu/esco/occupation/test-0000-software-developer',
  helpDesk: 'http://data.europa.eu/esco/occupation/aaeec9a7-dc57-4485-890c-86b3eef735f9',
};

interface SkillRow {
  id: string;
  uri: string;
  code: string | null;
  label: string;
  alt_labels: string[];
  type: string;
  description: string | null;
  broader_id: string | null;
  broader_uri: string | null;
  digital: boolean;
  essential_digital: boolean;
  popularity: number;
}

describe('importEsco (PostgreSQL)', () => {
  let databaseUrl: string;
  let db: Client;

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(SERVER_URL, 'taxonomy_import');
    await runMigrations(databaseUrl);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    // A demo-region skill that already carries the SQL URI: the import must merge into it.
    await db.query(
      `INSERT INTO skills (uri, code, label, alt_labels, type, digital, essential_digital)
       VALUES ($1, 'DEMO-SQL', 'databases with SQL', '{"SQL queries"}', 'skill', false, true)`,
      [URI.sql],
    );
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    if (databaseUrl) await dropDatabase(SERVER_URL, databaseName(databaseUrl));
  });

  async function skillsByUri(): Promise<Map<string, SkillRow>> {
    const result = await db.query<SkillRow>('SELECT * FROM skills');
    return new Map(result.rows.map((row) => [row.uri, row]));
  }

  it('imports skills, occupations and relations, merging with an existing skill by URI', async () => {
    const progress: EscoImportProgress[] = [];
    const summary = await importEsco({
      dir: FIXTURES,
      databaseUrl,
      batchSize: 2,
      onProgress: (p) => progress.push(p),
    });

    expect(summary.skills).toEqual({ inserted: 4, updated: 1, unchanged: 0, skipped: 1 });
    expect(summary.occupations).toEqual({ inserted: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(summary.occupationSkills).toEqual({ inserted: 5, updated: 0, unchanged: 0, skipped: 1 });
    expect(summary.digitalSkills).toBe(2);
    expect(summary.skillsWithBroaderSkill).toBe(1);
    expect(summary.warnings).toEqual([expect.stringContaining('test-0000-not-in-skills-file')]);
    expect(summary.files).toContain(path.join('relations', 'occupationSkillRelations_en.csv'));

    const skills = await skillsByUri();
    expect(skills.size).toBe(5);
    const sql = skills.get(URI.sql)!;
    expect(sql).toMatchObject({
      code: 'DEMO-SQL',
      label: 'SQL',
      alt_labels: ['Structured Query Language', 'SQL'],
      type: 'knowledge',
      essential_digital: true,
      digital: true,
      broader_uri: 'http://data.europa.eu/esco/isced-f/0613',
      broader_id: null,
      popularity: 2,
    });
    const python = skills.get(URI.python)!;
    expect(python.description).toContain('\nA second line of description');
    expect(python).toMatchObject({
      alt_labels: ['Python3', 'Python'],
      digital: true,
      broader_uri: URI.programming,
      broader_id: skills.get(URI.programming)!.id,
      popularity: 1,
    });
    expect(skills.get(URI.programming)).toMatchObject({ type: 'knowledge', digital: false, popularity: 1 });
    expect(skills.get(URI.teamwork)).toMatchObject({ type: 'transversal', popularity: 1 });
    expect(skills.get(URI.spanish)).toMatchObject({ type: 'language', alt_labels: [], popularity: 0 });

    const relations = await db.query<{ occupation: string; skill: string; relation: string; level: number }>(
      `SELECT o.uri AS occupation, s.uri AS skill, os.relation, os.level
       FROM occupation_skills os JOIN occupations o ON o.id = os.occupation_id JOIN skills s ON s.id = os.skill_id`,
    );
    expect(relations.rows).toHaveLength(5);
    expect(relations.rows).toContainEqual({
      occupation: URI.developer,
      skill: URI.python,
      relation: 'optional',
      level: 3,
    });
    expect(relations.rows).toContainEqual({
      occupation: URI.helpDesk,
      skill: URI.sql,
      relation: 'essential',
      level: 3,
    });

    const occupations = await db.query(
      'SELECT uri, title, alt_labels, isco_group, code FROM occupations ORDER BY title',
    );
    expect(occupations.rows[0]).toEqual({
      uri: URI.helpDesk,
      title: 'ICT help desk agent',
      alt_labels: ['ICT help desk agent', 'service desk agent'],
      isco_group: '3512',
      code: null,
    });

    const last = progress[progress.length - 1];
    expect(last.phase).toBe('done');
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['skills', 'occupations', 'occupation-skills']),
    );
  }, 60_000);

  it('re-imports idempotently: nothing duplicated, nothing counted as changed', async () => {
    const summary = await importEsco({ dir: FIXTURES, databaseUrl });
    expect(summary.skills).toEqual({ inserted: 0, updated: 0, unchanged: 5, skipped: 1 });
    expect(summary.occupations).toEqual({ inserted: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(summary.occupationSkills).toEqual({ inserted: 0, updated: 0, unchanged: 5, skipped: 1 });
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM skills) AS skills, (SELECT count(*)::int FROM occupations) AS occupations,
              (SELECT count(*)::int FROM occupation_skills) AS relations`,
    );
    expect(counts.rows[0]).toEqual({ skills: 5, occupations: 2, relations: 5 });
  }, 60_000);

  it('updates rows that differ from the release and restores changed relations', async () => {
    await db.query(`UPDATE skills SET label = 'edited by hand', popularity = 99 WHERE uri = $1`, [
      URI.teamwork,
    ]);
    await db.query(`UPDATE occupations SET title = 'edited' WHERE uri = $1`, [URI.developer]);
    await db.query(
      `UPDATE occupation_skills SET relation = 'essential'
       WHERE skill_id = (SELECT id FROM skills WHERE uri = $1)`,
      [URI.python],
    );
    const summary = await importEsco({ dir: FIXTURES, databaseUrl });
    expect(summary.skills).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    expect(summary.occupations).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(summary.occupationSkills).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    const skills = await skillsByUri();
    expect(skills.get(URI.teamwork)).toMatchObject({ label: 'work in teams', popularity: 1 });
  }, 60_000);

  it('rejects a folder without the release files, naming what is missing', async () => {
    await expect(importEsco({ dir: path.join(FIXTURES, 'relations'), databaseUrl })).rejects.toThrow(
      EscoFilesNotFoundError,
    );
    await expect(importEsco({ dir: path.join(FIXTURES, 'relations'), databaseUrl })).rejects.toThrow(
      /skills_en.csv/,
    );
    await expect(importEsco({ dir: path.join(FIXTURES, 'no-such-folder'), databaseUrl })).rejects.toThrow(
      EscoFilesNotFoundError,
    );
  });

  it('rolls everything back when the import fails part-way', async () => {
    await db.query(`UPDATE skills SET label = 'edited before a failed import' WHERE uri = $1`, [
      URI.teamwork,
    ]);
    const failInOccupations = (p: EscoImportProgress): void => {
      if (p.phase === 'occupations') throw new Error('simulated crash after the skills were written');
    };
    await expect(importEsco({ dir: FIXTURES, databaseUrl, onProgress: failInOccupations })).rejects.toThrow(
      /simulated crash/,
    );
    const skills = await skillsByUri();
    expect(skills.get(URI.teamwork)!.label).toBe('edited before a failed import');
  });

  it('fails with a clear error when the database cannot be reached', async () => {
    const unreachable = databaseUrl.replace(/\/[^/]+$/, '/taxonomy_no_such_database');
    await expect(importEsco({ dir: FIXTURES, databaseUrl: unreachable })).rejects.toThrow(
      /taxonomy_no_such_database/,
    );
  });
});
