/**
 * Writes the Greater Manchester demo region into libs/demo-region/data/*.json from the
 * hand-written sources in ./sources. Deterministic: the same sources give byte-identical files.
 *
 *   node -r @swc-node/register scripts/demo/generate-demo-data.ts
 *
 * The region's postcode districts (libs/catalogue/region/postcode-districts.json) are hand-maintained and only read here. ESCO URIs come from
 * esco-uris.json (written by resolve-esco-uris.ts), so the ESCO release is not needed.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type {
  DemoAccreditation,
  DemoDeliveryMode,
  DemoOccupation,
  DemoOpportunity,
  DemoOrganisation,
  DemoPostcodeDistrict,
  DemoSkill,
  DemoSkillLevel,
  ProficiencyLevel,
} from '@skillpath/demo-region';
import { loadPostcodeDistricts } from '@skillpath/catalogue';
import { SeededRandom } from '../../libs/matching/src/testing/seeded-random';
import { SKILL_SOURCES } from './sources/skills.source';
import { OCCUPATION_SOURCES, levels } from './sources/occupations.source';
import { ORGANISATION_SOURCES, type OrganisationSource } from './sources/organisations.source';
import { LEARNING_TEMPLATES, type LearningTemplate } from './sources/learning.source';
import { VACANCY_TEMPLATES } from './sources/vacancies.source';

const DATA_DIR = join(__dirname, '../../libs/demo-region/data');
const KM_PER_DEGREE_LAT = 111.32;
/** Letters allowed in the last two places of a UK postcode. */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

interface EscoUris {
  skills: Record<string, { uri: string }>;
  occupations: Record<string, { uri: string }>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Pretty JSON, with each { skill, level } pair kept on one line so the files stay readable. */
function writeJson(name: string, data: unknown): void {
  const text = JSON.stringify(data, null, 2).replace(
    /\{\n\s+"skill": ("[^"]+"),\n\s+"level": (\d)\n\s+\}/g,
    '{ "skill": $1, "level": $2 }',
  );
  writeFileSync(join(DATA_DIR, name), text + '\n');
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}

/** Mondays from `from` to `to` inclusive. */
function mondays(from: string, to: string): string[] {
  const out: string[] = [];
  let day = from;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  for (; day <= to; day = addDays(day, 7)) out.push(day);
  return out;
}

class DistrictTable {
  private readonly byOutward = new Map<string, DemoPostcodeDistrict>();

  constructor(readonly all: DemoPostcodeDistrict[]) {
    for (const district of all) this.byOutward.set(district.outward, district);
  }

  get(outward: string): DemoPostcodeDistrict {
    const district = this.byOutward.get(outward);
    if (!district) throw new Error(`unknown district ${outward}`);
    return district;
  }

  inBorough(borough: string): DemoPostcodeDistrict[] {
    return this.all.filter((d) => d.borough === borough);
  }
}

interface Place {
  postcode: string;
  latitude: number;
  longitude: number;
}

/** A made-up but well-formed full postcode in the district, placed within 1.5 km of its centroid. */
function placeIn(district: DemoPostcodeDistrict, random: SeededRandom): Place {
  const inward = `${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
  const distanceKm = 1.5 * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const dLat = (distanceKm * Math.cos(bearing)) / KM_PER_DEGREE_LAT;
  const dLon =
    (distanceKm * Math.sin(bearing)) / (KM_PER_DEGREE_LAT * Math.cos((district.lat * Math.PI) / 180));
  return {
    postcode: `${district.outward} ${inward}`,
    latitude: round5(district.lat + dLat),
    longitude: round5(district.lon + dLon),
  };
}

function buildSkills(esco: EscoUris): DemoSkill[] {
  return SKILL_SOURCES.map((source) => {
    const uri = source.esco ? esco.skills[source.esco]?.uri : undefined;
    if (source.esco && !uri)
      throw new Error(`ESCO label "${source.esco}" not resolved; run resolve-esco-uris.ts`);
    const skill: DemoSkill = {
      code: source.code,
      ...(uri ? { uri } : {}),
      label: source.label,
      altLabels: source.alt ?? [],
      type: source.type,
      digital: source.digital,
      essentialDigital: source.essentialDigital ?? false,
      ...(source.broader ? { broader: source.broader } : {}),
      ...(source.description ? { description: source.description } : {}),
    };
    return skill;
  });
}

function buildOccupations(esco: EscoUris): DemoOccupation[] {
  return OCCUPATION_SOURCES.map((source) => {
    const uri = source.esco ? esco.occupations[source.esco]?.uri : undefined;
    if (source.esco && !uri) throw new Error(`ESCO occupation "${source.esco}" not resolved`);
    return {
      code: source.code,
      ...(uri ? { uri } : {}),
      title: source.title,
      description: source.description,
      essential: source.essential,
      optional: source.optional,
    };
  });
}

interface OrganisationSite {
  organisation: DemoOrganisation;
  source: OrganisationSource;
  stepFree: boolean;
}

function buildOrganisations(districts: DistrictTable): OrganisationSite[] {
  return ORGANISATION_SOURCES.map((source) => {
    const random = SeededRandom.fromString(`org:${source.code}`);
    const district = districts.get(source.district);
    const place = placeIn(district, random);
    const organisation: DemoOrganisation = {
      code: source.code,
      name: source.name,
      kind: source.kind,
      ...(source.providerType ? { providerType: source.providerType } : {}),
      ...(source.sectors ? { sector: source.sectors[0] } : {}),
      borough: district.borough,
      postcode: place.postcode,
      latitude: place.latitude,
      longitude: place.longitude,
      website: `https://${source.code}.example`,
      description: `${source.description} (A fictional organisation created for the Skillpath demo.)`,
    };
    // Most public venues are step-free; a few older buildings are not.
    const stepFree = source.providerType === 'COMMUNITY' ? random.chance(0.85) : random.chance(0.8);
    return { organisation, source, stepFree };
  });
}

