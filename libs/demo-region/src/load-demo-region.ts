import { Client } from 'pg';
import { RegionBoroughs } from '@skillpath/catalogue';
import { DemoData, DemoFunding } from './demo-data.types';
import { DemoRegionRepository } from './demo-region.repository';
import { loadDemoData } from './load-demo-data';

function funding(f: DemoFunding | null) {
  return f ?? null;
}

/**
 * Loads the Greater Manchester demo region (written for Skillpath; fictional organisations) in one
 * transaction. Skills and occupations merge by ESCO URI with anything already imported; listings
 * are keyed by their demo reference, so loading twice changes nothing.
 */
export async function loadDemoRegion(databaseUrl: string, data: DemoData = loadDemoData()): Promise<string> {
  const c = new Client({ connectionString: databaseUrl, application_name: 'skillpath-demo-seed' });
  await c.connect();
  const db = new DemoRegionRepository(c);
  try {
    await db.begin();
    const skillId = new Map<string, string>();
    for (const s of data.skills) skillId.set(s.code, await db.upsertSkill(s));
    for (const s of data.skills) {
      if (s.broader) await db.setBroader(skillId.get(s.code), skillId.get(s.broader));
    }
    const occupationId = new Map<string, string>();
    for (const o of data.occupations) {
      const id = await db.upsertOccupation(o);
      occupationId.set(o.code, id);
      // The region's curated requirements replace the generic ones for featured roles.
      await db.clearOccupationSkills(id);
      for (const [relation, list] of [
        ['essential', o.essential],
        ['optional', o.optional],
      ] as const) {
        for (const sl of list) await db.upsertOccupationSkill(id, skillId.get(sl.skill), relation, sl.level);
      }
    }
    const orgId = new Map<string, string>();
    for (const o of data.organisations) orgId.set(o.code, await db.upsertOrganisation(o));
    const orgName = new Map(data.organisations.map((o) => [o.code, o.name]));
    const region = new RegionBoroughs(data.postcodeDistricts);
    const oppId = new Map<string, string>();
    for (const o of data.opportunities) {
      const existing = await db.listingId(o.ref);
      if (existing) {
        oppId.set(o.ref, existing);
        continue;
      }
      const id = await db.insertListing(o, funding(o.funding), {
        organisationId: orgId.get(o.organisation) ?? null,
        organisationName: orgName.get(o.organisation) ?? o.organisation,
        occupationId: o.occupation ? (occupationId.get(o.occupation) ?? null) : null,
        borough: region.boroughOf(o.postcode),
      });
      oppId.set(o.ref, id);
      for (const [role, list] of [
        ['TAUGHT', o.skillsTaught],
        ['REQUIRED', o.skillsRequired],
      ] as const) {
        for (const sl of list) await db.linkListingSkill(id, skillId.get(sl.skill), role, sl.level);
      }
    }
    let accreditations = 0;
    for (const a of data.accreditations) {
      const opportunity = oppId.get(a.course);
      const employer = orgId.get(a.employer);
      if (!opportunity || !employer) continue;
      if (await db.hasAccreditation(opportunity, employer)) continue;
      await db.insertAccreditation(
        opportunity,
        employer,
        a.skills.map((s) => skillId.get(s)),
        a,
      );
      accreditations++;
    }
    await db.refreshSkillPopularity();
    await db.commit();
    const kinds = new Map<string, number>();
    for (const o of data.opportunities) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
    return (
      `${data.skills.length} skills, ${data.occupations.length} occupations, ${data.organisations.length} organisations, ` +
      [...kinds].map(([k, n]) => `${n} ${k.toLowerCase()}`).join(', ') +
      `, ${accreditations} accreditations`
    );
  } catch (e) {
    await db.rollback().catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}
