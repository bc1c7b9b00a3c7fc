import type { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../migrations';

/**
 * Takes a migrated database back to just before `migration` (undoing every later one too), so a test
 * can write rows as the previous version did and run the migration over them. Returns how many
 * migrations `ds.runMigrations()` will then apply to come back.
 */
export async function undoMigrationsBackTo(
  ds: DataSource,
  migration: (typeof ALL_MIGRATIONS)[number],
): Promise<number> {
  const position = ALL_MIGRATIONS.indexOf(migration);
  if (position <= 0) throw new Error(`${migration.name} is not a later migration of ALL_MIGRATIONS`);
  const undo = ALL_MIGRATIONS.length - position;
  for (let i = 0; i < undo; i++) await ds.undoLastMigration();
  return undo;
}
