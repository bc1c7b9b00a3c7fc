import { SkillExtractor } from '../extraction/skill-extractor';
import { SkillRecord } from '../skill-record';
import { htmlToText } from '../text/html-text';

/**
 * Skills a resident describes in their own words ("I look after my mum's money, I ran the football
 * club's Facebook page"), suggested for them to confirm. Two signals: the taxonomy's own labels found
 * in the text (the rule matcher), and everyday phrases mapped to the taxonomy's wording (money you
 * look after → budgeting; a club's Facebook page → social media). Nothing here stores anything.
 */

/** Longest description read (characters); the API refuses longer ones with a clear message. */
export const MAX_SUGGEST_TEXT_LENGTH = 5000;
/** Most suggestions returned. */
export const MAX_SUGGESTIONS = 15;

export interface SkillSuggestion {
  skillId: string;
  label: string;
  /** 1 = a little, 2 = some, 3 = a lot (from how the resident put it). */
  level: number;
  /** The resident's own words the suggestion comes from. */
  because: string;
}

interface EverydayRule {
  /** When the resident's clause says this… */
  when: RegExp;
  /** …unless it also says this (the clause is about something else). */
  unless?: RegExp;
  /** …suggest the first of these the taxonomy knows (tried in order; several per rule allowed). */
  say: string[][];
}

const PEOPLE =
  /\b(?:mum|mam|dad|mother|father|gran|grandma|grandmother|grandad|grandfather|nan|nana|parents?|children|child|kids?|son|daughter|brother|sister|husband|wife|partner|neighbours?|elderly|disabled|baby|babies|toddlers?|family)\b/;
const MONEY = /\b(?:money|budgets?|bills|finances?|accounts|savings|spending|pension|benefits|rent)\b/;

