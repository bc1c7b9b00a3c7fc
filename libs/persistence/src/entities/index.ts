export * from './skill.entity';
export * from './occupation.entity';
export * from './occupation-skill.entity';
export * from './organisation.entity';
export * from './opportunity.entity';
export * from './opportunity-skill.entity';
export * from './accreditation.entity';
export * from './maintenance-run.entity';
export * from './user.entity';
export * from './refresh-token.entity';
import { SkillEntity } from './skill.entity';
import { OccupationEntity } from './occupation.entity';
import { OccupationSkillEntity } from './occupation-skill.entity';
import { OrganisationEntity } from './organisation.entity';
import { OpportunityEntity } from './opportunity.entity';
import { OpportunitySkillEntity } from './opportunity-skill.entity';
import { AccreditationEntity } from './accreditation.entity';
import { MaintenanceRunEntity } from './maintenance-run.entity';
import { UserEntity } from './user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

export const ALL_ENTITIES = [
  SkillEntity,
  OccupationEntity,
  OccupationSkillEntity,
  OrganisationEntity,
  OpportunityEntity,
  OpportunitySkillEntity,
  AccreditationEntity,
  MaintenanceRunEntity,
  UserEntity,
  RefreshTokenEntity,
];
