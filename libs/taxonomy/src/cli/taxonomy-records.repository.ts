import type { ClientBase } from 'pg';

export interface SkillRecordRow {
  id: string;
  uri: string | null;
  label: string;
  alt_labels: string[];
  popularity: number;
}

export interface OccupationRecordRow {
  id: string;
  uri: string | null;
  title: string;
  alt_labels: string[] | null;
  description: string | null;
  isco_group: string | null;
}

/** The taxonomy as the command-line tools read it: every skill and every occupation. */
export class TaxonomyRecordsRepository {
  constructor(private readonly client: ClientBase) {}

  async skills(): Promise<SkillRecordRow[]> {
    const result = await this.client.query<SkillRecordRow>(
      'SELECT id, uri, label, alt_labels, popularity FROM skills ORDER BY label, id',
    );
    return result.rows;
  }

  async occupations(): Promise<OccupationRecordRow[]> {
    const result = await this.client.query<OccupationRecordRow>(
      'SELECT id, uri, title, alt_labels, description, isco_group FROM occupations ORDER BY title, id',
    );
    return result.rows;
  }
}
