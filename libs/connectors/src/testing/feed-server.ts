import { startScriptedHttpServer, type RecordedRequest, type ScriptedReply } from './scripted-http-server';

/**
 * A local Find an apprenticeship (Display Advert API v2) feed of generated vacancies, for refresh-job
 * integration tests, crash tests and benchmarks.
 *
 *   const feed = await startFeedServer({ totalVacancies: 200_000, seed: 7 });
 *   // source URL: feed.baseUrl; credentials: { subscriptionKey: feed.subscriptionKey }
 *   feed.setVersion(1);                       // the next run sees some changed, vanished and new vacancies
 *   const delta = feed.describeVersion(1);    // exactly which, to assert the catalogue against
 *   feed.failPage(3, { status: 500 });        // fault injection (once, by default)
 *   await feed.close();
 *
 * Content is a pure function of (seed, version, vacancy index): the same options always serve the same
 * bytes. A page is generated the first time it is asked for and its bytes kept (per version, page
 * number and size), so a re-run, or a benchmark that called `prerender()` first, measures the client
 * and not this server's JSON generation.
 *
 * Versions: version 0 is the base feed. In version v > 0, compared with version 0, each base vacancy has
 * independently `vanishFraction` chance to be gone and `changeFraction` chance to be changed (new title
 * suffix, description, wage and closing date), and `addFraction × totalVacancies` new vacancies appear
 * (listed after the base ones). Every version is a delta from version 0, not from the version before.
 */
export interface FeedServerOptions {
  /** Base vacancies (version 0). */
  totalVacancies: number;
  seed?: number;
  version?: number;
  /** Default 0.1. */
  vanishFraction?: number;
  /** Default 0.2. */
  changeFraction?: number;
  /** Default 0.05. */
  addFraction?: number;
  /** Every Nth vacancy is malformed (alternately no title, and a closing date that is not a date); 0 = none (default). */
  malformedEvery?: number;
  /** Demanded as `Ocp-Apim-Subscription-Key` (401 without it). Default "local-feed-key"; null = not checked. */
  subscriptionKey?: string | null;
  /** Requests above this PageSize get 400, as the real API does. Default 100. */
  maxPageSize?: number;
}

export type FeedFault = ScriptedReply;

export interface FeedRequest extends RecordedRequest {
  pageNumber: number;
  pageSize: number;
}

export interface VersionDescription {
  version: number;
  /** Everything served in this version, in feed order (malformed ones included). */
  presentRefs: string[];
  /** Relative to version 0. */
  unchangedRefs: string[];
  changedRefs: string[];
  vanishedRefs: string[];
  addedRefs: string[];
  /** Present vacancies the feed serves broken (a connector should quarantine them). */
  malformedRefs: string[];
}

export interface FeedServer {
  /** Source URL for the `find-an-apprenticeship` format (`{baseUrl}/vacancy` is served). */
  readonly baseUrl: string;
  readonly subscriptionKey: string | undefined;
  /** Page requests so far (faulted ones included), with page number and arrival time. */
  readonly requests: FeedRequest[];
  version: number;
  setVersion(version: number): void;
  /** Pages a full run of the current version has at this page size. */
  totalPages(pageSize?: number): number;
  /** Renders (and keeps) every page of the current version at this page size now, so serving them later is only I/O. */
  prerender(pageSize?: number): void;
  describeVersion(version?: number): VersionDescription;
  /** The next `times` requests for this page number get `fault` instead of the page. */
  failPage(pageNumber: number, fault: FeedFault, times?: number): void;
  /** Decide every request yourself: return a fault, or undefined to serve the page. Runs before failPage rules. */
  setFaultHook(hook: ((request: FeedRequest) => FeedFault | undefined) | undefined): void;
  close(): Promise<void>;
}

export const FEED_VACANCY_REFERENCE_BASE = 1_000_000_000;

