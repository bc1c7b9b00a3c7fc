import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SkillRecord } from '@skillpath/taxonomy';
import { SkillModel } from '../graphql/catalogue.models';
import { skillFromRow } from '../graphql/row-mappers';

/** The skills table as the in-memory engines need it (read-only). */
@Injectable()
export class SkillRecordsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Changes whenever a skill is added, removed or updated. */
  async version(): Promise<string> {
    const [{ version }]: Array<{ version: string }> = await this.ds.query(
      `SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS version FROM skills`,
    );
    return version;
  }

  async records(): Promise<SkillRecord[]> {
    const rows: Array<{
      id: string;
      uri: string | null;
      label: string;
      alt_labels: string[] | null;
      popularity: number;
    }> = await this.ds.query('SELECT id, uri, label, alt_labels, popularity FROM skills ORDER BY label, id');
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
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      'SELECT * FROM skills WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id as string, skillFromRow(r)]));
  }
}
