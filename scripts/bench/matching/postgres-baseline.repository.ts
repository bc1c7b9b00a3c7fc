import type { ClientBase } from 'pg';

/**
 * The matching benchmark's PostgreSQL-alone baseline: a `vacancy` table (skill codes as an int array,
 * a GIN index) in a scratch database, and the best top-50 query it can answer, to set beside the engine.
 */
export class PostgresBaselineRepository {
  constructor(private readonly pg: ClientBase) {}

  async createTable(): Promise<void> {
    await this.pg.query(
      'CREATE TABLE vacancy (id int PRIMARY KEY, skills int[] NOT NULL, lat float8, lon float8)',
    );
  }

  /** `skills` as int-array literals (`{1,2,3}`), one per id. */
  async insertVacancies(
    ids: number[],
    skills: string[],
    lats: (number | null)[],
    lons: (number | null)[],
  ): Promise<void> {
    await this.pg.query(
      'INSERT INTO vacancy SELECT id, s::int[], lat, lon FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[]) AS t(id, s, lat, lon)',
      [ids, skills, lats, lons],
    );
  }

  async indexAndAnalyse(): Promise<void> {
    await this.pg.query('CREATE INDEX vacancy_skills ON vacancy USING gin (skills)');
    await this.pg.query('CREATE INDEX vacancy_lat ON vacancy (lat, lon)');
    await this.pg.query('ANALYZE vacancy');
  }

  /**
   * The 50 vacancies sharing most weighted skills with the learner within 25 km (a bounding box on the
   * index, then the haversine distance), as the engine's top-50 ranks them.
   */
  async top50(
    codes: number[],
    weights: number[],
    lat: number,
    lon: number,
    dLat: number,
    dLon: number,
  ): Promise<void> {
    await this.pg.query(
      `SELECT v.id, (SELECT sum(q.w) FROM unnest(v.skills) s JOIN unnest($1::int[], $2::float8[]) AS q(skill, w) ON q.skill = s) / cardinality(v.skills) AS score
         FROM vacancy v
        WHERE v.skills && $1::int[]
          AND (v.lat IS NULL OR (v.lat BETWEEN $3::float8 - $5::float8 AND $3::float8 + $5::float8 AND v.lon BETWEEN $4::float8 - $6::float8 AND $4::float8 + $6::float8
               AND 2 * 6371.0088 * asin(sqrt(sin(radians(v.lat - $3::float8) / 2) ^ 2 + cos(radians($3::float8)) * cos(radians(v.lat)) * sin(radians(v.lon - $4::float8) / 2) ^ 2)) <= 25))
        ORDER BY score DESC, v.id LIMIT 50`,
      [codes, weights, lat, lon, dLat, dLon],
    );
  }
}