/** Skill phrases the generated descriptions use: build a SkillMatcher over these to exercise matching. */
export const FEED_SKILL_PHRASES = [
  'customer service',
  'communication',
  'teamwork',
  'problem solving',
  'Microsoft Excel',
  'SQL',
  'JavaScript',
  'Python',
  'data analysis',
  'IT support',
  'networking',
  'cyber security',
  'bookkeeping',
  'project management',
  'social media',
  'health and safety',
  'welding',
  'electrical installation',
  'food hygiene',
  'stock control',
] as const;

const ROLES = [
  'Software Developer',
  'IT Support',
  'Data Technician',
  'Business Administrator',
  'Customer Service',
  'Electrical Installation',
  'Digital Marketing',
  'Accounts Assistant',
  'Warehouse Operative',
  'Chef de Partie',
  'Engineering Technician',
  'Team Leader',
];
const EMPLOYERS = [
  'Northbridge Digital Ltd',
  'Pennine Care Services',
  'Irwell Analytics',
  'Ancoats Engineering',
  'Cotton Street Creative',
  'Example Logistics Group',
  'Mersey Foods',
  'Example Housing Trust',
];
const PROVIDERS = ['Example College Group', 'Example Training Ltd', 'Example University'];
const PLACES: [string, string, number, number][] = [
  ['Manchester', 'M1 3HU', 53.4794, -2.2453],
  ['Salford', 'M50 3AZ', 53.4722, -2.2974],
  ['Oldham', 'OL1 1AA', 53.5409, -2.1114],
  ['Stockport', 'SK1 3XE', 53.4106, -2.1575],
  ['Bolton', 'BL1 1RU', 53.578, -2.4298],
  ['Wigan', 'WN1 1YN', 53.5448, -2.6318],
];
const LEVELS: [number, string][] = [
  [2, 'Intermediate'],
  [3, 'Advanced'],
  [4, 'Higher'],
  [6, 'Degree'],
];

