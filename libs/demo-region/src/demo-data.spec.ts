import { haversineKm, parsePostcode } from '@skillpath/catalogue';
import { GM_BOROUGHS, LEARNING_KINDS, type DemoOpportunity, type DemoSkillLevel } from './demo-data.types';
import {
  DEMO_REFERENCE_DATE,
  DEMO_UNREACHABLE_OCCUPATION,
  DEMO_UNTAUGHT_SKILL,
  GREATER_MANCHESTER_BOUNDS,
} from './demo-region.constants';
import { missingEssentials, reachableSkills } from './demo-reachability';
import { loadDemoData } from './load-demo-data';

const data = loadDemoData();
const skillCodes = new Set(data.skills.map((s) => s.code));
const orgByCode = new Map(data.organisations.map((o) => [o.code, o]));
const districtByOutward = new Map(data.postcodeDistricts.map((d) => [d.outward, d]));
const occupationCodes = new Set(data.occupations.map((o) => o.code));
const learning = data.opportunities.filter((o) => LEARNING_KINDS.includes(o.kind));
const vacancies = data.opportunities.filter((o) => o.kind === 'VACANCY');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);
const allSkillLevels = (): DemoSkillLevel[] => [
  ...data.occupations.flatMap((o) => [...o.essential, ...o.optional]),
  ...data.opportunities.flatMap((o) => [...o.skillsTaught, ...o.skillsRequired]),
];

describe('demo region: counts', () => {
  it('has at least 150 skills, 30 occupations, 120 learning opportunities and 250 vacancies', () => {
    expect(data.skills.length).toBeGreaterThanOrEqual(150);
    expect(data.occupations).toHaveLength(30);
    expect(learning.length).toBeGreaterThanOrEqual(120);
    expect(vacancies.length).toBeGreaterThanOrEqual(250);
    expect(data.postcodeDistricts.length).toBeGreaterThanOrEqual(80);
    expect(data.accreditations.length).toBeGreaterThanOrEqual(8);
  });

  it('offers every kind of learning, from every kind of provider', () => {
    const kinds = new Set(learning.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['APPRENTICESHIP', 'BOOTCAMP', 'COURSE']);
    const providerTypes = new Set(
      learning.map((o) => orgByCode.get(o.organisation)?.providerType).filter(Boolean),
    );
    for (const type of ['COLLEGE', 'BOOTCAMP', 'COMMUNITY', 'ONLINE']) expect(providerTypes).toContain(type);
  });

  it('spreads vacancies and in-person learning across all ten boroughs', () => {
    const boroughOf = (o: DemoOpportunity) =>
      districtByOutward.get(parsePostcode(o.postcode ?? '').outward)?.borough;
    const vacancyBoroughs = new Set(vacancies.map(boroughOf));
    const learningBoroughs = new Set(learning.filter((o) => o.postcode).map(boroughOf));
    for (const borough of GM_BOROUGHS) {
      expect(vacancyBoroughs).toContain(borough);
      expect(learningBoroughs).toContain(borough);
    }
  });
});

