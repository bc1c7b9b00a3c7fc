import { formatDocument, stringifyDocument } from '@urql/core';
import { getOperationAST, type DocumentNode } from 'graphql';
import { EARLY_QUERIES } from '../src/api/early-queries';

/** Where early answers wait for the app; the app takes the object off `window` as soon as it runs. */
export const EARLY_GLOBAL = '__skillpathEarly';

function operation(doc: DocumentNode): { operationName: string; query: string } {
  const name = getOperationAST(doc)?.name?.value;
  if (!name) throw new Error('an early query needs an operation name');
  // The text urql sends (its cache exchange adds __typename), so authFetch can tell a request is this very query.
  return { operationName: name, query: stringifyDocument(formatDocument(doc)) };
}

/**
 * A classic script for the <head> of index.html. For a returning person (the "signed in" mark in
 * storage) it refreshes the session at once through POST /auth/refresh, where the browser sends the
 * HttpOnly refresh cookie no script can read, while the app's script is still downloading; then it
 * asks the queries the page needs (EARLY_QUERIES) with the new access token. On a slow link that takes
 * the exchange and the page's queries off the critical path. It does nothing for anyone signed out.
 */
export function earlySessionScript(defaultEndpoint: string): string {
  const routes = Object.fromEntries(
    Object.entries(EARLY_QUERIES).map(([path, r]) => [
      path,
      { roles: r.roles, ops: r.documents.map(operation) },
    ]),
  );
  const config = {
    key: 'skillpath.signedIn',
    endpoint: defaultEndpoint,
    routes,
  };
  return `(function (c) {
  var signedIn;
  try { signedIn = localStorage.getItem(c.key) === '1'; } catch (e) { return; }
  if (!signedIn || !window.fetch) return;
  var meta = document.querySelector('meta[name="skillpath-graphql-url"]');
  var url = (meta && meta.content) || c.endpoint;
  var refreshUrl = new URL('/auth/refresh', new URL(url, location.href)).toString();
  function post(op, variables, accessToken) {
    var headers = { 'content-type': 'application/json', 'x-skillpath-session': 'cookie' };
    if (accessToken) headers.authorization = 'Bearer ' + accessToken;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'include',
      body: JSON.stringify({ operationName: op.operationName, query: op.query, variables: variables }) })
      .then(function (r) { return r.json(); });
  }
  function exchange() {
    return fetch(refreshUrl, { method: 'POST', credentials: 'include', headers: { 'x-skillpath-csrf': '1' } })
      .then(function (r) { return r.json(); });
  }
  // One tab of the group at a time (the app's refreshes take the same lock).
  var refresh = navigator.locks ? navigator.locks.request('skillpath-refresh', exchange) : exchange();
  var route = c.routes[location.pathname];
  var queries = {};
  if (route) route.ops.forEach(function (op) {
    queries[op.operationName] = { query: op.query, body: refresh.then(function (body) {
      var p = body && body.data && body.data.refreshToken;
      return p && route.roles.indexOf(p.user.role) >= 0 ? post(op, {}, p.accessToken) : null;
    }).catch(function () { return null; }) };
  });
  window.${EARLY_GLOBAL} = { url: url, refreshUrl: refreshUrl, refresh: refresh, queries: queries };
})(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
}

/** Marks where the script goes: after the endpoint meta tag it reads, before the stylesheet (a script after it would wait for it). */
export const EARLY_SESSION_PLACEHOLDER = '<!-- early-session -->';

/** Vite plugin: inlines earlySessionScript in place of the placeholder in index.html. */
export function earlySessionPlugin() {
  let endpoint = '/graphql';
  return {
    name: 'skillpath-early-session',
    configResolved(config: { env: Record<string, string | undefined> }) {
      endpoint = config.env.VITE_GRAPHQL_URL || '/graphql';
    },
    transformIndexHtml(html: string): string {
      if (!html.includes(EARLY_SESSION_PLACEHOLDER))
        throw new Error(`index.html has no ${EARLY_SESSION_PLACEHOLDER} placeholder`);
      return html.replace(
        EARLY_SESSION_PLACEHOLDER,
        () => `<script>${earlySessionScript(endpoint)}</script>`,
      );
    },
  };
}
