import type { DataSource } from 'typeorm';
import type { OccupationRecord } from '@skillpath/taxonomy';
import { exec, execOnPool, inTransaction } from '@skillpath/persistence';

/** A feed listing waiting for enrichment, with what the refresh stored for it. */
export interface ListingToEnrich {
  id: string;
  title: string;
  description: string | null;
  contentHash: string | null;
  occupationId: string | null;
  /** Null: the occupation came from the listing's author (kept); a number: enrichment chose it. */
  occupationConfidence: number | null;
  /** Skills the refresh's rule matcher found the listing naming (neither inferred nor extracted). */
  namedRequired: number;
  /** Ids of those skills. */
  namedSkillIds: string[];
}

/** What enrichment decided for one listing. */
export interface ListingEnrichment {
  id: string;
  /**
   * The occupation enrichment chose, or null when it found none it trusts (an occupation it chose
   * before is then cleared). Author-set occupations are never touched either way.
   */
  occupation: { id: string; confidence: number } | null;
  /** Skills the ranked extractor found in the text beyond the rule matcher's (stored as extracted REQUIRED). */
  extracted: { skillId: string; level: number }[];
  /** Essential skills of the occupation the listing does not name (stored as inferred REQUIRED). */
  inferred: { skillId: string; level: number }[];
  enrichmentKey: string;
}

/** Version of the occupations, their labels and their skills: changes whenever those tables do. */
const TAXONOMY_VERSION_SQL = `
  SELECT (SELECT count(*)::text || '@' || coalesce(max(updated_at)::text, '') FROM occupations) || '/' ||
         (SELECT count(*)::text FROM occupation_skills) || '/' ||
         (SELECT count(*)::text || '@' || coalesce(max(updated_at)::text, '') FROM skills) AS version`;

const OCCUPATIONS_SQL = `
  SELECT id, uri, title, alt_labels, description, isco_group FROM occupations ORDER BY title, id`;

// Most-used skills first: when an occupation has many essential skills, the common ones are inferred.
const ESSENTIAL_SKILLS_SQL = `
  SELECT os.occupation_id, os.skill_id, os.level FROM occupation_skills os JOIN skills s ON s.id = os.skill_id
  WHERE os.relation = 'essential'
  ORDER BY os.occupation_id, s.popularity DESC, s.label, s.id`;

/**
 * Feed listings (source_id set) whose enrichment key is not "<revision>|<content hash>": new, changed,
 * or enriched under an older taxonomy or extractor. Keyset by id so a big backlog goes in pages.
 */
const PENDING_SQL = `
  SELECT o.id, o.title, o.description, o.content_hash, o.occupation_id, o.occupation_confidence,
         coalesce((SELECT array_agg(os.skill_id) FROM opportunity_skills os
           WHERE os.opportunity_id = o.id AND os.role = 'REQUIRED' AND NOT os.inferred AND NOT os.extracted), '{}') AS named
  FROM opportunities o
  WHERE o.source_id IS NOT NULL AND o.status = 'ACTIVE' AND o.kind IN ('VACANCY', 'APPRENTICESHIP')
    AND o.id > $2::uuid
    AND (o.source_id = $3::uuid OR $3::uuid IS NULL)
    AND o.enrichment_key IS DISTINCT FROM ($1 || '|' || coalesce(o.content_hash, ''))
  ORDER BY o.id LIMIT $4`;

const SET_OCCUPATION_SQL = `
  UPDATE opportunities o SET occupation_id = x.occ, occupation_confidence = x.conf, updated_at = now()
  FROM unnest($1::uuid[], $2::uuid[], $3::real[]) AS x(id, occ, conf)
  WHERE o.id = x.id AND (o.occupation_confidence IS NOT NULL OR o.occupation_id IS NULL)`;

const CLEAR_OCCUPATION_SQL = `
  UPDATE opportunities SET occupation_id = NULL, occupation_confidence = NULL, updated_at = now()
  WHERE id = ANY($1::uuid[]) AND occupation_confidence IS NOT NULL`;

const SET_KEY_SQL = `
  UPDATE opportunities o SET enrichment_key = x.k
  FROM unnest($1::uuid[], $2::text[]) AS x(id, k) WHERE o.id = x.id`;

const DELETE_DERIVED_SQL = `
  DELETE FROM opportunity_skills WHERE opportunity_id = ANY($1::uuid[]) AND (inferred OR extracted)`;

