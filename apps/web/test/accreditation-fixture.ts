import type { GraphQLTestClient } from '@skillpath/testing';

/**
 * A provider publishes a short online course teaching the first skill found for `skillSearch` and asks
 * an employer to accredit it (what the employer's approval screens then show). Returns the course id.
 */
export async function courseAskingAccreditation(
  provider: { client: GraphQLTestClient; organisationId: string },
  employerOrganisationId: string,
  course: { title: string; skillSearch: string },
): Promise<string> {
  const skill = await provider.client.ok<{ skills: Array<{ id: string }> }>(
    'query($q: String!) { skills(search: $q, first: 1) { id } }',
    { q: course.skillSearch },
  );
  const skillId = skill.skills[0].id;
  const published = await provider.client.ok<{ publishCourse: { id: string } }>(
    `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { id } }`,
    {
      org: provider.organisationId,
      input: {
        kind: 'COURSE',
        mode: 'ONLINE',
        title: course.title,
        hoursPerWeek: 4,
        durationWeeks: 6,
        skillsTaught: [{ skillId, level: 3 }],
      },
    },
  );
  await provider.client.ok(
    'mutation($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }',
    {
      input: {
        employerId: employerOrganisationId,
        opportunityId: published.publishCourse.id,
        skillIds: [skillId],
      },
    },
  );
  return published.publishCourse.id;
}
