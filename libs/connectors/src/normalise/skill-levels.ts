/**
 * Proficiency (1..5) a listing teaches or asks for, from its RQF level. The scale reads:
 * 1 aware / entry, 2 can do with guidance, 3 independent, 4 proficient specialist, 5 expert.
 *   RQF entry (0) → 1
 *   RQF 1-2 (GCSE-equivalent, intermediate apprenticeship) → 2
 *   RQF 3 (A-level, advanced apprenticeship) → 3
 *   RQF 4-5 (HNC/HND, higher apprenticeship, most Skills Bootcamps) → 4
 *   RQF 6+ (degree and above) → 5
 */
export function proficiencyForRqf(rqfLevel: number | undefined): number | undefined {
  if (rqfLevel === undefined) return undefined;
  if (rqfLevel <= 0) return 1;
  if (rqfLevel <= 2) return 2;
  if (rqfLevel === 3) return 3;
  if (rqfLevel <= 5) return 4;
  return 5;
}

/** A course that does not state its level teaches to "can do with guidance". */
export const DEFAULT_TAUGHT_LEVEL = 2;

/**
 * What a job asks for when the posting states no level: "independent" by default, read down for
 * junior/trainee/assistant roles and up for senior/lead ones.
 */
export function requiredLevelForJobTitle(title: string): number {
  if (/\b(head of|director|principal|chief)\b/i.test(title)) return 5;
  if (/\b(senior|lead|manager|specialist)\b/i.test(title)) return 4;
  if (/\b(junior|trainee|entry[- ]level|assistant|graduate|apprentice)\b/i.test(title)) return 2;
  return 3;
}

/** An entry requirement is one level below what the listing goes on to teach (never below 1). */
export function prerequisiteLevel(taughtLevel: number): number {
  return Math.max(1, taughtLevel - 1);
}

/** RQF level named in text: "Level 3 Certificate" → 3, "Entry Level 2" → 0, "Advanced" apprenticeship → 3. */
export function rqfLevelFromText(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/\bentry\s*level\b/i.test(text)) return 0;
  const m = /\blevel\s*(\d)\b/i.exec(text);
  if (m) return Number(m[1]);
  const apprenticeshipLevel: Record<string, number> = { intermediate: 2, advanced: 3, higher: 4, degree: 6 };
  const word = /^\s*(intermediate|advanced|higher|degree)\b/i.exec(text);
  return word ? apprenticeshipLevel[word[1].toLowerCase()] : undefined;
}
