import { Injectable } from '@nestjs/common';
import { RequestLoaders } from '@skillpath/common';
import {
  OutcomeCounts,
  publishOutcomes,
  publishProviderOutcomes,
  PublishedOutcomes,
} from './outcome-figures';
import { OpportunityOutcomesModel } from './outcomes.models';
import { CourseOutcomeRow, OutcomesRepository } from './outcomes.repository';

/** The published outcomes of a course: its figures, its provider's, and for guaranteed interviews, promised against held. */
export function describeOutcomes(
  course: CourseOutcomeRow,
  providerCourses: readonly CourseOutcomeRow[],
): OpportunityOutcomesModel {
  const mine = publishOutcomes(course);
  const provider = publishProviderOutcomes(providerCourses);
  return {
    course: mine,
    provider,
    interviewsPromised: course.guaranteedInterview ? mine.completions : null,
    interviewsHeld: course.guaranteedInterview ? mine.interviews : null,
    summary: sentence(course, mine),
  };
}

function sentence(course: CourseOutcomeRow, p: PublishedOutcomes): string {
  if (course.starts === 0)
    return 'No one has started this yet through Skillpath, so there are no results to show.';
  const part = (f: PublishedOutcomes[keyof OutcomeCounts], what: string) =>
    f.hidden ? `${what}: hidden to protect privacy` : `${f.value} ${what}`;
  const parts = [
    part(p.starts, 'started'),
    part(p.completions, 'completed'),
    part(p.interviews, 'had an interview after'),
    part(p.jobs, 'found work after'),
  ];
  const promised =
    course.guaranteedInterview && !p.completions.hidden && !p.interviews.hidden
      ? ` ${p.completions.value} interviews promised, ${p.interviews.value} held.`
      : '';
  return `${parts.join('; ')}.${promised}`;
}

/** Outcomes of courses as residents see them, batched per request. */
@Injectable()
export class OutcomesService {
  constructor(private readonly rows: OutcomesRepository) {}

  async forOpportunities(ids: readonly string[]): Promise<Map<string, OpportunityOutcomesModel>> {
    const all = await this.rows.providerCourses(ids);
    const byProvider = new Map<string, CourseOutcomeRow[]>();
    for (const r of all) byProvider.set(r.provider, [...(byProvider.get(r.provider) ?? []), r]);
    const byId = new Map(all.map((r) => [r.opportunityId, r]));
    const out = new Map<string, OpportunityOutcomesModel>();
    for (const id of ids) {
      const course = byId.get(id);
      if (course) out.set(id, describeOutcomes(course, byProvider.get(course.provider) ?? [course]));
    }
    return out;
  }

  /** One listing's outcomes within a request (null for a vacancy: nothing is learnt there). */
  of(loaders: RequestLoaders, opportunityId: string): Promise<OpportunityOutcomesModel | null> {
    return loaders
      .get<string, OpportunityOutcomesModel | null>('opportunityOutcomes', async (ids) => {
        const found = await this.forOpportunities(ids);
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(opportunityId);
  }
}
