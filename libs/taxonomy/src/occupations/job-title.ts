/**
 * Job titles as adverts write them → the role they name, in the words a taxonomy uses.
 *
 * "Senior Care Assistant (Nights) - Manchester £25k", "Trainee Electrician - Level 3 Apprentice",
 * "Warehouse Operative (m/f/d) | Part time | Immediate start" all carry a role plus decoration:
 * seniority, training status, contract, hours, shift pattern, place, pay, urgency, gender markers,
 * reference numbers. The role is what an occupation classifier should see; the decoration is kept
 * apart (seniority, apprenticeship) because it says something about the post, not the occupation.
 */

export type Seniority = 'ENTRY' | 'JUNIOR' | 'SENIOR' | 'LEAD' | 'HEAD';

export interface NormalisedJobTitle {
  /** The role alone, lower case, single-spaced: "care assistant". Empty when nothing role-like is left. */
  role: string;
  seniority: Seniority | null;
  /** Said "apprentice", "apprenticeship" or "trainee". */
  trainee: boolean;
  /**
   * Segments beside the role that may narrow it or may be a place ("Nurse - Mental Health",
   * "Teaching Assistant (SEN)", "Chef - Manchester"): a classifier weighs them lightly.
   */
  context: string;
  /** The pieces taken out, in the order they were found (for explanations and debugging). */
  removed: string[];
}

/** Longest title kept: anything longer is not a title (a pasted advert) and is cut before the work. */
export const MAX_JOB_TITLE_LENGTH = 300;

// Abbreviations adverts use in titles → the words taxonomy labels use.
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    mgr: 'manager',
    mngr: 'manager',
    asst: 'assistant',
    assoc: 'associate',
    admin: 'administrator',
    exec: 'executive',
    dev: 'developer',
    devs: 'developer',
    eng: 'engineer',
    engr: 'engineer',
    tech: 'technician',
    techs: 'technician',
    coord: 'coordinator',
    rep: 'representative',
    supv: 'supervisor',
    dir: 'director',
    hca: 'healthcare assistant',
    rgn: 'registered nurse',
    rmn: 'mental health nurse',
    hgv: 'hgv',
    cnc: 'cnc',
    pa: 'personal assistant',
    sen: 'special educational needs',
    ta: 'teaching assistant',
    it: 'it',
    ui: 'user interface',
    ux: 'user experience',
    qa: 'quality assurance',
    hr: 'human resources',
    cs: 'customer service',
    csa: 'customer service assistant',
    fe: 'further education',
    '1st': 'first',
    '2nd': 'second',
  }),
);

// Whole-word seniority markers (after lower-casing). Order matters for multi-word ones.
const SENIORITY: [RegExp, Seniority][] = [
  [/\b(?:entry[\s-]level|graduate|grad)\b/g, 'ENTRY'],
  [/\b(?:junior|jnr|jr)\b\.?/g, 'JUNIOR'],
  [/\b(?:senior|snr|sr|experienced|principal)\b\.?/g, 'SENIOR'],
];
// Leading and heading are part of many ESCO labels ("head of technical", "team leader"): noted, not cut.
const LEADING: [RegExp, Seniority][] = [
  [/\b(?:team[\s-]lead(?:er)?|lead|leader|supervisor)\b/, 'LEAD'],
  [/\bhead\s+of\b|\bhead\b/, 'HEAD'],
];

const TRAINEE =
  /\b(?:apprentice(?:ship)?s?|trainee(?:ship)?s?|intern(?:ship)?s?|placement|work[\s-]experience)\b/g;