/** Everyday phrasings → the taxonomy's words for the skill they show. Groups: one suggestion each. */
const EVERYDAY: EverydayRule[] = [
  {
    when: MONEY,
    say: [
      ['manage budgets', 'budgeting', 'budget management', 'manage a budget'],
      ['numeracy', 'apply numeracy skills', 'use numeracy skills'],
    ],
  },
  {
    when: /\b(?:facebook|instagram|tiktok|twitter|x\.com|social media|snapchat|youtube channel|whatsapp group)\b/,
    say: [['social media management', 'use social media', 'manage social media', 'social media']],
  },
  {
    when: /\b(?:look(?:s|ed|ing)? after|care[sd]? for|caring for|carer for|support(?:s|ed|ing)? my)\b/,
    unless: MONEY,
    say: [
      ['personal care', 'provide personal care', 'assist clients with personal care', 'caring for others'],
    ],
  },
  {
    when: /\b(?:babysit(?:ting)?|childminding|child ?care|school run|look(?:s|ed|ing)? after (?:the |my )?(?:kids|children|grandchildren))\b/,
    say: [['childcare', 'look after children', 'child care', 'supervise children']],
  },
  {
    when: /\b(?:coach(?:ed|es|ing)?|captain(?:ed)?|trained the (?:team|kids|squad)|manag(?:e|ed|ing) the (?:team|squad))\b/,
    say: [
      ['coaching', 'coach team members', 'coach young people'],
      ['leadership', 'lead a team', 'leadership principles'],
    ],
  },
  {
    when: /\b(?:organis|organiz|arrang|plann?)\w*\b.*\b(?:events?|party|parties|fundrais\w*|trips?|fetes?|raffles?|weddings?|matches|fixtures|tournaments?)\b/,
    say: [
      ['event planning', 'organise events', 'event management', 'project management'],
      ['time management'],
    ],
  },
  {
    when: /\b(?:ran|run|runs|running|in charge of|set up|started)\b.*\b(?:club|group|team|stall|shop|business|page|charity|committee)\b/,
    say: [['leadership', 'lead a team', 'take the lead'], ['project management']],
  },
  {
    when: /\b(?:cook(?:s|ed|ing)?|bak(?:e|es|ed|ing)|meals?|dinners?)\b/,
    say: [['cooking', 'prepare food', 'food preparation', 'cook meals']],
  },
  {
    when: /\b(?:driv(?:e|es|ing|er)|drove|lifts? to)\b/,
    unless: /\b(?:hard drive|drive(?:s)? me mad|usb drive|google drive)\b/,
    say: [['driving', 'drive vehicles', 'drive a car']],
  },
  {
    when: /\b(?:clean(?:s|ed|ing)?|tid(?:y|ied|ying)|hoover\w*|housework)\b/,
    say: [['cleaning', 'clean surfaces', 'housekeeping']],
  },
  {
    when: /\b(?:tills?|cash|customers?|served|serving|shop floor|behind the bar)\b/,
    say: [
      ['customer service', 'provide customer service'],
      ['handle cash', 'cash handling', 'operate cash register'],
    ],
  },
  {
    when: /\b(?:fix(?:es|ed|ing)?|sort(?:s|ed|ing)? out|set(?:s|ting)? up|repair(?:s|ed|ing)?)\b.*\b(?:computers?|laptops?|phones?|wi-?fi|printers?|routers?|tablets?|internet|tv|broadband)\b/,
    say: [
      ['troubleshooting', 'IT support', 'troubleshoot'],
      ['installing software', 'install software'],
    ],
  },
  {
    when: /\b(?:newsletters?|blogs?|posts|wrote|write|writing|leaflets?|letters)\b/,
    say: [['copywriting', 'written english', 'write content', 'writing']],
  },
  {
    when: /\b(?:rotas?|schedules?|timetables?|appointments?|diary|diaries|calendar)\b/,
    say: [['time management', 'manage schedules', 'scheduling']],
  },
  {
    when: /\b(?:listen(?:s|ed|ing)?|talk(?:s|ed|ing)? (?:things )?through|someone to talk to)\b/,
    say: [['active listening', 'listen actively']],
  },
  {
    when: /\b(?:phone calls?|on the phone|ring(?:ing)? round|calls? to)\b/,
    say: [['telephone customer contact', 'telephone skills', 'communicate by telephone']],
  },
  {
    when: /\b(?:homework|tutor(?:s|ed|ing)?|teach(?:es|ing)?|taught|mentor(?:s|ed|ing)?)\b/,
    say: [['teaching', 'tutoring', 'coaching', 'mentor individuals']],
  },
  {
    when: /\b(?:online (?:shopping|banking)|shop(?:s|ped|ping)? online|bank(?:s|ed|ing)? online|pay(?:s|ing)? bills online)\b/,
    say: [['transacting online', 'use online banking', 'e-commerce platforms']],
  },
  {
    when: /\b(?:zoom|teams calls?|video calls?|facetime|skype)\b/,
    say: [['video conferencing', 'communicating online', 'use video conferencing']],
  },
  {
    when: /\b(?:emails?|e-mails?|messag(?:e|es|ing))\b/,
    say: [['communicating online', 'use e-mail', 'email']],
  },
  {
    when: /\b(?:garden(?:s|ed|ing)?|allotment|grow(?:s|ing)? vegetables|mow(?:s|ed|ing)?)\b/,
    say: [['gardening', 'perform gardening tasks', 'horticulture']],
  },
  {
    when: /\b(?:decorat(?:e|es|ed|ing)|paint(?:s|ed|ing)? (?:the |my |our )?(?:house|rooms?|walls?|fences?)|diy|put up shelves|flat-?pack)\b/,
    say: [['decorating', 'painting', 'DIY', 'carry out maintenance']],
  },
  {
    when: /\b(?:translat(?:e|es|ed|ing)|interpret(?:s|ed|ing)?|speak (?:\w+ )?(?:languages?|urdu|polish|arabic|punjabi|bengali|somali|french|spanish))\b/,
    say: [['translation', 'translate spoken language', 'interpret spoken language', 'communication']],
  },
  {
    when: /\b(?:spreadsheets?|excel)\b/,
    say: [['spreadsheets', 'use spreadsheets software']],
  },
  {
    when: PEOPLE,
    unless: MONEY,
    say: [['communication', 'communicate with others']],
  },
];

