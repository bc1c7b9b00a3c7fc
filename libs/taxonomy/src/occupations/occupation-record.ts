/** What the occupation classifier needs to know about one taxonomy occupation. */
export interface OccupationRecord {
  id: string;
  uri?: string | null;
  label: string;
  altLabels: readonly string[];
  /** ESCO's hidden labels: misspellings and search terms, never shown. */
  hiddenLabels?: readonly string[];
  description?: string | null;
  /** ISCO-08 unit group (4 digits), e.g. "5322". */
  iscoGroup?: string | null;
}

/** One occupation a title or listing could be, best first in a list. */
export interface OccupationCandidate {
  id: string;
  uri: string | null;
  label: string;
  /** 0–1: how sure the classifier is (a calibrated share of the evidence, not a probability). */
  score: number;
}
