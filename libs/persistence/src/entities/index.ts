export * from './skill.entity';
export * from './skill-vector-set.entity';
export * from './occupation.entity';
export * from './occupation-skill.entity';
export * from './organisation.entity';
export * from './opportunity.entity';
export * from './opportunity-skill.entity';
export * from './opportunity-sighting.entity';
export * from './accreditation.entity';
export * from './maintenance-run.entity';
export * from './user.entity';
export * from './refresh-token.entity';
export * from './account-token.entity';
export * from './audit-log.entity';
export * from './source.entity';
export * from './source-run.entity';
export * from './quarantined-record.entity';
export * from './source-page-digest.entity';
export * from './notification.entity';
export * from './roadmap-step.entity';
export * from './roadmap.entity';
export * from './learner-skill.entity';
export * from './learner-profile.entity';
export * from './organisation-member.entity';
export * from './organisation-invitation.entity';
export * from './course-participation.entity';
export * from './credential.entity';
export * from './expression-of-interest.entity';
export * from './cohort.entity';
export * from './learner-outcome.entity';
export * from './organisation-audit.entity';
export * from './participation-request.entity';
import { OrganisationMemberEntity } from './organisation-member.entity';
import { OrganisationInvitationEntity } from './organisation-invitation.entity';
import { CourseParticipationEntity } from './course-participation.entity';
import { CredentialEntity } from './credential.entity';
import { ExpressionOfInterestEntity } from './expression-of-interest.entity';
import { CohortEntity, CohortMemberEntity } from './cohort.entity';
import { LearnerOutcomeEntity } from './learner-outcome.entity';
import { SkillEntity } from './skill.entity';
import { OccupationEntity } from './occupation.entity';
import { OccupationSkillEntity } from './occupation-skill.entity';
import { OrganisationEntity } from './organisation.entity';
import { OpportunityEntity } from './opportunity.entity';
import { OpportunitySkillEntity } from './opportunity-skill.entity';
import { OpportunitySightingEntity } from './opportunity-sighting.entity';
import { AccreditationEntity } from './accreditation.entity';
import { MaintenanceRunEntity } from './maintenance-run.entity';
import { UserEntity } from './user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { AccountTokenEntity } from './account-token.entity';
import { LearnerProfileEntity } from './learner-profile.entity';
import { LearnerSkillEntity } from './learner-skill.entity';
import { RoadmapEntity } from './roadmap.entity';
import { RoadmapStepEntity } from './roadmap-step.entity';
import { NotificationEntity } from './notification.entity';
import { AuditLogEntity } from './audit-log.entity';
import { SourceEntity } from './source.entity';
import { SourceRunEntity } from './source-run.entity';
import { QuarantinedRecordEntity } from './quarantined-record.entity';
import { SourcePageDigestEntity } from './source-page-digest.entity';
import { OrganisationAuditEntity } from './organisation-audit.entity';
import { ParticipationRequestEntity } from './participation-request.entity';
import { SkillVectorSetEntity } from './skill-vector-set.entity';

export const ALL_ENTITIES = [
  SkillEntity,
  OccupationEntity,
  OccupationSkillEntity,
  OrganisationEntity,
  OpportunityEntity,
  OpportunitySkillEntity,
  OpportunitySightingEntity,
  AccreditationEntity,
  MaintenanceRunEntity,
  UserEntity,
  RefreshTokenEntity,
  AccountTokenEntity,
  LearnerProfileEntity,
  LearnerSkillEntity,
  RoadmapEntity,
  RoadmapStepEntity,
  NotificationEntity,
  AuditLogEntity,
  SourceEntity,
  SourceRunEntity,
  QuarantinedRecordEntity,
  SourcePageDigestEntity,
  OrganisationMemberEntity,
  OrganisationInvitationEntity,
  CourseParticipationEntity,
  CredentialEntity,
  ExpressionOfInterestEntity,
  CohortEntity,
  CohortMemberEntity,
  LearnerOutcomeEntity,
  OrganisationAuditEntity,
  ParticipationRequestEntity,
  SkillVectorSetEntity,
];
