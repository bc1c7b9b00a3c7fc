import { MalformedPageError } from '../connector.errors';

/** JSON.parse for a whole page: a page that is not JSON is a MalformedPageError, not a crash. */
export function parseJsonPage(body: string, pageUrl?: string): unknown {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedPageError(
      `page is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      pageUrl,
      text.slice(0, 200),
    );
  }
}
