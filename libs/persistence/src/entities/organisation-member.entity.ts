import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

export type OrganisationRole = 'OWNER' | 'MEMBER';

/** A user acting for an organisation; owners may invite others. */
@Entity('organisation_members')
export class OrganisationMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @Index() @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) role!: OrganisationRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
