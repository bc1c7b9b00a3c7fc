import { Injectable } from '@nestjs/common';
import { AuthUser } from '@skillpath/auth';
import { notFound } from '@skillpath/common';
import { AuditService } from '@skillpath/journey';
import { OrganisationDataRepository } from './organisation-data.repository';

/**
 * The right of access for staff accounts (employers, providers, partnerships): everything held about
 * the account and its organisations, as JSON. Learners have `exportMyData`.
 */
@Injectable()
export class OrganisationDataService {
  constructor(
    private readonly repo: OrganisationDataRepository,
    private readonly audit: AuditService,
  ) {}

  async export(user: AuthUser): Promise<Record<string, unknown>> {
    const account = await this.repo.account(user.id);
    if (!account) throw notFound('Your account no longer exists.');
    const organisations = [];
    for (const m of await this.repo.memberships(user.id)) {
      organisations.push({ ...m, ...(await this.repo.organisation(m.organisationId)) });
    }
    const data = {
      exportedAt: new Date().toISOString(),
      account,
      organisations,
      actionsOnLearnersData: await this.repo.actions(user.id),
    };
    await this.audit.record({
      actorUserId: user.id,
      actorRole: user.role,
      subjectUserId: user.id,
      action: 'EXPORT',
      reason: `${user.role.toLowerCase()} exported their data`,
    });
    return data;
  }
}
