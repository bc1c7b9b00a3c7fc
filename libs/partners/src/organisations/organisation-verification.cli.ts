import type { DataSource } from 'typeorm';
import type { OrganisationEntity } from '@skillpath/persistence';
import { OrganisationAccess } from './organisation-access.service';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

export interface OrgVerifyOptions {
  id?: string;
  name?: string;
  reject?: boolean;
  reason?: string;
}

/**
 * `npm run cli -- org:verify --id|--name … [--reject --reason …]`: the operator verifies or rejects an
 * organisation through the same service (rules and audit entry) as the `verifyOrganisation` mutation.
 * The audit entry's actor is the command line (no account). `announce` tells the running APIs which
 * courses' ranking changed.
 */
export async function verifyOrganisationFromCli(
  ds: DataSource,
  o: OrgVerifyOptions,
  announce: (courseIds: string[]) => Promise<void>,
): Promise<OrganisationEntity> {
  if (!!o.id === !!o.name)
    throw new Error('give the organisation as --id <uuid> or --name "<exact name>" (one of them)');
  if (o.reject && !o.reason) throw new Error('--reject needs --reason "<why>" (the organisation is told it)');
  if (!o.reject && o.reason) throw new Error('--reason goes with --reject');
  const repo = new OrganisationsRepository(ds);
  let id = o.id;
  if (o.name) {
    const found = await repo.byName(o.name);
    if (!found.length) throw new Error(`no organisation is named "${o.name}"`);
    if (found.length > 1)
      throw new Error(
        `${found.length} organisations are named "${o.name}": choose one with --id (${found.map((f) => `${f.id} ${f.kind} ${f.verification}`).join('; ')})`,
      );
    id = found[0].id;
  }
  const service = new OrganisationsService(new OrganisationAccess(repo), repo, {
    changed: (ids) => announce(ids),
  });
  const cli = { id: null, role: 'ADMIN' };
  return o.reject
    ? service.reject(cli, id!, o.reason!)
    : service.verify(cli, id!, 'verified from the command line');
}
