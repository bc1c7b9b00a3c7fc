import { Module } from '@nestjs/common';
import { CatalogueLoaders } from './graphql/catalogue.loaders';
import { OccupationsResolver } from './occupations/occupations.resolver';
import { OpportunitiesResolver } from './opportunities/opportunities.resolver';
import { SkillDirectory } from './skills/skill-directory.service';
import { SkillsResolver } from './skills/skills.resolver';
import { GEOCODER, GeocoderPostcodeLookup } from './geocoding/postcode-lookup';
import { OutwardCodeGeocoder, RegionBoroughs, regionBoroughs } from './geo';
import { OccupationsRepository } from './occupations/occupations.repository';
import { OccupationsService } from './occupations/occupations.service';
import { OpportunitiesRepository } from './opportunities/opportunities.repository';
import { OpportunitiesService } from './opportunities/opportunities.service';
import { SkillsRepository } from './skills/skills.repository';

@Module({
  providers: [
    SkillsRepository,
    OccupationsRepository,
    OpportunitiesRepository,
    OccupationsService,
    OpportunitiesService,
    CatalogueLoaders,
    SkillDirectory,
    SkillsResolver,
    OccupationsResolver,
    OpportunitiesResolver,
    { provide: GEOCODER, useFactory: () => new GeocoderPostcodeLookup(new OutwardCodeGeocoder()) },
    { provide: RegionBoroughs, useFactory: regionBoroughs },
  ],
  exports: [SkillDirectory, CatalogueLoaders, GEOCODER, RegionBoroughs],
})
export class CatalogueModule {}
