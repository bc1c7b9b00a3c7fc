import { Injectable } from '@nestjs/common';
import { badInput, checkPageSize } from '@skillpath/common';
import type { OccupationRow } from '../catalogue.rows';
import { OccupationsRepository } from './occupations.repository';

/** Target roles, searched by title: the rules on a public search. */
@Injectable()
export class OccupationsService {
  constructor(private readonly occupations: OccupationsRepository) {}

  search(search: string | null | undefined, first: number): Promise<OccupationRow[]> {
    checkPageSize(first);
    // Public and matched with ILIKE against every alternative label: a long search costs, finds nothing.
    if (search && search.length > 100) throw badInput('search must be at most 100 characters');
    const term = search?.trim();
    return term ? this.occupations.search(term, first) : this.occupations.list(first);
  }
}
