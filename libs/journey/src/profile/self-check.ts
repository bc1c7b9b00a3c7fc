/**
 * The Essential Digital Skills self-check: ten plain-language questions across the six areas of the
 * UK Essential Digital Skills framework, for people starting with little digital confidence.
 * Each answer is NO, WITH_HELP or YES.
 */
export type EdsArea =
  | 'foundation'
  | 'communicating'
  | 'handling-information'
  | 'transacting'
  | 'problem-solving'
  | 'safe-and-legal';

export type SelfCheckAnswerValue = 'NO' | 'WITH_HELP' | 'YES';

export interface SelfCheckQuestion {
  id: string;
  area: EdsArea;
  text: string;
}

export const SELF_CHECK_QUESTIONS: readonly SelfCheckQuestion[] = [
  { id: 'q1', area: 'foundation', text: 'Can you turn on a phone, tablet or computer and open an app?' },
  { id: 'q2', area: 'foundation', text: 'Can you connect to Wi-Fi and update a password when asked?' },
  { id: 'q3', area: 'communicating', text: 'Can you send a message or email, and add a photo to it?' },
  { id: 'q4', area: 'communicating', text: 'Can you join a video call, for example on WhatsApp or Zoom?' },
  {
    id: 'q5',
    area: 'handling-information',
    text: 'Can you search the internet and tell if a website can be trusted?',
  },
  { id: 'q6', area: 'handling-information', text: 'Can you save a file or photo and find it again later?' },
  {
    id: 'q7',
    area: 'transacting',
    text: 'Can you fill in a form online, like applying for a job or a bus pass?',
  },
  { id: 'q8', area: 'transacting', text: 'Can you buy something or pay a bill online safely?' },
  {
    id: 'q9',
    area: 'problem-solving',
    text: 'When something on a device goes wrong, can you find how to fix it online?',
  },
  { id: 'q10', area: 'safe-and-legal', text: 'Can you spot a scam message and keep your passwords private?' },
];

/** Words that identify each area's skill among the taxonomy's Essential Digital Skills. */
export const EDS_AREA_LABELS: Record<EdsArea, RegExp> = {
  foundation: /foundation/i,
  communicating: /communicat/i,
  'handling-information': /handling information|information and content/i,
  transacting: /transact/i,
  'problem-solving': /problem solving/i,
  'safe-and-legal': /safe and legal|being safe/i,
};

/**
 * Level per area from the answers: nothing when every answer is NO, 1 when the person can with help,
 * 2 when they can on their own, 3 when every question of the area is YES and there are two or more.
 */
export function scoreSelfCheck(answers: ReadonlyMap<string, SelfCheckAnswerValue>): Map<EdsArea, number> {
  const byArea = new Map<EdsArea, SelfCheckAnswerValue[]>();
  for (const q of SELF_CHECK_QUESTIONS) {
    const a = answers.get(q.id);
    if (!a) continue;
    byArea.set(q.area, [...(byArea.get(q.area) ?? []), a]);
  }
  const levels = new Map<EdsArea, number>();
  for (const [area, list] of byArea) {
    const yes = list.filter((a) => a === 'YES').length;
    const help = list.filter((a) => a === 'WITH_HELP').length;
    const total = SELF_CHECK_QUESTIONS.filter((q) => q.area === area).length;
    let level = 0;
    if (yes === total && total >= 2) level = 3;
    else if (yes > 0) level = 2;
    else if (help > 0) level = 1;
    if (level > 0) levels.set(area, level);
  }
  return levels;
}