/** Deterministic [0, 1) from integers (a murmur3-style finaliser over the mixed inputs). */
function unit(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

const SALT = { vanish: 11, change: 13, content: 17 } as const;

export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const total = options.totalVacancies;
  const seed = options.seed ?? 1;
  const vanishFraction = options.vanishFraction ?? 0.1;
  const changeFraction = options.changeFraction ?? 0.2;
  const addCount = Math.round(total * (options.addFraction ?? 0.05));
  const malformedEvery = options.malformedEvery ?? 0;
  const subscriptionKey =
    options.subscriptionKey === null ? undefined : (options.subscriptionKey ?? 'local-feed-key');
  const maxPageSize = options.maxPageSize ?? 100;
  const basePath = '/apprenticeships';

  const presentByVersion = new Map<number, Uint32Array>();
  let version = options.version ?? 0;
  let hook: ((request: FeedRequest) => FeedFault | undefined) | undefined;
  const rules: { pageNumber: number; fault: FeedFault; remaining: number }[] = [];
  const requests: FeedRequest[] = [];

  const vanished = (i: number, v: number) =>
    v > 0 && i < total && unit(seed, i, v, SALT.vanish) < vanishFraction;
  const revisionOf = (i: number, v: number) =>
    v > 0 && i < total && unit(seed, i, v, SALT.change) < changeFraction ? v : 0;

  /** Indices served in version v, in feed order; computed once per version. */
  const present = (v: number): Uint32Array => {
    let list = presentByVersion.get(v);
    if (!list) {
      const all = v > 0 ? total + addCount : total;
      const out = new Uint32Array(all);
      let n = 0;
      for (let i = 0; i < all; i++) if (!vanished(i, v)) out[n++] = i;
      list = out.slice(0, n);
      presentByVersion.set(v, list);
    }
    return list;
  };

  const ref = (i: number) => String(FEED_VACANCY_REFERENCE_BASE + i);

  const vacancy = (i: number, v: number): Record<string, unknown> => {
    const revision = revisionOf(i, v);
    const r = (salt: number) => unit(seed, i, SALT.content, salt);
    const role = ROLES[Math.floor(r(1) * ROLES.length)];
    const [level, levelName] = LEVELS[Math.floor(r(2) * LEVELS.length)];
    const [town, postcode, lat, lon] = PLACES[Math.floor(r(3) * PLACES.length)];
    const employer = EMPLOYERS[Math.floor(r(4) * EMPLOYERS.length)];
    const skills = [0, 1, 2].map(
      (k) => FEED_SKILL_PHRASES[Math.floor(r(10 + k) * FEED_SKILL_PHRASES.length)],
    );
    const day = 1 + Math.floor(r(5) * 27);
    const closingMonth = revision > 0 ? 12 : 11;
    const wage = 15_000 + Math.floor(r(6) * 12) * 500 + revision * 250;
    const malformedKind =
      malformedEvery > 0 && (i + 1) % malformedEvery === 0 ? ((i + 1) / malformedEvery) % 2 : -1;
    return {
      title:
        malformedKind === 1
          ? null
          : `Level ${level} ${role} Apprentice${revision > 0 ? ` (updated v${revision})` : ''}`,
      description:
        `<p>Join ${employer} in ${town}. You will learn <b>${skills[0]}</b> and ${skills[1]}, ` +
        `and use ${skills[2]} every day.</p><ul><li>Day release to college</li><li>Mentor &amp; buddy</li></ul>` +
        (revision > 0 ? `<p>Revised in version ${revision}.</p>` : ''),
      numberOfPositions: 1 + Math.floor(r(7) * 3),
      postedDate: '2026-10-01T00:00:00',
      closingDate:
        malformedKind === 0
          ? 'next Tuesday'
          : `2026-${closingMonth}-${String(day).padStart(2, '0')}T23:59:59`,
      startDate: `2027-01-${String(day).padStart(2, '0')}T00:00:00`,
      wage: {
        wageType: 'Custom',
        wageAmount: wage,
        wageAdditionalInformation: null,
        workingWeekDescription: 'Monday to Friday',
      },
      hoursPerWeek: 30 + Math.floor(r(8) * 8) * 1.25,
      expectedDuration: `${12 + Math.floor(r(9) * 4) * 6} Months`,
      address: {
        addressLine1: `${1 + (i % 200)} Example Street`,
        addressLine2: null,
        addressLine3: town,
        addressLine4: null,
        postcode,
        latitude: lat,
        longitude: lon,
      },
      location: { lat, lon },
      distance: null,
      employerName: employer,
      employerWebsiteUrl: null,
      course: {
        larsCode: 100 + Math.floor(r(1) * 400),
        title: role,
        level,
        route: 'Digital',
        type: 'Standard',
      },
      apprenticeshipLevel: levelName,
      providerName: PROVIDERS[Math.floor(r(14) * PROVIDERS.length)],
      ukprn: 10_000_000 + Math.floor(r(15) * 1000),
      isDisabilityConfident: r(16) < 0.3,
      isNationalVacancy: false,
      vacancyReference: ref(i),
      vacancyUrl: `https://www.findapprenticeship.service.gov.uk/apprenticeship/reference/${ref(i)}`,
      applicationUrl: null,
    };
  };

  const isMalformed = (i: number) => malformedEvery > 0 && (i + 1) % malformedEvery === 0;

  const describeVersion = (v = version): VersionDescription => {
    const list = present(v);
    const d: VersionDescription = {
      version: v,
      presentRefs: [],
      unchangedRefs: [],
      changedRefs: [],
      vanishedRefs: [],
      addedRefs: [],
      malformedRefs: [],
    };
    for (const i of list) {
      d.presentRefs.push(ref(i));
      if (isMalformed(i)) d.malformedRefs.push(ref(i));
      if (i >= total) d.addedRefs.push(ref(i));
      else if (revisionOf(i, v) > 0) d.changedRefs.push(ref(i));
      else d.unchangedRefs.push(ref(i));
    }
    for (let i = 0; i < total; i++) if (vanished(i, v)) d.vanishedRefs.push(ref(i));
    return d;
  };

  /** Rendered page bodies by `version/pageNumber/pageSize`: content never changes for a key. */
  const rendered = new Map<string, Buffer>();
  const page = (pageNumber: number, pageSize: number): Buffer => {
    const key = `${version}/${pageNumber}/${pageSize}`;
    let body = rendered.get(key);
    if (!body) {
      body = Buffer.from(renderPage(pageNumber, pageSize), 'utf8');
      rendered.set(key, body);
    }
    return body;
  };

  const renderPage = (pageNumber: number, pageSize: number): string => {
    const list = present(version);
    const start = (pageNumber - 1) * pageSize;
    const items: Record<string, unknown>[] = [];
    for (let k = start; k < Math.min(start + pageSize, list.length); k++)
      items.push(vacancy(list[k], version));
    return JSON.stringify({
      vacancies: items,
      total: list.length,
      totalFiltered: list.length,
      totalPages: Math.ceil(list.length / pageSize),
    });
  };

  const server = await startScriptedHttpServer(
    (recorded) => {
      const url = new URL(recorded.url, 'http://feed.local');
      const pageNumber = Number(url.searchParams.get('PageNumber') ?? '1');
      const pageSize = Number(url.searchParams.get('PageSize') ?? '10');
      const request: FeedRequest = { ...recorded, pageNumber, pageSize };
      requests.push(request);
      const fault = hook?.(request) ?? takeRule(pageNumber);
      if (fault) return fault;
      if (url.pathname !== `${basePath}/vacancy`)
        return json(404, { message: `no such path ${url.pathname}` });
      if (
        subscriptionKey !== undefined &&
        recorded.headers['ocp-apim-subscription-key'] !== subscriptionKey
      ) {
        return json(401, {
          statusCode: 401,
          message: 'Access denied due to missing or invalid subscription key.',
        });
      }
      if (recorded.headers['x-version'] !== '2') return json(400, { message: 'X-Version header must be 2' });
      if (
        !Number.isInteger(pageNumber) ||
        pageNumber < 1 ||
        !Number.isInteger(pageSize) ||
        pageSize < 1 ||
        pageSize > maxPageSize
      ) {
        return json(400, { message: `PageNumber must be 1 or more and PageSize 1..${maxPageSize}` });
      }
      return { status: 200, body: page(pageNumber, pageSize) };
    },
    { maxRecorded: 0 },
  );

  function takeRule(pageNumber: number): FeedFault | undefined {
    const index = rules.findIndex((rule) => rule.pageNumber === pageNumber && rule.remaining > 0);
    if (index < 0) return undefined;
    const rule = rules[index];
    if (--rule.remaining === 0) rules.splice(index, 1);
    return rule.fault;
  }

  return {
    baseUrl: `${server.origin}${basePath}`,
    subscriptionKey,
    requests,
    get version() {
      return version;
    },
    set version(v: number) {
      version = v;
    },
    setVersion(v: number) {
      version = v;
    },
    totalPages: (pageSize = 100) => Math.ceil(present(version).length / pageSize),
    prerender(pageSize = 100) {
      const pages = Math.max(1, Math.ceil(present(version).length / pageSize));
      for (let n = 1; n <= pages; n++) page(n, pageSize);
    },
    describeVersion,
    failPage(pageNumber, fault, times = 1) {
      rules.push({ pageNumber, fault, remaining: times });
    },
    setFaultHook(next) {
      hook = next;
    },
    close: () => server.close(),
  };
}

function json(status: number, body: unknown): ScriptedReply {
  return { status, body: JSON.stringify(body) };
}
