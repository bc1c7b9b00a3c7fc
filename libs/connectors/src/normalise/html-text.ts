import { decodeHTML } from 'entities';

/** Decodes HTML character references (every HTML5 named entity, decimal and hex), as a browser does. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const LIST_ITEM = /<li\b[^>]*>/gi;
const BLOCK_BOUNDARY = /<\/?(p|div|br|h[1-6]|ul|ol|li|tr|table|section|article|blockquote|pre|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>/gi;
const LOOKS_LIKE_MARKUP = /<[a-z!/]/i;
const ESCAPED_MARKUP = /&lt;\/?[a-z][a-z0-9]*(\s[^&]*)?&gt;/i;

/**
 * Turns an HTML (or plain) description into readable plain text: paragraphs and line breaks become
 * newlines, list items become "- " lines, other tags vanish, entities are decoded, whitespace is tidied.
 * Some feeds escape their HTML twice ("&lt;p&gt;"); that is unescaped first.
 */
export function htmlToText(input: string): string {
  let html = input;
  if (!LOOKS_LIKE_MARKUP.test(html)) {
    if (!ESCAPED_MARKUP.test(html)) return tidyWhitespace(decodeEntities(html));
    html = decodeEntities(html);
  }
  const text = html
    .replace(SCRIPT_OR_STYLE, ' ')
    .replace(COMMENT, ' ')
    .replace(LIST_ITEM, '\n- ')
    .replace(BLOCK_BOUNDARY, '\n')
    .replace(ANY_TAG, '');
  return tidyWhitespace(decodeEntities(text));
}

function tidyWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
