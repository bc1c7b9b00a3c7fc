import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource } from 'typeorm';
import type { SkillRecord } from '@skillpath/taxonomy';
import { SkillModel } from '../graphql/catalogue.models';
import { skillFromRow } from '../graphql/row-mappers';

/** The skills table as the in-memory engines need it (read-only). */
@Injectable()
export class SkillRecordsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** Changes whenever a skill is added, removed or updated. */
  async version(): Promise<string> {
    const { version } = await this.sql.first<{ version: string }>(
      `SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS version FROM skills`,
    );
    return version;
  }

  async records(): Promise<SkillRecord[]> {
    const rows = await this.sql.rows<{
      id: string;
      uri: string | null;
      label: string;
      alt_labels: string[] | null;
      popularity: number;
    }>('SELECT id, uri, label, alt_labels, popularity FROM skills ORDER BY label, id');
    return rows.map((r) => ({
      id: r.id,
      uri: r.uri,
      label: r.label,
      altLabels: r.alt_labels ?? [],
      popularity: r.popularity,
    }));
  }

  async byIds(ids: readonly string[]): Promise<Map<string, SkillModel>> {
    if (ids.length === 0) return new Map();
    const rows = await this.sql.rows<Record<string, unknown>>(
      'SELECT * FROM skills WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id as string, skillFromRow(r)]));
  }
}