describe('demo region: identity and references', () => {
  it('has unique skill codes, occupation codes, organisation codes, refs and outward codes', () => {
    expect(duplicates(data.skills.map((s) => s.code))).toEqual([]);
    expect(duplicates(data.occupations.map((o) => o.code))).toEqual([]);
    expect(duplicates(data.organisations.map((o) => o.code))).toEqual([]);
    expect(duplicates(data.opportunities.map((o) => o.ref))).toEqual([]);
    expect(duplicates(data.postcodeDistricts.map((d) => d.outward))).toEqual([]);
  });

  it('gives each ESCO URI to at most one skill or occupation, so an ESCO import merges cleanly', () => {
    expect(duplicates(data.skills.flatMap((s) => (s.uri ? [s.uri] : [])))).toEqual([]);
    expect(duplicates(data.occupations.flatMap((o) => (o.uri ? [o.uri] : [])))).toEqual([]);
  });

  it('uses well-formed ESCO URIs', () => {
    const skillUri = new RegExp(`^http://data\\.europa\\.eu/esco/skill/${UUID}$`);
    const occupationUri = new RegExp(`^http://data\\.europa\\.eu/esco/occupation/${UUID}$`);
    for (const skill of data.skills) if (skill.uri) expect(skill.uri).toMatch(skillUri);
    for (const occupation of data.occupations)
      if (occupation.uri) expect(occupation.uri).toMatch(occupationUri);
    expect(data.skills.filter((s) => s.uri).length).toBeGreaterThanOrEqual(120);
    expect(data.occupations.filter((o) => o.uri).length).toBeGreaterThanOrEqual(25);
  });

  it('resolves every skill code used by occupations and opportunities', () => {
    const unknown = allSkillLevels().filter((s) => !skillCodes.has(s.skill));
    expect(unknown).toEqual([]);
  });

  it('keeps every level between 1 and 5', () => {
    const bad = allSkillLevels().filter((s) => !Number.isInteger(s.level) || s.level < 1 || s.level > 5);
    expect(bad).toEqual([]);
  });

  it('has a broader hierarchy that resolves and has no cycles', () => {
    const broader = new Map(data.skills.flatMap((s) => (s.broader ? [[s.code, s.broader] as const] : [])));
    expect([...broader.values()].filter((parent) => !skillCodes.has(parent))).toEqual([]);
    for (const start of broader.keys()) {
      const seen = new Set<string>([start]);
      for (let node = broader.get(start); node; node = broader.get(node)) {
        expect(seen.has(node)).toBe(false);
        seen.add(node);
      }
    }
    expect(broader.get('python')).toBe('computer-programming');
  });

  it('has the six Essential Digital Skills areas, all digital', () => {
    const eds = data.skills.filter((s) => s.essentialDigital);
    expect(eds.map((s) => s.code).sort()).toEqual([
      'eds-communicating',
      'eds-foundation',
      'eds-handling-information',
      'eds-problem-solving',
      'eds-safe-legal-online',
      'eds-transacting',
    ]);
    expect(eds.every((s) => s.digital)).toBe(true);
  });

  it('resolves organisations and occupations referenced by opportunities', () => {
    for (const o of data.opportunities) {
      const org = orgByCode.get(o.organisation);
      expect(org).toBeDefined();
      if (o.kind === 'VACANCY' || o.kind === 'APPRENTICESHIP') {
        expect(org?.kind).toBe('EMPLOYER');
        expect(o.occupation && occupationCodes.has(o.occupation)).toBe(true);
      } else {
        expect(org?.kind).toBe('PROVIDER');
      }
    }
  });

  it('has at least one vacancy for every occupation', () => {
    const withVacancies = new Set(vacancies.map((v) => v.occupation));
    expect(data.occupations.filter((o) => !withVacancies.has(o.code)).map((o) => o.code)).toEqual([]);
  });

  it('has exactly one partnership and marks every organisation as fictional', () => {
    expect(data.organisations.filter((o) => o.kind === 'PARTNERSHIP')).toHaveLength(1);
    for (const org of data.organisations) expect(org.description).toContain('fictional');
    for (const org of data.organisations) expect(new URL(org.website).hostname).toMatch(/\.example$/);
  });

  it('has accreditations by employers of learning that teaches the skills vouched for', () => {
    const byRef = new Map(data.opportunities.map((o) => [o.ref, o]));
    for (const a of data.accreditations) {
      const course = byRef.get(a.course);
      expect(course && LEARNING_KINDS.includes(course.kind)).toBe(true);
      expect(orgByCode.get(a.employer)?.kind).toBe('EMPLOYER');
      const taught = new Set(course?.skillsTaught.map((s) => s.skill));
      expect(a.skills.filter((s) => !taught.has(s))).toEqual([]);
      expect(a.validFrom < a.validTo).toBe(true);
    }
  });
});