const COURSE_STARTS = mondays('2026-12-07', '2027-09-27');
const ACADEMIC_YEAR_STARTS = ['2027-01-11', '2027-04-19', '2027-09-06', '2027-09-13'];

function pickStart(template: LearningTemplate, random: SeededRandom): string {
  if (template.kind === 'APPRENTICESHIP') return random.pick(ACADEMIC_YEAR_STARTS);
  return random.pick(COURSE_STARTS);
}

const APPRENTICESHIP_TRAINER: Record<string, string> = {
  manufacturing: 'forgeline-training',
  digital: 'carrow-digital',
};

function modeSentence(mode: DemoDeliveryMode, place: string): string {
  switch (mode) {
    case 'ONLINE':
      return 'Taught live online, so you can join from anywhere.';
    case 'HYBRID':
      return `A mix of online sessions and classes in ${place}.`;
    case 'IN_PERSON':
      return `Classes are held in person in ${place}.`;
  }
}

function buildLearning(sites: Map<string, OrganisationSite>, districts: DistrictTable): DemoOpportunity[] {
  const out: DemoOpportunity[] = [];
  const refs = new Set<string>();
  const prefix = { COURSE: 'crs', BOOTCAMP: 'bc', APPRENTICESHIP: 'appr' } as const;
  for (const template of LEARNING_TEMPLATES) {
    for (const run of template.runs) {
      const site = sites.get(run.org);
      if (!site) throw new Error(`${template.key}: unknown organisation ${run.org}`);
      const mode = run.mode ?? template.mode;
      let ref = `${prefix[template.kind]}-${template.key}-${run.org}`;
      if (refs.has(ref)) ref = `${ref}-${mode.toLowerCase().replace('_', '-')}`;
      if (refs.has(ref)) throw new Error(`duplicate ref ${ref}`);
      refs.add(ref);

      const random = SeededRandom.fromString(ref);
      const startDate = run.start ?? pickStart(template, random);
      const org = site.organisation;
      const town = districts.get(site.source.district).borough;
      const hasVenue = mode !== 'ONLINE';
      let description = `${template.description} ${modeSentence(mode, `${town} (${org.name})`)}`;
      if (template.kind === 'APPRENTICESHIP') {
        const trainer = sites.get(
          APPRENTICESHIP_TRAINER[site.source.sectors?.[0] ?? ''] ?? 'northway-apprenticeships',
        );
        description = `${template.description} You will be employed by ${org.name} in ${town}, with off-the-job training from ${trainer?.organisation.name}.`;
      }
      const isApprenticeship = template.kind === 'APPRENTICESHIP';
      const closingDate = addDays(startDate, isApprenticeship ? -random.int(28, 56) : -7);
      out.push({
        ref,
        kind: template.kind,
        title: template.title,
        description,
        organisation: org.code,
        mode,
        postcode: hasVenue ? org.postcode : null,
        latitude: hasVenue ? org.latitude : null,
        longitude: hasVenue ? org.longitude : null,
        hoursPerWeek: template.hoursPerWeek,
        durationWeeks: template.durationWeeks,
        totalHours: Math.round(template.hoursPerWeek * template.durationWeeks),
        costPence: template.costPence,
        rqfLevel: template.rqfLevel,
        startDate,
        closingDate: closingDate > '2026-11-22' ? closingDate : '2026-11-30',
        url: `${org.website}/${isApprenticeship ? 'apprenticeships' : 'courses'}/${ref}`,
        wagePencePerYear: template.wagePounds ? template.wagePounds * 100 : null,
        funding: template.funding,
        stepFree: hasVenue ? site.stepFree : null,
        needsOwnDevice: template.needsOwnDevice,
        skillsTaught: levels(template.teaches),
        skillsRequired: levels(template.requires),
        ...(template.occupation ? { occupation: template.occupation } : {}),
      });
    }
  }
  return out;
}

