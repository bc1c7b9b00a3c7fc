import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { CatalogueIndex, OccupationRecord, SkillGraph, SkillRecord } from '@skillpath/matching';
import { ListingChanges, listingChangesChannel, redisConnectionOptions } from '@skillpath/queues';
import { CatalogueRecordsRepository } from './catalogue-records.repository';

export interface EngineSnapshot {
  index: CatalogueIndex;
  occupations: OccupationRecord[];
  /** The occupations to suggest and rank (the region's featured roles when there are any). */
  targetOccupations: OccupationRecord[];
  graph: SkillGraph;
  skillLabel(id: string): string;
}

// A missed change message is caught up with by this periodic check of the tables' versions.
const RECHECK_MS = 60_000;

/**
 * The engine's in-memory index of the catalogue, per process: built from PostgreSQL on first use,
 * updated incrementally from listing-change messages (Redis pub/sub), rebuilt when the taxonomy or
 * occupations change.
 */
@Injectable()
export class MatchingIndexService implements OnModuleDestroy {
  private readonly log = new Logger(MatchingIndexService.name);
  private snapshot?: EngineSnapshot;
  private building?: Promise<EngineSnapshot>;
  private version = '';
  private checkedAt = 0;
  private subscriber?: Redis;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly records: CatalogueRecordsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<EngineSnapshot> {
    this.subscribe();
    await this.pending;
    if (this.snapshot && Date.now() - this.checkedAt < RECHECK_MS) return this.snapshot;
    const version = await this.currentVersion();
    this.checkedAt = Date.now();
    if (this.snapshot && version === this.version) return this.snapshot;
    this.building ??= this.build(version).finally(() => (this.building = undefined));
    return this.building;
  }

  /** Rebuild now (after bulk loads, and in tests). */
  async rebuild(): Promise<EngineSnapshot> {
    this.checkedAt = 0;
    this.version = '';
    return this.get();
  }

  /** Applies changed and expired listings without a rebuild. */
  async apply(changes: Pick<ListingChanges, 'changedIds' | 'expiredIds'>): Promise<void> {
    if (!this.snapshot) return;
    const { index } = this.snapshot;
    if (changes.changedIds.length) {
      const records = await this.records.opportunities(changes.changedIds);
      index.upsert(records.filter((r) => r.status === 'ACTIVE'));
      index.expire(records.filter((r) => r.status !== 'ACTIVE').map((r) => r.id));
    }
    if (changes.expiredIds.length) index.expire(changes.expiredIds);
    // The index now reflects the tables; without this the periodic check would rebuild it needlessly.
    this.version = await this.currentVersion();
  }

  private async build(version: string): Promise<EngineSnapshot> {
    const started = Date.now();
    const [skills, occupations, featured] = await Promise.all([
      this.records.skills(),
      this.records.occupations(),
      this.records.featuredOccupationIds(),
    ]);
    // Page by page into one compaction at the end, as the benchmark builds 1.1 M listings.
    const index = new CatalogueIndex(skills);
    const listings = await this.records.forEachActivePage((records) =>
      index.upsert(records, { deferCompaction: true }),
    );
    index.compact();
    const labels = new Map(skills.map((s: SkillRecord) => [s.id, s.label]));
    const featuredIds = new Set(featured);
    const target = occupations.filter((o) => featuredIds.has(o.id));
    this.snapshot = {
      index,
      occupations,
      targetOccupations: target.length ? target : occupations,
      graph: new SkillGraph(skills),
      skillLabel: (id: string) => labels.get(id) ?? 'a skill',
    };
    this.version = version;
    this.log.log(
      `matching index built: ${listings} listings, ${skills.length} skills in ${Date.now() - started} ms`,
    );
    return this.snapshot;
  }

  private currentVersion(): Promise<string> {
    return this.records.version();
  }

  private subscribe(): void {
    if (this.subscriber) return;
    this.subscriber = new Redis(redisConnectionOptions(this.config.redis.url));
    this.subscriber.on('error', () => undefined);
    const channel = listingChangesChannel(this.config.redis.prefix);
    void this.subscriber
      .subscribe(channel)
      .catch((e: Error) => this.log.warn(`cannot subscribe to ${channel}: ${e.message}`));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        const changes = JSON.parse(message) as ListingChanges;
        // Applied in order; a later get() waits for them.
        this.pending = this.pending
          .then(() => this.apply(changes))
          .catch((e: Error) => {
            this.log.warn(`could not apply listing changes, rebuilding on next use: ${e.message}`);
            this.version = '';
            this.checkedAt = 0;
          });
      } catch {
        this.log.warn('ignored a malformed listing-changes message');
      }
    });
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