describe('demo region: places', () => {
  const { minLat, maxLat, minLon, maxLon } = GREATER_MANCHESTER_BOUNDS;
  const inside = (lat: number, lon: number) =>
    lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;

  it('puts every district centroid inside Greater Manchester, in one of the ten boroughs', () => {
    for (const d of data.postcodeDistricts) {
      expect(inside(d.lat, d.lon)).toBe(true);
      expect(GM_BOROUGHS).toContain(d.borough);
    }
  });

  it('gives every in-person venue and vacancy a valid postcode in a listed district, within 5 km of its centroid', () => {
    const placed = [
      ...data.opportunities.filter((o) => o.postcode !== null).map((o) => ({ ...o, what: o.ref })),
      ...data.organisations.map((o) => ({ ...o, what: o.code })),
    ];
    for (const p of placed) {
      const parsed = parsePostcode(p.postcode ?? '');
      expect(parsed.inward).not.toBeNull();
      expect(parsed.postcode).toBe(p.postcode);
      const district = districtByOutward.get(parsed.outward);
      expect(district).toBeDefined();
      if (!district || p.latitude === null || p.longitude === null)
        throw new Error(`${p.what} is not placed`);
      expect(inside(p.latitude, p.longitude)).toBe(true);
      expect(
        haversineKm(
          { latitude: p.latitude, longitude: p.longitude },
          { latitude: district.lat, longitude: district.lon },
        ),
      ).toBeLessThan(5);
    }
  });

  it('puts organisations in the borough of their postcode', () => {
    for (const org of data.organisations) {
      expect(districtByOutward.get(parsePostcode(org.postcode).outward)?.borough).toBe(org.borough);
    }
  });

  it('leaves online learning without a venue and gives in-person learning step-free information', () => {
    for (const o of data.opportunities) {
      if (o.mode === 'ONLINE' && o.kind !== 'VACANCY') {
        expect([o.postcode, o.latitude, o.longitude, o.stepFree]).toEqual([null, null, null, null]);
      } else {
        expect(o.postcode).not.toBeNull();
        expect(typeof o.stepFree).toBe('boolean');
      }
    }
  });
});

describe('demo region: dates, money and hours', () => {
  it('starts learning between December 2026 and September 2027, closing before it starts', () => {
    for (const o of data.opportunities) {
      expect(o.startDate).toMatch(ISO_DATE);
      expect(o.startDate >= '2026-12-01' && o.startDate <= '2027-09-30').toBe(true);
      if (o.closingDate) {
        expect(o.closingDate > DEMO_REFERENCE_DATE).toBe(true);
        expect(o.closingDate < o.startDate).toBe(true);
      }
    }
  });

  it('closes vacancies between December 2026 and March 2027', () => {
    for (const v of vacancies) {
      expect(v.closingDate).toMatch(ISO_DATE);
      expect((v.closingDate ?? '') >= '2026-12-01' && (v.closingDate ?? '') <= '2027-03-31').toBe(true);
    }
  });

  it('pays at least the legal minimum hourly rate (2026) for every vacancy and apprenticeship', () => {
    const nationalLivingWagePence = 1271;
    const apprenticeRatePence = 800;
    for (const o of data.opportunities.filter((x) => x.kind === 'VACANCY' || x.kind === 'APPRENTICESHIP')) {
      const hourly = (o.wagePencePerYear ?? 0) / (o.hoursPerWeek * 52);
      expect(hourly).toBeGreaterThanOrEqual(
        o.kind === 'VACANCY' ? nationalLivingWagePence : apprenticeRatePence,
      );
      expect(o.wagePencePerYear ?? 0).toBeLessThanOrEqual(70_000_00);
    }
    for (const o of data.opportunities.filter((x) => x.kind === 'COURSE' || x.kind === 'BOOTCAMP')) {
      expect(o.wagePencePerYear).toBeNull();
    }
  });

  it('has sensible costs, funding and hours', () => {
    for (const o of data.opportunities) {
      expect(Number.isInteger(o.costPence) && o.costPence >= 0).toBe(true);
      expect(o.hoursPerWeek).toBeGreaterThan(0);
      expect(o.hoursPerWeek).toBeLessThanOrEqual(40);
      if (o.funding) expect(o.funding.fundedCostPence).toBeLessThanOrEqual(o.costPence);
      if (o.durationWeeks !== null && o.totalHours !== null) {
        expect(o.totalHours).toBe(Math.round(o.hoursPerWeek * o.durationWeeks));
      }
    }
    const bootcamps = data.opportunities.filter((o) => o.kind === 'BOOTCAMP');
    expect(bootcamps.every((b) => b.funding?.fundedCostPence === 0 && b.funding.minAge === 19)).toBe(true);
    const communityCourses = learning.filter(
      (o) => orgByCode.get(o.organisation)?.providerType === 'COMMUNITY',
    );
    expect(communityCourses.every((c) => c.costPence === 0)).toBe(true);
    expect(
      data.opportunities.some((o) => o.costPence >= 5000 && o.funding === null && o.kind === 'COURSE'),
    ).toBe(true);
  });
});

