import * as path from 'path';

/**
 * `shared/data` beside the repository (…/repo/../shared/data), where the ESCO release and the
 * public labelled sets live on developer machines and in CI, or wherever `SKILLPATH_SHARED_DATA`
 * points (a git worktree sits one folder deeper). They are never committed.
 */
export const SHARED_DATA_DIR =
  process.env.SKILLPATH_SHARED_DATA || path.resolve(__dirname, '../../../../shared/data');
export const ESCO_RELEASE_DIR = path.join(SHARED_DATA_DIR, 'esco', 'v1.1.1');
export const ESCO_SKILLS_CSV = path.join(ESCO_RELEASE_DIR, 'classification', 'skills_en.csv');
export const DECORTE_DIR = path.join(SHARED_DATA_DIR, 'jobs', 'decorte_esco_skill_extraction');
