import { Client, cacheExchange, fetchExchange } from 'urql';
import { authFetch } from './auth-fetch';
import { graphqlEndpoint } from './endpoint';

export function createGraphQLClient(): Client {
  return new Client({
    url: graphqlEndpoint(),
    exchanges: [cacheExchange, fetchExchange],
    fetch: authFetch,
    preferGetMethod: false,
  });
}
