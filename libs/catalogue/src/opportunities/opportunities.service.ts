import { Inject, Injectable } from '@nestjs/common';
import { badInput, isUuid } from '@skillpath/common';
import type { OpportunityRow } from '../catalogue.rows';
import { GEOCODER, PostcodeLookup } from '../geocoding/postcode-lookup';
import type { OpportunityFilter } from '../graphql/catalogue.models';
import {
  MAX_PAGE_SIZE,
  MAX_RADIUS_KM,
  OpportunitiesRepository,
  OpportunityPage,
  SearchPoint,
} from './opportunities.repository';

/** Finding listings: the rules on a search (page size, radius, where "near" is) and one listing by id. */
@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly opportunities: OpportunitiesRepository,
    @Inject(GEOCODER) private readonly geocoder: PostcodeLookup,
  ) {}

  async search(
    filter: OpportunityFilter | null | undefined,
    first: number,
    after?: string,
  ): Promise<OpportunityPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${first})`);
    }
    const near = filter?.near ? await this.resolvePoint(filter.near) : undefined;
    return this.opportunities.search({
      kinds: filter?.kinds,
      modes: filter?.modes,
      fundedOnly: filter?.fundedOnly,
      skillIds: filter?.skillIds,
      text: filter?.text,
      near,
      first,
      after,
    });
  }

  /** An opportunity by id, whatever its status; undefined for an unknown or malformed id. */
  async byId(id: string): Promise<OpportunityRow | undefined> {
    return isUuid(id) ? this.opportunities.byId(id) : undefined;
  }

  private async resolvePoint(near: NonNullable<OpportunityFilter['near']>): Promise<SearchPoint> {
    const { radiusKm } = near;
    if (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
      throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM} (got ${radiusKm})`);
    }
    const includeOnline = !!near.includeOnline;
    if (near.postcode) {
      const place = await this.geocoder.lookup(near.postcode);
      return { latitude: place.latitude, longitude: place.longitude, radiusKm, includeOnline };
    }
    if (
      near.latitude === undefined ||
      near.longitude === undefined ||
      near.latitude === null ||
      near.longitude === null
    ) {
      throw badInput('near needs a postcode, or both latitude and longitude');
    }
    return { latitude: near.latitude, longitude: near.longitude, radiusKm, includeOnline };
  }
}
