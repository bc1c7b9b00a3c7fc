import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Sql } from '@skillpath/persistence';
import { OccupationRow, OccupationSkillRow } from '../catalogue.rows';

const likeEscape = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/** The `occupations` table and their skills. */
@Injectable()
export class OccupationsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** Featured roles first, then title or alternative-label matches (prefix matches before others). */
  search(term: string, first: number): Promise<OccupationRow[]> {
    return this.sql.rows<OccupationRow>(
      `SELECT id, uri, title, description FROM occupations
        WHERE title ILIKE $1 OR EXISTS (SELECT 1 FROM unnest(alt_labels) a WHERE a ILIKE $1)
        ORDER BY featured DESC, (title ILIKE $2) DESC, length(title), title, id LIMIT $3`,
      [`%${likeEscape(term)}%`, `${likeEscape(term)}%`, first],
    );
  }

  list(first: number): Promise<OccupationRow[]> {
    return this.sql.rows<OccupationRow>(
      'SELECT id, uri, title, description FROM occupations ORDER BY featured DESC, title, id LIMIT $1',
      [first],
    );
  }

  /** Essential and optional skills of many occupations, most demanding level first. */
  skillsOf(occupationIds: readonly string[]): Promise<OccupationSkillRow[]> {
    return this.sql.rows<OccupationSkillRow>(
      `SELECT os.occupation_id, os.relation, os.level,
              s.id, s.uri, s.label, s.alt_labels, s.digital, s.essential_digital, s.description
         FROM occupation_skills os JOIN skills s ON s.id = os.skill_id
        WHERE os.occupation_id = ANY($1::uuid[]) ORDER BY os.level DESC, s.popularity DESC, s.label`,
      [occupationIds],
    );
  }
}