const lowerBy = (items: DemoSkillLevel[], by: number): DemoSkillLevel[] =>
  items.map(({ skill, level }) => ({ skill, level: Math.max(1, level - by) as ProficiencyLevel }));

/** National Living Wage for 21 and over from April 2026. */
const NATIONAL_LIVING_WAGE_POUNDS_PER_HOUR = 12.71;

const BENEFITS = [
  '25 days\u2019 holiday plus bank holidays and a workplace pension.',
  'Free parking, a pension and paid training towards qualifications.',
  'Flexible start and finish times, a pension and a cycle-to-work scheme.',
  'A pension, free eye tests and a paid volunteering day every year.',
  'Paid overtime when available, a pension and an employee assistance programme.',
  'Training from day one, a pension and good public transport links.',
];

function buildVacancies(
  sites: Map<string, OrganisationSite>,
  districts: DistrictTable,
  occupations: Map<string, DemoOccupation>,
): DemoOpportunity[] {
  const random = new SeededRandom(20261122);
  const employers = [...sites.values()].filter((s) => s.organisation.kind === 'EMPLOYER');
  const closingDays = mondays('2026-12-01', '2027-03-31')
    .map((monday) => addDays(monday, 4))
    .filter((friday) => friday <= '2027-03-31');
  const out: DemoOpportunity[] = [];
  for (const template of VACANCY_TEMPLATES) {
    const occupation = occupations.get(template.occupation);
    if (!occupation) throw new Error(`vacancy template for unknown occupation ${template.occupation}`);
    const candidates = employers.filter((e) => e.source.sectors?.some((s) => template.sectors.includes(s)));
    if (candidates.length === 0) throw new Error(`no employer for ${template.occupation}`);
    for (let i = 1; i <= template.count; i++) {
      const ref = `vac-${template.occupation}-${String(i).padStart(2, '0')}`;
      const employer = random.pick(candidates);
      const [title, trainee] = random.pick(template.titles);
      const atMainSite = random.chance(0.6);
      const homeDistrict = districts.get(employer.source.district);
      const district = atMainSite
        ? homeDistrict
        : random.chance(0.5)
          ? random.pick(districts.inBorough(homeDistrict.borough))
          : random.pick(districts.all);
      const place = atMainSite
        ? {
            postcode: employer.organisation.postcode,
            latitude: employer.organisation.latitude,
            longitude: employer.organisation.longitude,
          }
        : placeIn(district, random);
      const modeRoll = random.next();
      const mode: DemoDeliveryMode =
        modeRoll < template.remoteShare
          ? 'ONLINE'
          : modeRoll < template.remoteShare + template.hybridShare
            ? 'HYBRID'
            : 'IN_PERSON';
      const partTime = random.chance(template.partTimeShare);
      const hoursPerWeek = partTime
        ? random.pick([16, 20, 22.5, 25, 30])
        : random.pick([35, 37, 37.5, 37.5, 40]);
      const fullTimeWage =
        (template.wage[0] + random.next() * (template.wage[1] - template.wage[0])) * (trainee ? 0.82 : 1);
      const legalMinimum = hoursPerWeek * 52 * NATIONAL_LIVING_WAGE_POUNDS_PER_HOUR;
      const wagePounds =
        Math.ceil(Math.max(legalMinimum, fullTimeWage * Math.min(1, hoursPerWeek / 37.5)) / 250) * 250;
      const closingDate = random.pick(closingDays);
      const startDate = addDays(closingDate, 7 * random.int(3, 8) + 3);

      const optional = random.sample(occupation.optional, random.int(0, 2));
      const skillsRequired = lowerBy([...occupation.essential, ...optional], trainee ? 1 : 0);
      const duties = random.sample(template.duties, 3);
      const where =
        district.borough === 'Manchester' ? 'Manchester' : `${district.borough}, Greater Manchester`;
      const modeText =
        mode === 'ONLINE'
          ? 'This is a remote role: you can work from home, with a laptop provided and occasional team days in the office.'
          : mode === 'HYBRID'
            ? 'You will split your week between home and the office.'
            : 'This role is based on site.';
      const traineeText = trainee
        ? ' No experience in the role is needed: full training is given, so we care most about attitude and willingness to learn.'
        : '';
      const hoursText = partTime
        ? `Part time, ${hoursPerWeek} hours a week.`
        : `Full time, ${hoursPerWeek} hours a week.`;
      out.push({
        ref,
        kind: 'VACANCY',
        title,
        description:
          `${employer.organisation.name} is looking for a ${title} to join the team in ${where}. ` +
          `You will ${duties[0]}, ${duties[1]} and ${duties[2]}.${traineeText} ${modeText} ${hoursText} ${random.pick(BENEFITS)}`,
        organisation: employer.organisation.code,
        mode,
        postcode: place.postcode,
        latitude: place.latitude,
        longitude: place.longitude,
        hoursPerWeek,
        durationWeeks: null,
        totalHours: null,
        costPence: 0,
        rqfLevel: null,
        startDate,
        closingDate,
        url: `${employer.organisation.website}/jobs/${ref}`,
        wagePencePerYear: wagePounds * 100,
        funding: null,
        stepFree: atMainSite ? employer.stepFree : random.chance(0.8),
        needsOwnDevice: false,
        skillsTaught: [],
        skillsRequired,
        occupation: occupation.code,
      });
    }
  }
  return out;
}