describe('demo region: journeys from zero', () => {
  const fromZero = reachableSkills(data.opportunities);

  it('can take someone with no skills at all to every occupation but the deliberate one', () => {
    const blocked = data.occupations
      .map((o) => ({ occupation: o.code, missing: missingEssentials(o, fromZero) }))
      .filter((r) => r.missing.length > 0);
    expect(blocked).toEqual([
      {
        occupation: DEMO_UNREACHABLE_OCCUPATION,
        missing: [{ skill: DEMO_UNTAUGHT_SKILL, need: 3, have: 0 }],
      },
    ]);
  });

  it('teaches the untaught skill nowhere', () => {
    expect(data.opportunities.some((o) => o.skillsTaught.some((s) => s.skill === DEMO_UNTAUGHT_SKILL))).toBe(
      false,
    );
    expect(skillCodes.has(DEMO_UNTAUGHT_SKILL)).toBe(true);
  });

  it('starts at free digital-basics courses in libraries and community centres that need nothing', () => {
    const starters = learning.filter(
      (o) => o.skillsRequired.length === 0 && o.skillsTaught.some((s) => s.skill === 'eds-foundation'),
    );
    expect(starters.length).toBeGreaterThanOrEqual(10);
    expect(
      starters.some(
        (o) =>
          orgByCode.get(o.organisation)?.providerType === 'COMMUNITY' &&
          o.costPence === 0 &&
          !o.needsOwnDevice,
      ),
    ).toBe(true);
  });

  it('walks foundations → qualification → course → bootcamp → IT support job, each step unlocking the next', () => {
    const steps = [
      'crs-get-online-basics-larkfield-library',
      'crs-edsq-croal-valley-college',
      'crs-it-technical-support-l2-croal-valley-college',
      'bc-bootcamp-it-support-croal-valley-college',
    ].map((ref) => data.opportunities.find((o) => o.ref === ref) as DemoOpportunity);
    const held = new Map<string, number>();
    const meets = (required: DemoSkillLevel[]) => required.every((r) => (held.get(r.skill) ?? 0) >= r.level);
    for (const step of steps) {
      expect(step).toBeDefined();
      expect(meets(step.skillsRequired)).toBe(true);
      for (const t of step.skillsTaught) held.set(t.skill, Math.max(held.get(t.skill) ?? 0, t.level));
    }
    const itSupport = data.occupations.find((o) => o.code === 'it-support-technician');
    expect(itSupport && missingEssentials(itSupport, held)).toEqual([]);
    const reachableJobs = vacancies.filter(
      (v) => v.occupation === 'it-support-technician' && meets(v.skillsRequired),
    );
    expect(reachableJobs.length).toBeGreaterThan(0);
  });

  it('does not let the second step be taken from zero (entry requirements really chain)', () => {
    const edsq = data.opportunities.find((o) => o.ref === 'crs-edsq-croal-valley-college');
    const bootcamp = data.opportunities.find((o) => o.ref === 'bc-bootcamp-it-support-croal-valley-college');
    expect(edsq?.skillsRequired.length).toBeGreaterThan(0);
    expect(
      reachableSkills(data.opportunities.filter((o) => o.ref !== 'crs-edsq-croal-valley-college')).size,
    ).toBeGreaterThan(0);
    // Without any digital-basics starter course, nothing digital can be learned at all.
    const withoutStarters = data.opportunities.filter(
      (o) => !(o.skillsRequired.length === 0 && o.skillsTaught.some((s) => s.skill === 'eds-foundation')),
    );
    const held = reachableSkills(withoutStarters);
    expect(held.get('eds-foundation') ?? 0).toBe(0);
    expect(bootcamp?.skillsRequired.every((r) => (held.get(r.skill) ?? 0) >= r.level)).toBe(false);
  });
});
