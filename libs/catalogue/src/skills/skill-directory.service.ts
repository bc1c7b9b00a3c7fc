import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SkillSearchIndex } from '@skillpath/taxonomy';
import { SkillModel } from '../graphql/catalogue.models';
import { skillFromRow } from '../graphql/row-mappers';

// How stale the in-memory index may be before a search checks the table for changes.
const RECHECK_MS = 30_000;

/**
 * Skill search from an in-memory index of every label and alternative label (typo-tolerant, ranked),
 * rebuilt when the skills table changes (an ESCO import, the demo data) — checked at most every 30 s.
 */
@Injectable()
export class SkillDirectory {
  private index?: SkillSearchIndex;
  private version = '';
  private checkedAt = 0;
  private loading?: Promise<void>;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async search(query: string, first: number): Promise<SkillModel[]> {
    await this.ensureFresh();
    const hits = this.index!.search(query, first);
    if (!hits.length) return [];
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      'SELECT * FROM skills WHERE id = ANY($1::uuid[])',
      [hits.map((h) => h.id)],
    );
    const byId = new Map(rows.map((r) => [r.id as string, skillFromRow(r)]));
    return hits.map((h) => byId.get(h.id)).filter((s): s is SkillModel => !!s);
  }

  /** Rebuilds now if the table changed (also used after imports and in tests). */
  async refresh(): Promise<void> {
    this.checkedAt = 0;
    await this.ensureFresh();
  }

  private async ensureFresh(): Promise<void> {
    if (this.index && Date.now() - this.checkedAt < RECHECK_MS) return;
    this.loading ??= this.reloadIfChanged().finally(() => (this.loading = undefined));
    await this.loading;
  }

  private async reloadIfChanged(): Promise<void> {
    const [{ version }]: Array<{ version: string }> = await this.ds.query(
      `SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS version FROM skills`,
    );
    this.checkedAt = Date.now();
    if (this.index && version === this.version) return;
    const rows: Array<{
      id: string;
      uri: string | null;
      label: string;
      alt_labels: string[];
      popularity: number;
    }> = await this.ds.query('SELECT id, uri, label, alt_labels, popularity FROM skills');
    this.index = new SkillSearchIndex(
      rows.map((r) => ({
        id: r.id,
        uri: r.uri,
        label: r.label,
        altLabels: r.alt_labels ?? [],
        popularity: r.popularity,
      })),
    );
    this.version = version;
  }
}
