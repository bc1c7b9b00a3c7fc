/** What the in-memory engines (search, extraction) need to know about one taxonomy skill. */
export interface SkillRecord {
  id: string;
  uri?: string | null;
  label: string;
  altLabels: readonly string[];
  popularity?: number;
}
