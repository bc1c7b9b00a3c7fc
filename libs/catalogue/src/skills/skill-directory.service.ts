import { Injectable } from '@nestjs/common';
import { SkillSearchIndex } from '@skillpath/taxonomy';
import { SkillModel } from '../graphql/catalogue.models';
import { skillFromRow } from '../graphql/row-mappers';
import { SkillsRepository } from './skills.repository';

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

  constructor(private readonly skills: SkillsRepository) {}

  async search(query: string, first: number): Promise<SkillModel[]> {
    await this.ensureFresh();
    const hits = this.index!.search(query, first);
    if (!hits.length) return [];
    const rows = await this.skills.byIds(hits.map((h) => h.id));
    const byId = new Map(rows.map((r) => [r.id, skillFromRow(r)]));
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
    const version = await this.skills.version();
    this.checkedAt = Date.now();
    if (this.index && version === this.version) return;
    const rows = await this.skills.forSearchIndex();
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
