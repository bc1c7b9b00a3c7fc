import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource } from 'typeorm';

export interface DroppedOptionRow {
  opportunityId: string;
  title: string;
  organisationName: string | null;
  droppedAt: Date;
}

/** The courses a learner dropped (on any version of their roadmap), which planning leaves out. */
@Injectable()
export class DroppedOptionsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  async list(userId: string): Promise<DroppedOptionRow[]> {
    const rows = await this.sql.rows<{
      opportunity_id: string;
      title: string;
      organisation_name: string | null;
      dropped_at: Date;
    }>(
      `SELECT s.opportunity_id, o.title, o.organisation_name, MAX(COALESCE(s.status_changed_at, r.created_at)) AS dropped_at
           FROM roadmap_steps s
           JOIN roadmaps r ON r.id = s.roadmap_id
           JOIN opportunities o ON o.id = s.opportunity_id
          WHERE r.user_id = $1 AND s.status = 'DROPPED'
          GROUP BY s.opportunity_id, o.title, o.organisation_name
          ORDER BY dropped_at DESC, o.title`,
      [userId],
    );
    return rows.map((r) => ({
      opportunityId: r.opportunity_id,
      title: r.title,
      organisationName: r.organisation_name,
      droppedAt: r.dropped_at,
    }));
  }

  /**
   * Un-drops a course on every version of the learner's roadmap (so planning may offer it again);
   * returns its title, or null when they had not dropped it.
   */
  async restore(userId: string, opportunityId: string): Promise<string | null> {
    // Through a CTE, so the driver returns plain rows (a bare UPDATE … RETURNING gives [rows, count]).
    const { restored } = await this.sql.first<{ restored: number }>(
      `WITH u AS (
         UPDATE roadmap_steps s SET status = 'PLANNED', status_changed_at = now()
           FROM roadmaps r
          WHERE r.id = s.roadmap_id AND r.user_id = $1 AND s.opportunity_id = $2 AND s.status = 'DROPPED'
         RETURNING s.id)
       SELECT count(*)::int AS restored FROM u`,
      [userId, opportunityId],
    );
    if (!restored) return null;
    const { title } = await this.sql.first<{ title: string }>(
      'SELECT title FROM opportunities WHERE id = $1',
      [opportunityId],
    );
    return title;
  }
}
