import { MalformedPageError } from '../connector.errors';
import type { ConnectorContext, ConnectorPage, ParseResult } from '../connector.types';
import { isObject, urlOf, type JsonObject } from '../normalise/field-values';
import { parseJsonPage } from './json-page';

export interface JsonLdPage {
  /** Nodes of the wanted type, plus anything in an item list that is not a node (to be quarantined). */
  items: unknown[];
  /** Absolute URL of the next page, or null. */
  nextPage: string | null;
  /** Nodes by `@id`, to resolve references like `"provider": {"@id": "#org"}`. */
  nodesById: Map<string, JsonObject>;
}

/** "JobPosting", "schema:JobPosting" and "https://schema.org/JobPosting" are all JobPosting. */
export function hasType(node: unknown, type: string): boolean {
  if (!isObject(node)) return false;
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '') === type);
}

/**
 * Reads one page of a JSON-LD feed in any of the shapes feeds use: an `ItemList` (`itemListElement`,
 * items bare or wrapped in `ListItem.item`), a bare array, an `@graph` (other node types there, such as
 * the organisations items refer to, are context, not records), or a single node.
 */
export function readJsonLdPage(body: string, wantedType: string, pageUrl?: string): JsonLdPage {
  const json = parseJsonPage(body, pageUrl);
  const nodesById = new Map<string, JsonObject>();
  let items: unknown[];
  let listed: boolean;
  if (Array.isArray(json)) {
    items = json;
    listed = true;
  } else if (isObject(json) && Array.isArray(json.itemListElement)) {
    items = json.itemListElement;
    listed = true;
  } else if (isObject(json) && Array.isArray(json['@graph'])) {
    const graph = json['@graph'];
    const list = graph.find(
      (node) => hasType(node, 'ItemList') && isObject(node) && Array.isArray(node.itemListElement),
    );
    items = list && isObject(list) ? (list.itemListElement as unknown[]) : graph;
    listed = list !== undefined;
    for (const node of graph) {
      if (isObject(node) && typeof node['@id'] === 'string') nodesById.set(node['@id'], node);
    }
  } else if (hasType(json, wantedType)) {
    items = [json];
    listed = true;
  } else {
    throw new MalformedPageError(
      `JSON-LD page has no ${wantedType} items: expected an ItemList (itemListElement), an array, or an @graph`,
      pageUrl,
      body.slice(0, 200),
    );
  }
  items = items.map((item) =>
    hasType(item, 'ListItem') && isObject(item) && isObject(item.item) ? item.item : item,
  );
  if (!listed) items = items.filter((node) => hasType(node, wantedType));
  const next = isObject(json) ? json.nextPage : undefined;
  let nextPage: string | null = null;
  if (next !== undefined && next !== null && next !== '') {
    nextPage = urlOf(next, pageUrl) ?? null;
    if (nextPage === null)
      throw new MalformedPageError(`nextPage ${JSON.stringify(next)} is not a URL`, pageUrl);
  }
  return { items, nextPage, nodesById };
}

/** A `{"@id": ...}` reference replaced by the node it names in the page's @graph, when there is one. */
export function resolveRef(value: unknown, nodesById: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return nodesById.get(value['@id']) ?? value;
  }
  return value;
}

const PAGE_MARK = 'skillpath-page=';

/**
 * The JSON-LD cursor is the next page's absolute URL. Its fragment (never sent to the server) carries the
 * page's ordinal so a resumed run still knows which page it is on.
 */
export function jsonLdCursor(nextPage: string, pageNumber: number): string {
  const url = new URL(nextPage);
  url.hash = `${PAGE_MARK}${pageNumber}`;
  return url.toString();
}

export function readJsonLdCursor(
  cursor: string | null,
  firstUrl: string,
): { url: string; pageNumber: number } {
  if (cursor === null) return { url: firstUrl, pageNumber: 1 };
  const hash = /#skillpath-page=(\d+)$/.exec(cursor);
  return { url: cursor.replace(/#.*$/, ''), pageNumber: hash ? Number(hash[1]) : 1 };
}

export function stripHash(url: string): string {
  return url.replace(/#.*$/, '');
}

/** Fetches the page a JSON-LD feed's cursor points at (the source's URL for the first page). */
export function fetchJsonLdPage(ctx: ConnectorContext, cursor: string | null) {
  const { url } = readJsonLdCursor(cursor, ctx.sourceUrl);
  return ctx.fetcher.get(url, { Accept: 'application/ld+json, application/json' });
}

/**
 * One page of a JSON-LD feed of `wantedType` nodes as a connector page: `toRecords` reads its items;
 * the next cursor carries the page number. A `nextPage` pointing back at this page is malformed.
 */
export function jsonLdConnectorPage(
  body: string,
  wantedType: string,
  cursor: string | null,
  pageUrl: string | undefined,
  toRecords: (page: JsonLdPage) => ParseResult[],
): ConnectorPage {
  const { pageNumber } = readJsonLdCursor(cursor, pageUrl ?? '');
  const page = readJsonLdPage(body, wantedType, pageUrl);
  if (page.nextPage !== null && pageUrl !== undefined && page.nextPage === stripHash(pageUrl)) {
    throw new MalformedPageError('nextPage points back at the same page', pageUrl);
  }
  return {
    records: toRecords(page),
    nextCursor: page.nextPage === null ? null : jsonLdCursor(page.nextPage, pageNumber + 1),
    pageNumber,
  };
}
