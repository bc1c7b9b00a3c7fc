import type { DataSource } from 'typeorm';
import type { SkillMatcher } from '@skillpath/connectors';
import { SkillExtractor, type SkillRecord } from '@skillpath/taxonomy';
import { execOnPool } from '@skillpath/persistence';

/**
 * The taxonomy's SkillExtractor, built from the database's skills once and rebuilt only when the
 * skills table changes (count or latest update), so each run matches against the current taxonomy
 * without paying the build (≈14,000 ESCO skills) every time. The version also names the extractor's
 * rules (`SkillExtractor.revision`): refresh keys stored records by it, so new extraction rules make
 * every stored listing be extracted again once, exactly like a taxonomy change.
 */
export class SkillMatcherCache {
  private cached?: { version: string; extractor: SkillExtractor };
  private building?: Promise<{ version: string; extractor: SkillExtractor }>;

  constructor(private readonly ds: DataSource) {}

  async current(): Promise<SkillMatcher> {
    return (await this.currentVersioned()).matcher;
  }

  /** The extractor and the taxonomy version it was built from (changes whenever the skills table does). */
  async currentVersioned(): Promise<{ matcher: SkillMatcher; version: string }> {
    const { rows } = await execOnPool<{ version: string }>(
      this.ds,
      `SELECT count(*)::text || '@' || coalesce(max(updated_at)::text, '') AS version FROM skills`,
    );
    const version = `${rows[0].version}/${SkillExtractor.revision}`;
    if (this.cached?.version === version) return { matcher: this.cached.extractor, version };
    this.building ??= this.build(version).finally(() => (this.building = undefined));
    const built = await this.building;
    return { matcher: built.extractor, version: built.version };
  }

  private async build(version: string): Promise<{ version: string; extractor: SkillExtractor }> {
    const { rows } = await execOnPool<{
      id: string;
      uri: string | null;
      label: string;
      alt_labels: string[];
      popularity: number;
    }>(this.ds, 'SELECT id, uri, label, alt_labels, popularity FROM skills ORDER BY label, id');
    const skills: SkillRecord[] = rows.map((r) => ({
      id: r.id,
      uri: r.uri,
      label: r.label,
      altLabels: r.alt_labels ?? [],
      popularity: r.popularity,
    }));
    const extractor = new SkillExtractor(skills);
    this.cached = { version, extractor };
    return this.cached;
  }
}
