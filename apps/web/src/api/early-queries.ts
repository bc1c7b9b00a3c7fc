import type { DocumentNode } from 'graphql';
import {
  LearnerProfileDocument,
  MyOutcomesDocument,
  MyRoadmapDocument,
  PartnershipHomeDocument,
  type Role,
  UnreadCountDocument,
} from '../gql/generated';

/**
 * The queries a page needs at once, by path, for a returning person of these roles. The script inlined
 * in index.html (apps/web/scripts/early-session.ts) sends them as soon as it has exchanged the stored
 * refresh token, while the app's own script is still downloading; authFetch hands their answers to
 * the app when it asks the same query. A query left out here just goes out later, as usual.
 */
export const EARLY_QUERIES: Record<string, { roles: Role[]; documents: DocumentNode[] }> = {
  // A resident's home: "/" redirects a signed-in learner there.
  '/roadmap': {
    roles: ['LEARNER'],
    documents: [MyRoadmapDocument, LearnerProfileDocument, MyOutcomesDocument, UnreadCountDocument],
  },
  // A partnership's dashboard: organisation, cohorts and the first dashboard in one query.
  '/partnership': { roles: ['PARTNER', 'ADMIN'], documents: [PartnershipHomeDocument] },
  '/': {
    roles: ['LEARNER'],
    documents: [MyRoadmapDocument, LearnerProfileDocument, MyOutcomesDocument, UnreadCountDocument],
  },
};
