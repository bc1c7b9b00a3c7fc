import { Client } from 'pg';
import { RegionBoroughs } from '@skillpath/catalogue';
import { DemoData, DemoFunding } from './demo-data.types';
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
  try {
    await c.query('BEGIN');
    const skillId = new Map<string, string>();
    for (const s of data.skills) {
      const conflict = s.uri ? '(uri)' : '(code)';
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO skills (code, uri, label, alt_labels, type, description, digital, essential_digital)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ${conflict} DO UPDATE SET code = EXCLUDED.code, essential_digital = EXCLUDED.essential_digital,
           digital = skills.digital OR EXCLUDED.digital,
           alt_labels = ARRAY(SELECT DISTINCT unnest(skills.alt_labels || EXCLUDED.alt_labels)), updated_at = now()
         RETURNING id`,
        [
          s.code,
          s.uri ?? null,
          s.label,
          s.altLabels,
          s.type,
          s.description ?? null,
          s.digital || s.essentialDigital,
          s.essentialDigital,
        ],
      );
      skillId.set(s.code, rows[0].id);
    }
    for (const s of data.skills) {
      if (s.broader)
        await c.query('UPDATE skills SET broader_id = $2 WHERE id = $1', [
          skillId.get(s.code),
          skillId.get(s.broader),
        ]);
    }
    const occupationId = new Map<string, string>();
    for (const o of data.occupations) {
      const conflict = o.uri ? '(uri)' : '(code)';
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO occupations (code, uri, title, description, featured) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT ${conflict} DO UPDATE SET code = EXCLUDED.code, featured = true, title = EXCLUDED.title,
           description = EXCLUDED.description, updated_at = now()
         RETURNING id`,
        [o.code, o.uri ?? null, o.title, o.description],
      );
      occupationId.set(o.code, rows[0].id);
      // The region's curated requirements replace the generic ones for featured roles.
      await c.query('DELETE FROM occupation_skills WHERE occupation_id = $1', [rows[0].id]);
      for (const [relation, list] of [
        ['essential', o.essential],
        ['optional', o.optional],
      ] as const) {
        for (const sl of list) {
          await c.query(
            `INSERT INTO occupation_skills (occupation_id, skill_id, relation, level) VALUES ($1, $2, $3, $4)
             ON CONFLICT (occupation_id, skill_id) DO UPDATE SET relation = EXCLUDED.relation, level = EXCLUDED.level`,
            [rows[0].id, skillId.get(sl.skill), relation, sl.level],
          );
        }
      }
    }
    const orgId = new Map<string, string>();
    for (const o of data.organisations) {
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO organisations (code, name, kind, borough) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [o.code, o.name, o.kind, o.borough],
      );
      orgId.set(o.code, rows[0].id);
    }
    const orgName = new Map(data.organisations.map((o) => [o.code, o.name]));
    const region = new RegionBoroughs(data.postcodeDistricts);
    const oppId = new Map<string, string>();
    for (const o of data.opportunities) {
      const f = funding(o.funding);
      const existing = await c.query<{ id: string }>(
        'SELECT id FROM opportunities WHERE source_id IS NULL AND source_ref = $1',
        [`demo:${o.ref}`],
      );
      if (existing.rows[0]) {
        oppId.set(o.ref, existing.rows[0].id);
        continue;
      }
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO opportunities (kind, title, description, organisation_id, organisation_name, mode, postcode, latitude, longitude,
           hours_per_week, duration_weeks, total_hours, cost_pence, rqf_level, start_date, closing_date, url, wage_pence_per_year,
           funding, funded_available, step_free, needs_own_device, occupation_id, source_ref, borough, entitlements)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26) RETURNING id`,
        [
          o.kind,
          o.title,
          o.description,
          orgId.get(o.organisation) ?? null,
          orgName.get(o.organisation) ?? o.organisation,
          o.mode,
          o.postcode,
          o.latitude,
          o.longitude,
          o.hoursPerWeek,
          o.durationWeeks,
          o.totalHours,
          o.costPence,
          o.rqfLevel,
          o.startDate,
          o.closingDate ? `${o.closingDate}T23:59:59Z` : null,
          o.url,
          o.wagePencePerYear,
          f ? JSON.stringify(f) : null,
          o.costPence === 0 || (f !== null && f.fundedCostPence === 0),
          o.stepFree,
          o.needsOwnDevice,
          o.occupation ? (occupationId.get(o.occupation) ?? null) : null,
          `demo:${o.ref}`,
          region.boroughOf(o.postcode),
          o.entitlements ?? [],
        ],
      );
      oppId.set(o.ref, rows[0].id);
      for (const [role, list] of [
        ['TAUGHT', o.skillsTaught],
        ['REQUIRED', o.skillsRequired],
      ] as const) {
        for (const sl of list) {
          await c.query(
            `INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [rows[0].id, skillId.get(sl.skill), role, sl.level],
          );
        }
      }
    }
    let accreditations = 0;
    for (const a of data.accreditations) {
      const opportunity = oppId.get(a.course);
      const employer = orgId.get(a.employer);
      if (!opportunity || !employer) continue;
      const found = await c.query(
        'SELECT 1 FROM accreditations WHERE opportunity_id = $1 AND employer_id = $2',
        [opportunity, employer],
      );
      if (found.rowCount) continue;
      await c.query(
        `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status, valid_from, valid_to, guaranteed_interview)
         VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6)`,
        [
          opportunity,
          employer,
          a.skills.map((s) => skillId.get(s)),
          a.validFrom,
          a.validTo,
          a.guaranteedInterview,
        ],
      );
      accreditations++;
    }
    // Common skills rank first in search: count how often roles and jobs ask for each.
    await c.query(
      `UPDATE skills s SET popularity = sub.n FROM (
         SELECT skill_id, count(*)::int AS n FROM (
           SELECT skill_id FROM occupation_skills UNION ALL SELECT skill_id FROM opportunity_skills WHERE role = 'REQUIRED') x
         GROUP BY skill_id) sub
       WHERE s.id = sub.skill_id AND s.popularity < sub.n`,
    );
    await c.query('COMMIT');
    const kinds = new Map<string, number>();
    for (const o of data.opportunities) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
    return (
      `${data.skills.length} skills, ${data.occupations.length} occupations, ${data.organisations.length} organisations, ` +
      [...kinds].map(([k, n]) => `${n} ${k.toLowerCase()}`).join(', ') +
      `, ${accreditations} accreditations`
    );
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}