// Decoration that says nothing about the occupation.
const NOISE: RegExp[] = [
  // Gender markers: (m/f/d), (m/w/d), (f/m/x), (all genders), (h/f).
  /\(\s*(?:[mfwdhx]\s*\/\s*)+[mfwdhx]\s*\)/g,
  /\(\s*all\s+genders?\s*\)/g,
  // Pay: £25k, £25,000 - £28,000, £10.50 per hour, up to £30k, 25k, £12ph, £500 pw, + bonus, dog, DOE.
  /(?:up\s+to\s+|from\s+|circa\s+|c\.\s*)?[£$€]\s*\d[\d,.]*\s*k?(?:\s*(?:-|–|to)\s*[£$€]?\s*\d[\d,.]*\s*k?)?(?:\s*(?:per|p\/?|an?|\/)\s*(?:hour|hr|h|annum|a|year|yr|week|wk|w|day|d|month|m)\b\.?)?(?:\s*(?:ph|pa|pw|pd|pcm)\b)?/g,
  /\b\d[\d,.]*\s*k\b(?:\s*(?:-|–|to)\s*\d[\d,.]*\s*k\b)?/g,
  /\+?\s*\b(?:overtime|commission|company\s+car|car\s+allowance|travel\s+paid|mileage)(?:\s+available|\s+paid)?\b/g,
  /\b(?:per\s+hour|per\s+annum|pro[\s-]rata|ote|doe|neg(?:otiable)?|competitive\s+(?:salary|pay|rates?)|plus\s+bonus(?:es)?|\+\s*bonus(?:es)?|bonus(?:es)?|benefits|overtime\s+available|weekly\s+pay|paid\s+weekly|daily\s+pay|holiday\s+pay)\b/g,
  // Contract and hours.
  /\b(?:part|full)[\s-]?time\b/g,
  /\b(?:permanent|perm|temporary|temp[\s-]to[\s-]perm|temp|fixed[\s-]term(?:\s+contract)?|locum|seasonal|casual|zero[\s-]hours?(?:\s+contract)?|flexible(?:\s+hours)?|ongoing|maternity\s+cover|freelance|self[\s-]employed)\b/g,
  /\bcontract\s*$|\(\s*contract\s*\)/g,
  // "Bank" is the NHS word for a casual pool: a bank nurse is a nurse, a bank clerk is not casual.
  /\bbank(?=\s+(?:nurse|carer|care|healthcare|support|staff|hca|midwife|domestic|porter|cleaner|worker|practitioner|administrator|receptionist))/g,
  /\b\d+(?:\.\d+)?\s*(?:hours?|hrs?)(?:\s*(?:per|a|\/)\s*(?:week|wk))?\b/g,
  /\b\d+\s*(?:months?|weeks?|days?)\b/g,
  // Shift patterns.
  /\b(?:nights?|night[\s-]shifts?|days?|day[\s-]shifts?|nights?\s+and\s+days?|days?\s+and\s+nights?|lates?|earlies|early\s+shifts?|late\s+shifts?|weekends?|weekdays?|evenings?|mornings?|afternoons?|shifts?|rotational|rota|24\/7|mon(?:day)?\s*(?:-|–|to)\s*fri(?:day)?|4\s+on\s+4\s+off|sleep[\s-]ins?|twilight|waking\s+nights?)\b/g,
  // Work place: remote, hybrid, home-based, on site, field-based, nationwide, various locations.
  /\b(?:remote(?:ly)?|hybrid|home[\s-]based|work\s+from\s+home|wfh|office[\s-]based|on[\s-]site|onsite|field[\s-]based|nationwide|multiple\s+locations|various\s+locations|uk[\s-]wide)\b/g,
  // Urgency and advert words.
  /\b(?:immediate\s+start|start\s+asap|asap|urgent(?:ly)?(?:\s+required)?|required|wanted|needed|vacancy|vacancies|opportunity|job|jobs|role|position|new|hiring|x\s*\d+|\d+\s*x|no\s+experience(?:\s+(?:needed|required|necessary))?|training\s+provided|fully\s+funded|funded|sponsorship(?:\s+available)?|visa(?:\s+sponsorship)?|driving\s+licen[cs]e(?:\s+required)?|with\s+car|car\s+(?:driver|essential)|uk\s+driver)\b/g,
  // Qualification levels: Level 3, L2, NVQ level 2, RQF 4.
  /\b(?:(?:nvq|rqf|btec)\s*)?(?:level|lvl|l)\s*\d\b/g,
  /\b(?:nvq|rqf|btec)\b/g,
  // Reference numbers: Ref: 12345, #1234, Req-123, JR123.
  /\b(?:ref(?:erence)?|req|job\s+id)\s*[:#.-]?\s*[a-z]*-?\d[\w-]*/g,
  /#\s*\d[\w-]*/g,
  // Sign-on and relocation.
  /\b(?:sign[\s-]on|golden\s+hello|relocation)\b/g,
];

// Places after a separator: "Care Assistant - Manchester", "Chef | Leeds", "Driver, Salford M5".
// A postcode only where a place goes (at the end, or before a separator): "b2b sales" keeps its b2b.
const UK_POSTCODE = /\b[a-z]{1,2}\d[a-z\d]?(?:\s*\d[a-z]{2})?\b(?=\s*(?:$|[-–—|,)/]))/g;
// A place word list would never end; instead, a trailing segment after a separator that has no role
// word is dropped (see `isRoleSegment`).
const SEPARATORS = /\s+[-–—|/]\s+|\s*[|•·]\s*|,\s+|\s+@\s+|\s+at\s+|\s+in\s+|\s+based\s+in\s+|\s*:\s+/;

/**
 * Words that make a segment a role (an occupation head or a role modifier); a segment with none of
 * these is a place, an employer, a specialty or a slogan, and goes to `context`. Suffixes are kept
 * to the safe ones: "-er" would take Manchester, Leicester and Exeter for roles.
 */
