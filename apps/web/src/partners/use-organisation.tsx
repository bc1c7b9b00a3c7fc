import { useQuery } from 'urql';
import { MyOrganisationsDocument, type OrganisationKind } from '../gql/generated';
import { errorMessage } from '../ui/errors';

/** The signed-in person's organisation of the given kind (the first, when they belong to several). */
export function useOrganisation(kind: OrganisationKind) {
  const [{ data, fetching, error }] = useQuery({ query: MyOrganisationsDocument });
  const org = data?.myOrganisations.find((m) => m.organisation.kind === kind)?.organisation ?? null;
  return { org, loading: fetching && !data, problem: errorMessage(error), loaded: !!data };
}
