/**
 * Generates a migration from the difference between the entities and the schema the existing
 * migrations build: `npm run cli -- db:generate-migration Name` (a scratch database is created and dropped).
 * Review the file before committing it.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import {
  createDataSource,
  createScratchDatabase,
  databaseName,
  dropDatabase,
  runMigrations,
} from '@skillpath/persistence';

export async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => q.query),
      down: log.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await ds.destroy();
  }
}

export async function generateMigration(serverUrl: string, name: string): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Migration name must be PascalCase, e.g. AddSources');
  const url = await createScratchDatabase(serverUrl, 'skillpath_gen');
  try {
    await runMigrations(url);
    const { up, down } = await pendingSchemaChanges(url);
    if (!up.length) return null;
    const ts = Date.now();
    const className = `${name}${ts}`;
    const fileName = `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`;
    const q = (s: string) => '    await queryRunner.query(`' + s.replace(/`/g, '\\`') + '`);';
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
    const path = join(__dirname, '../../libs/persistence/src/migrations', fileName);
    writeFileSync(path, body);
    return path;
  } finally {
    await dropDatabase(serverUrl, databaseName(url));
  }
}

if (require.main === module) {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  generateMigration(server, process.argv[2] ?? '')
    .then((p) =>
      console.log(p ? `wrote ${p} — add it to libs/persistence/src/migrations/index.ts` : 'no changes'),
    )
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
