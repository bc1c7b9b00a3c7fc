import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OpportunityEntity, OpportunitySkillEntity, Sql } from '@skillpath/persistence';

/** An `opportunities` row as the catalogue's `opportunityFromRow` reads it (every column, snake_case). */
export type OpportunityDbRow = Record<string, unknown>;

/** An organisation's own listings and their skills. */
@Injectable()
export class ListingsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  listing(id: string, m: EntityManager = this.ds.manager): Promise<OpportunityEntity | null> {
    return m.getRepository(OpportunityEntity).findOne({ where: { id } });
  }

  insertListing(m: EntityManager, row: Partial<OpportunityEntity>): Promise<OpportunityEntity> {
    const repo = m.getRepository(OpportunityEntity);
    return repo.save(repo.create(row));
  }

  async updateListing(m: EntityManager, id: string, patch: Partial<OpportunityEntity>): Promise<void> {
    await m.getRepository(OpportunityEntity).update({ id }, patch);
  }

  async withdraw(id: string): Promise<void> {
    await this.ds.getRepository(OpportunityEntity).update({ id }, { status: 'WITHDRAWN' });
  }

  async deleteSkills(m: EntityManager, opportunityId: string): Promise<void> {
    await m.getRepository(OpportunitySkillEntity).delete({ opportunityId });
  }

  async insertSkills(m: EntityManager, rows: Array<Partial<OpportunitySkillEntity>>): Promise<void> {
    await m.getRepository(OpportunitySkillEntity).insert(rows);
  }

  ofOrganisation(organisationId: string): Promise<OpportunityDbRow[]> {
    return this.sql.rows<OpportunityDbRow>(
      'SELECT * FROM opportunities WHERE organisation_id = $1 AND source_id IS NULL ORDER BY created_at DESC',
      [organisationId],
    );
  }

  async byId(id: string): Promise<OpportunityDbRow | null> {
    const row = await this.sql.one<OpportunityDbRow>('SELECT * FROM opportunities WHERE id = $1', [id]);
    return row ?? null;
  }

  /** Which of these skill ids exist. */
  async knownSkillIds(m: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows = await new Sql(m).rows<{ id: string }>('SELECT id FROM skills WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** Kind and status of a listing (public facts), or null. */
  async kindOf(id: string): Promise<{ kind: string } | null> {
    const row = await this.sql.one<{ kind: string }>('SELECT kind FROM opportunities WHERE id = $1', [id]);
    return row ?? null;
  }

  /** The skills a course teaches. */
  async taughtSkillIds(opportunityId: string): Promise<string[]> {
    const rows = await this.sql.rows<{ skillId: string }>(
      `SELECT skill_id AS "skillId" FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'TAUGHT'`,
      [opportunityId],
    );
    return rows.map((r) => r.skillId);
  }
}
