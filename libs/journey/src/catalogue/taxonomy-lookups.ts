import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { OccupationModel, SkillModel } from '@skillpath/catalogue';
import { MatchingIndexService } from '../engine/matching-index.service';
import { JourneyCatalogueRepository } from './journey-catalogue.repository';

/** Skills and occupations each process keeps (a few hundred bytes each). */
const MAX_ENTRIES = 200_000;

/**
 * Skills and occupations by id, for the read paths that name them (roadmaps, roles, matches). The
 * taxonomy changes only when it is imported, so each process keeps what it has read, for as long as the
 * engine's index snapshot lasts: an import changes the tables' version, the index is rebuilt (within the
 * index's own recheck interval), and everything kept here is dropped with the old snapshot. Ids not yet
 * seen are read from PostgreSQL, all in one query, so a new skill is never missing.
 */
@Injectable()
export class TaxonomyLookups {
  private readonly skillCache = new LRUCache<string, SkillModel>({ max: MAX_ENTRIES });
  private readonly occupationCache = new LRUCache<string, OccupationModel>({ max: MAX_ENTRIES });
  private snapshot?: object;

  constructor(
    private readonly catalogue: JourneyCatalogueRepository,
    private readonly engine: MatchingIndexService,
  ) {}

  async skills(ids: readonly string[]): Promise<Map<string, SkillModel>> {
    await this.sameSnapshot();
    return this.lookUp(ids, this.skillCache, (missing) => this.catalogue.skills(missing));
  }

  async occupations(ids: readonly string[]): Promise<Map<string, OccupationModel>> {
    await this.sameSnapshot();
    return this.lookUp(ids, this.occupationCache, (missing) => this.catalogue.occupations(missing));
  }

  private async sameSnapshot(): Promise<void> {
    const snapshot = await this.engine.get();
    if (snapshot === this.snapshot) return;
    this.skillCache.clear();
    this.occupationCache.clear();
    this.snapshot = snapshot;
  }

  private async lookUp<T extends object>(
    ids: readonly string[],
    cache: LRUCache<string, T>,
    read: (ids: string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = cache.get(id);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    if (missing.length) {
      for (const [id, value] of await read(missing)) {
        cache.set(id, value);
        found.set(id, value);
      }
    }
    return found;
  }
}
