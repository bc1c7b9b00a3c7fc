/** A page that cannot be read at all (not JSON, wrong shape, broken CSV): the whole page attempt failed. */
export class MalformedPageError extends Error {
  constructor(
    message: string,
    readonly url?: string,
    /** The start of the body, to show an operator what came back. */
    readonly bodySnippet?: string,
  ) {
    super(url ? `${message} (page ${url})` : message);
    this.name = 'MalformedPageError';
  }
}

export type SourceFetchFailure =
  | 'HTTP_STATUS'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'INVALID_URL'
  | 'RETRY_AFTER_TOO_LONG'
  /** The URL, a next-page link or a redirect leads to a loopback, private, link-local or metadata address. */
  | 'BLOCKED_ADDRESS'
  /** The response is larger than the configured cap. */
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS';

/** A page could not be fetched, after `attempts` tries. */
export class SourceFetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly failure: SourceFetchFailure,
    readonly attempts: number,
    /** HTTP status of the last response, when there was one. */
    readonly status?: number,
    /** False when trying again later cannot help (4xx other than 429, a bad URL). */
    readonly retryable = true,
    /** Milliseconds the server asked us to wait (429/503 Retry-After), when it did. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SourceFetchError';
  }
}

/** The source is configured in a way that cannot work (missing credentials, unusable URL). */
export class ConnectorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorConfigError';
  }
}
