import * as path from 'path';
import { SHARED_DATA_DIR } from '@skillpath/taxonomy';

/** The shared public data (SKILLPATH_SHARED_DATA, else `../shared/data` beside the repo). */
export const ESCO_DIR = path.join(SHARED_DATA_DIR, 'esco', 'v1.1.1');
export const ESCO_VERSION = 'esco-v1.1.1';
export const DECORTE = path.join(SHARED_DATA_DIR, 'jobs', 'decorte_esco_skill_extraction');
export const SKILLSPAN = path.join(SHARED_DATA_DIR, 'jobs', 'skillspan');
/** Gitignored cache of vectors and encoded sentences. */
export const CACHE_DIR = path.resolve(__dirname, '../../.data/skill-ranking');