const ROLE_HEADS =
  /^(?:.*(?:ist|ician|worker|keeper|maker|smith|wright|person|man|men|woman|women|hand)|officer|manager|assistant|nurse|chef|cook|cleaner|driver|porter|carer|clerk|agent|analyst|engineer|technician|operative|operator|director|lead|leader|head|coach|tutor|teacher|lecturer|trainer|instructor|apprentice|trainee|intern|consultant|adviser|advisor|specialist|administrator|secretary|receptionist|buyer|planner|architect|designer|developer|programmer|tester|scientist|surgeon|doctor|physician|therapist|paramedic|midwife|auditor|accountant|bookkeeper|solicitor|barrister|lawyer|guard|steward|stewardess|host|hostess|crew|staff|labourer|butcher|baker|barista|bartender|waiter|waitress|server|runner|picker|packer|loader|sorter|handler|fitter|welder|joiner|carpenter|bricklayer|plasterer|plumber|electrician|roofer|glazier|scaffolder|decorator|painter|gardener|landscaper|groundworker|caretaker|housekeeper|nanny|childminder|practitioner|mechanic|valeter|courier|warden|ranger|pilot|dispatcher|controller|inspector|surveyor|estimator|associate|representative|executive|aide|attendant|chief|partner|volunteer|supervisor|coordinator|co-ordinator|organiser|organizer|facilitator|mentor|counsellor|counselor|psychologist|cashier|merchandiser|installer|writer|editor|producer|photographer|recruiter|negotiator|underwriter|broker|banker|trader|teller|collector|caterer|fundraiser|principal|instructor|dentist|optician|pharmacist|vet|veterinarian|farmer|forklift|drylining|machinist|telesales|sales|retail|warehouse|kitchen|customer|support|care|healthcare|cleaning|security|maintenance|hgv|lgv)$/;

function isRoleSegment(segment: string): boolean {
  return segment.split(/\s+/).some((w) => ROLE_HEADS.test(w));
}

/** Takes a job title as an advert writes it apart: the role, its seniority, whether it trains. */
export function normaliseJobTitle(raw: string): NormalisedJobTitle {
  const removed: string[] = [];
  const context: string[] = [];
  let seniority: Seniority | null = null;
  let trainee = false;
  let text = (raw ?? '')
    .slice(0, MAX_JOB_TITLE_LENGTH)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');

  const cut = (re: RegExp, onMatch?: (m: string) => void) => {
    text = text.replace(re, (m) => {
      const piece = m.trim();
      if (piece) {
        removed.push(piece);
        onMatch?.(piece);
      }
      return ' ';
    });
  };

  for (const re of NOISE) cut(re);
  cut(TRAINEE, () => (trainee = true));
  for (const [re, level] of SENIORITY) cut(re, () => (seniority = seniority ?? level));
  for (const [re, level] of LEADING) if (re.test(text)) seniority = seniority ?? level;
  cut(UK_POSTCODE, undefined);

  // Drop empty brackets and brackets with no role word; keep the words of role-like ones.
  text = text.replace(/\(([^)]*)\)|\[([^\]]*)\]/g, (_m, a?: string, b?: string) => {
    const inner = tidy(a ?? b ?? '');
    if (!inner) return ' ';
    if (!isRoleSegment(inner)) context.push(inner);
    return ` , ${inner} `;
  });

  // Split on separators; keep the first segment that reads as a role, plus any further role segments
  // directly attached ("Nurse - Mental Health" keeps both, "Nurse - Manchester" keeps one).
  const segments = text
    .split(SEPARATORS)
    .map((s) => tidy(s))
    .filter((s) => s.length > 0);
  let kept: string[] = [];
  if (segments.length > 0) {
    const firstRole = segments.findIndex(isRoleSegment);
    const head = firstRole < 0 ? 0 : firstRole;
    kept = [segments[head]];
    for (const [i, s] of segments.entries()) {
      if (i === head || context.includes(s)) continue;
      // A second role-like segment narrows the first ("Nurse - Mental Health Support Worker").
      if (i > head && isRoleSegment(s) && isSpecialty(s)) kept.push(s);
      else context.push(s);
    }
  }

  let role = trimConnectives(expand(kept.join(' ')).split(' ')).join(' ');
  // "Principal", "Apprentice", "Lead": the decoration was the whole title; it is the role then.
  if (!role && seniority === null && !trainee) role = '';
  else if (!role)
    role = tidy(
      raw.slice(0, MAX_JOB_TITLE_LENGTH).toLowerCase().replace(NOISE[0], ' ').replace(NOISE[2], ' '),
    );
  return { role, seniority, trainee, context: context.map(expand).join(' '), removed };
}

/** Plain words, abbreviations spelt out: "admin asst." → "administrator assistant". */
function expand(text: string): string {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}+#]+|[^\p{L}\p{N}+#.]+$|\.$/gu, ''))
    .filter((w) => w.length > 0)
    .flatMap((w) => (ABBREVIATIONS.get(w) ?? w).split(' '))
    .join(' ');
}

/** "mental health", "adult social care": a second segment that narrows the role, not a place. */
function isSpecialty(segment: string): boolean {
  return segment.split(/\s+/).length <= 4;
}

function tidy(s: string): string {
  return s
    .replace(/[()[\]{}"*!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:+&/-]+|[\s,;:+&/-]+$/g, '')
    .trim();
}

/** Drops connectives left dangling at either end ("care assistant and" → "care assistant"). */
function trimConnectives(words: string[]): string[] {
  const connective = /^(?:and|&|or|the|a|an|of|with|for|to|in|at|on|-|\+)$/;
  let start = 0;
  let end = words.length;
  while (start < end && connective.test(words[start])) start++;
  while (end > start && connective.test(words[end - 1])) end--;
  return words.slice(start, end);
}
