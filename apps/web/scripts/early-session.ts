import { formatDocument, stringifyDocument } from '@urql/core';
import { getOperationAST, type DocumentNode } from 'graphql';
import { EARLY_QUERIES } from '../src/api/early-queries';
import { RefreshTokenDocument } from '../src/gql/generated';

/** Where early answers wait for the app; the app takes the object off `window` as soon as it runs. */
export const EARLY_GLOBAL = '__skillpathEarly';

function operation(doc: DocumentNode): { operationName: string; query: string } {
  const name = getOperationAST(doc)?.name?.value;
  if (!name) throw new Error('an early query needs an operation name');
  // The text urql sends (its cache exchange adds __typename), so authFetch can tell a request is this very query.
  return { operationName: name, query: stringifyDocument(formatDocument(doc)) };
}

/**
 * A classic script for the <head> of index.html. For a returning person (a refresh token in storage)
 * it exchanges the token at once, while the app's script is still downloading, then asks the queries
 * the page needs (EARLY_QUERIES) with the new access token. On a slow link that takes the exchange and
 * the page's queries off the critical path: they used to start only after the script had arrived and
 * run. It stores the rotated refresh token straight away, so a reload before the app runs keeps the
 * session. It does nothing for anyone signed out.
 */
export function earlySessionScript(defaultEndpoint: string): string {
  const routes = Object.fromEntries(
    Object.entries(EARLY_QUERIES).map(([path, r]) => [
      path,
      { roles: r.roles, ops: r.documents.map(operation) },
    ]),
  );
  const config = {
    key: 'skillpath.refreshToken',
    endpoint: defaultEndpoint,
    refresh: operation(RefreshTokenDocument),
    routes,
  };
  return `(function (c) {
  var token;
  try { token = localStorage.getItem(c.key); } catch (e) { return; }
  if (!token || !window.fetch) return;
  var meta = document.querySelector('meta[name="skillpath-graphql-url"]');
  var url = (meta && meta.content) || c.endpoint;
  function post(op, variables, accessToken) {
    var headers = { 'content-type': 'application/json' };
    if (accessToken) headers.authorization = 'Bearer ' + accessToken;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify({ operationName: op.operationName, query: op.query, variables: variables }) })
      .then(function (r) { return r.json(); });
  }
  var refresh = post(c.refresh, { refreshToken: token }).then(function (body) {
    var p = body && body.data && body.data.refreshToken;
    if (p) try { localStorage.setItem(c.key, p.refreshToken); } catch (e) {}
    return body;
  });
  var route = c.routes[location.pathname];
  var queries = {};
  if (route) route.ops.forEach(function (op) {
    queries[op.operationName] = { query: op.query, body: refresh.then(function (body) {
      var p = body && body.data && body.data.refreshToken;
      return p && route.roles.indexOf(p.user.role) >= 0 ? post(op, {}, p.accessToken) : null;
    }).catch(function () { return null; }) };
  });
  window.${EARLY_GLOBAL} = { token: token, url: url, refresh: refresh, queries: queries };
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
