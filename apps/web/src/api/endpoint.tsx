/**
 * Where the GraphQL API is. Same origin `/graphql` by default (the API serves this app); a build can
 * set VITE_GRAPHQL_URL, and an operator can override it at run time with
 * `<meta name="skillpath-graphql-url" content="https://…/graphql">` in index.html.
 */
export function graphqlEndpoint(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="skillpath-graphql-url"]')?.content;
  return meta || import.meta.env.VITE_GRAPHQL_URL || '/graphql';
}

/** The session endpoints (`/auth/refresh`, `/auth/logout`) next to the GraphQL endpoint, where the refresh cookie is sent. */
export function authUrl(action: 'refresh' | 'logout'): string {
  return new URL(`/auth/${action}`, new URL(graphqlEndpoint(), window.location.href)).toString();
}