/** Employer accreditations: [learning ref, employer, skills vouched for (subset of skillsTaught), guaranteed interview]. */
const ACCREDITATIONS: [string, string, string[], boolean][] = [
  [
    'bc-bootcamp-software-dev-irwell-digital-academy',
    'copperfield-digital',
    ['javascript', 'typescript', 'git', 'unit-testing', 'agile'],
    true,
  ],
  [
    'bc-bootcamp-software-dev-cottonworks-code',
    'northbeam-software',
    ['javascript', 'sql', 'apis', 'git'],
    true,
  ],
  [
    'bc-bootcamp-data-analytics-loomhouse-data',
    'quayside-analytics',
    ['sql', 'power-bi', 'data-cleansing', 'data-visualisation'],
    true,
  ],
  [
    'bc-bootcamp-cyber-millstone-cyber',
    'redmere-cyber',
    ['siem', 'incident-response', 'network-security'],
    true,
  ],
  [
    'bc-bootcamp-it-support-irwell-digital-academy',
    'brightmill-technologies',
    ['helpdesk', 'it-support', 'directory-services'],
    true,
  ],
  [
    'bc-bootcamp-it-support-croal-valley-college',
    'kestrel-it',
    ['it-support', 'troubleshooting', 'install-os'],
    false,
  ],
  [
    'crs-digital-customer-service-l2-roch-bridge-college',
    'tandem-contact',
    ['customer-service', 'live-chat-support', 'crm-software'],
    true,
  ],
  [
    'bc-bootcamp-cnc-cad-lathe-and-line',
    'greyfriar-precision',
    ['cnc-programming', 'cnc-machining', 'metrology'],
    true,
  ],
  [
    'bc-bootcamp-automation-lathe-and-line',
    'holcroft-automation',
    ['plc-programming', 'automation-technology'],
    false,
  ],
  [
    'crs-clinical-coding-foundations-kingfisher-health-data',
    'carebridge-clinical',
    ['clinical-coding', 'icd-10', 'opcs-4'],
    true,
  ],
  [
    'bc-bootcamp-health-data-kingfisher-health-data',
    'hartshead-community-health',
    ['health-informatics', 'information-governance'],
    false,
  ],
  [
    'bc-bootcamp-digital-marketing-spindle-design-school',
    'saltbox-digital',
    ['seo', 'social-media-marketing', 'web-analytics'],
    true,
  ],
];

