import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Sql } from '@skillpath/persistence';
import { SKILL_COLUMNS, SkillIndexRow, SkillRow } from '../catalogue.rows';

/** The `skills` table as the catalogue reads it. */
@Injectable()
export class SkillsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  byIds(ids: readonly string[]): Promise<SkillRow[]> {
    return this.sql.rows<SkillRow>(`SELECT ${SKILL_COLUMNS} FROM skills WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Changes whenever a skill is added, removed or updated (cheap: one aggregate). */
  async version(): Promise<string> {
    const row = await this.sql.first<{ version: string }>(
      `SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS version FROM skills`,
    );
    return row.version;
  }

  /** Every skill's labels and popularity, for the in-memory search index. */
  forSearchIndex(): Promise<SkillIndexRow[]> {
    return this.sql.rows<SkillIndexRow>('SELECT id, uri, label, alt_labels, popularity FROM skills');
  }
}