const STRONG =
  /\b(?:ran|run|runs|running|manag(?:e|ed|es|ing)|led|lead|leads|in charge|responsible|organis\w*|organiz\w*|every (?:day|week)|for (?:\d+|two|three|four|five|six|seven|eight|nine|ten|many) years|years)\b/;
const WEAK =
  /\b(?:help(?:s|ed|ing)?|a bit|a little|some|sometimes|learning|tr(?:y|ied|ying)|basic|beginner|once)\b/;

function levelOf(clause: string): number {
  if (STRONG.test(clause)) return 3;
  if (WEAK.test(clause)) return 1;
  return 2;
}

/** Clauses a resident wrote: sentences, and parts joined by "and", "but", commas or semicolons. */
function clausesOf(text: string): { text: string; lower: string }[] {
  return text
    .split(/(?<=[.!?;\n])\s+|,\s+|\s+(?:and|but|also|plus)\s+(?=i\b|i've\b|i'm\b|we\b|my\b)/i)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => ({ text: c, lower: c.toLowerCase().replace(/[’‘]/g, "'") }));
}

const labelKey = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ');

export class SkillSuggester {
  /** Everyday wording → the taxonomy's skill for it, resolved once per phrase group. */
  private readonly resolved = new Map<string, { id: string; label: string } | null>();
  /** Every label and alternative label → its skill (preferred labels win over alternative ones). */
  private readonly byLabel = new Map<string, { id: string; label: string }>();
  readonly extractor: SkillExtractor;

  constructor(skills: readonly SkillRecord[], extractor?: SkillExtractor) {
    this.extractor = extractor ?? new SkillExtractor(skills);
    for (const s of skills) this.byLabel.set(labelKey(s.label), { id: s.id, label: s.label });
    for (const s of skills)
      for (const alt of s.altLabels)
        if (!this.byLabel.has(labelKey(alt))) this.byLabel.set(labelKey(alt), { id: s.id, label: s.label });
  }

  /**
   * Suggestions for a resident's description, in the order they wrote them (the strongest level a
   * skill is described at). Text longer than MAX_SUGGEST_TEXT_LENGTH is read only that far: callers
   * that must refuse it (the API) check first.
   */
  suggest(text: string): SkillSuggestion[] {
    const plain = htmlToText(text.slice(0, MAX_SUGGEST_TEXT_LENGTH));
    const out = new Map<string, SkillSuggestion>();
    const add = (id: string, label: string, level: number, because: string) => {
      const had = out.get(id);
      if (had) had.level = Math.max(had.level, level);
      else out.set(id, { skillId: id, label, level, because });
    };
    for (const clause of clausesOf(plain)) {
      const level = levelOf(clause.lower);
      for (const hit of this.extractor.extractDistinct(clause.text))
        add(hit.id, hit.label, level, clause.text);
      for (const rule of EVERYDAY) {
        if (!rule.when.test(clause.lower) || rule.unless?.test(clause.lower)) continue;
        for (const group of rule.say) {
          const skill = this.resolve(group);
          if (skill) add(skill.id, skill.label, level, clause.text);
        }
      }
    }
    return [...out.values()].slice(0, MAX_SUGGESTIONS);
  }

  /**
   * The first phrase of a group that is a taxonomy skill's label or alternative label, as a whole
   * (the rule matcher's stoplist does not apply here: "cooking" is a skill when a resident cooks).
   */
  private resolve(group: string[]): { id: string; label: string } | null {
    const key = group.join('|');
    if (this.resolved.has(key)) return this.resolved.get(key)!;
    const found =
      group.map((phrase) => this.byLabel.get(labelKey(phrase))).find((s) => s !== undefined) ?? null;
    this.resolved.set(key, found);
    return found;
  }
}