function buildAccreditations(learning: DemoOpportunity[]): DemoAccreditation[] {
  const byRef = new Map(learning.map((o) => [o.ref, o]));
  return ACCREDITATIONS.map(([course, employer, skills, guaranteedInterview]) => {
    const opportunity = byRef.get(course);
    if (!opportunity) throw new Error(`accreditation for unknown course ${course}`);
    const taught = new Set(opportunity.skillsTaught.map((s) => s.skill));
    for (const skill of skills) if (!taught.has(skill)) throw new Error(`${course} does not teach ${skill}`);
    return { course, employer, skills, validFrom: '2026-09-01', validTo: '2027-08-31', guaranteedInterview };
  });
}

function main(): void {
  const esco = readJson<EscoUris>(join(__dirname, 'esco-uris.json'));
  const districts = new DistrictTable(loadPostcodeDistricts());
  const skills = buildSkills(esco);
  const occupations = buildOccupations(esco);
  const sites = new Map(buildOrganisations(districts).map((site) => [site.organisation.code, site]));
  const learning = buildLearning(sites, districts);
  const vacancies = buildVacancies(sites, districts, new Map(occupations.map((o) => [o.code, o])));
  const accreditations = buildAccreditations(learning);

  writeJson('skills.json', skills);
  writeJson('occupations.json', occupations);
  writeJson(
    'organisations.json',
    [...sites.values()].map((s) => s.organisation),
  );
  writeJson('opportunities.json', [...learning, ...vacancies]);
  writeJson('accreditations.json', accreditations);
  console.log(
    `skills ${skills.length}, occupations ${occupations.length}, organisations ${sites.size}, ` +
      `learning ${learning.length}, vacancies ${vacancies.length}, accreditations ${accreditations.length}`,
  );
}

main();