const INSERT_DERIVED_SQL = `
  INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level, inferred, extracted)
  SELECT x.o, x.s, 'REQUIRED', x.l, x.i, NOT x.i
  FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::bool[]) AS x(o, s, l, i)
  JOIN skills ON skills.id = x.s
  ON CONFLICT DO NOTHING`;

/** The SQL of listing enrichment: what to enrich, the taxonomy it needs, and writing the result. */
export class ListingEnrichmentRepository {
  constructor(private readonly ds: DataSource) {}

  async taxonomyVersion(): Promise<string> {
    const { rows } = await execOnPool<{ version: string }>(this.ds, TAXONOMY_VERSION_SQL);
    return rows[0].version;
  }

  /** The newest stored set of skill vectors (taxonomy version and when), or null when none is stored. */
  async latestSkillVectors(): Promise<string | null> {
    const { rows } = await execOnPool<{ latest: string | null }>(
      this.ds,
      `SELECT (SELECT taxonomy_version || '@' || created_at::text FROM skill_vector_sets
                ORDER BY created_at DESC LIMIT 1) AS latest`,
    );
    return rows[0].latest;
  }

  async occupations(): Promise<OccupationRecord[]> {
    const { rows } = await execOnPool<{
      id: string;
      uri: string | null;
      title: string;
      alt_labels: string[] | null;
      description: string | null;
      isco_group: string | null;
    }>(this.ds, OCCUPATIONS_SQL);
    return rows.map((r) => ({
      id: r.id,
      uri: r.uri,
      label: r.title,
      altLabels: r.alt_labels ?? [],
      description: r.description,
      iscoGroup: r.isco_group,
    }));
  }

  /** Each occupation's essential skills with the level ESCO (or the curator) gives them. */
  async essentialSkills(): Promise<Map<string, { skillId: string; level: number }[]>> {
    const { rows } = await execOnPool<{ occupation_id: string; skill_id: string; level: number }>(
      this.ds,
      ESSENTIAL_SKILLS_SQL,
    );
    const out = new Map<string, { skillId: string; level: number }[]>();
    for (const r of rows) {
      let list = out.get(r.occupation_id);
      if (!list) out.set(r.occupation_id, (list = []));
      list.push({ skillId: r.skill_id, level: Number(r.level) });
    }
    return out;
  }

  async pending(
    revision: string,
    options: { afterId?: string; sourceId?: string | null; limit: number },
  ): Promise<ListingToEnrich[]> {
    const { rows } = await execOnPool<{
      id: string;
      title: string;
      description: string | null;
      content_hash: string | null;
      occupation_id: string | null;
      occupation_confidence: number | null;
      named: string[];
    }>(this.ds, PENDING_SQL, [
      revision,
      options.afterId ?? '00000000-0000-0000-0000-000000000000',
      options.sourceId ?? null,
      options.limit,
    ]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      contentHash: r.content_hash,
      occupationId: r.occupation_id,
      occupationConfidence: r.occupation_confidence === null ? null : Number(r.occupation_confidence),
      namedRequired: r.named.length,
      namedSkillIds: r.named,
    }));
  }

  /** Writes a batch in one transaction: occupations, inferred requirements (replaced), enrichment keys. */
  async save(batch: readonly ListingEnrichment[]): Promise<void> {
    if (batch.length === 0) return;
    await inTransaction(this.ds, async (qr) => {
      const withOccupation = batch.filter((b) => b.occupation);
      if (withOccupation.length > 0)
        await exec(qr, SET_OCCUPATION_SQL, [
          withOccupation.map((b) => b.id),
          withOccupation.map((b) => b.occupation!.id),
          withOccupation.map((b) => b.occupation!.confidence),
        ]);
      const without = batch.filter((b) => !b.occupation).map((b) => b.id);
      if (without.length > 0) await exec(qr, CLEAR_OCCUPATION_SQL, [without]);
      await exec(qr, DELETE_DERIVED_SQL, [batch.map((b) => b.id)]);
      const rows = batch.flatMap((b) => [
        ...b.extracted.map((s) => [b.id, s.skillId, s.level, false] as const),
        ...b.inferred.map((s) => [b.id, s.skillId, s.level, true] as const),
      ]);
      if (rows.length > 0)
        await exec(qr, INSERT_DERIVED_SQL, [
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
          rows.map((r) => r[3]),
        ]);
      await exec(qr, SET_KEY_SQL, [batch.map((b) => b.id), batch.map((b) => b.enrichmentKey)]);
    });
  }
}
