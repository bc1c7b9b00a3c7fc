// Test and benchmark helpers of the connectors (imported as @skillpath/connectors/testing, never
// from the lib's index): local feed servers, a scripted HTTP server, a small real skill matcher and
// the feed fixtures in ./fixtures.
export { PhraseSkillMatcher, type PhraseSkill } from './phrase-skill-matcher';
export {
  startScriptedHttpServer,
  type ScriptedHttpServer,
  type ScriptedReply,
  type RecordedRequest,
} from './scripted-http-server';
export {
  startFeedServer,
  FEED_SKILL_PHRASES,
  FEED_VACANCY_REFERENCE_BASE,
  type FeedServer,
  type FeedServerOptions,
  type FeedFault,
  type FeedRequest,
  type VersionDescription,
} from './feed-server';
export { SAMPLE_SKILLS, sampleMatcher, readSample, FIXTURES_DIR, walkFeed } from './connector-test-fixtures';
