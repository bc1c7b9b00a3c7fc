export * from './connector.types';
export * from './connector.errors';
export { createConnector, isSourceFormat } from './connector.factory';
export {
  findAnApprenticeshipConnector,
  vacancyPageUrl,
  FIND_AN_APPRENTICESHIP_MAX_PAGE_SIZE,
} from './formats/find-an-apprenticeship.connector';
export { jobPostingJsonLdConnector } from './formats/jobposting-jsonld.connector';
export { courseJsonLdConnector } from './formats/course-jsonld.connector';
export {
  skillsBootcampsCsvConnector,
  SKILLS_BOOTCAMPS_CSV_COLUMNS,
} from './formats/skills-bootcamps-csv.connector';
export { HttpPageFetcher, parseRetryAfter, type HttpPageFetcherOptions } from './http/http-page-fetcher';
export { TokenBucket } from './http/token-bucket';
export { htmlToText, decodeEntities } from './normalise/html-text';
export { parseFundingText } from './normalise/funding-parser';
export { canonicalJson, contentHashOf } from './normalise/content-hash';
export { proficiencyForRqf, requiredLevelForJobTitle, DEFAULT_TAUGHT_LEVEL } from './normalise/skill-levels';
export { parseFeedDate } from './normalise/uk-date';
