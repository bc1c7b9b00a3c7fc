import { badInput, isUuid } from '@skillpath/common';

/** Position after an item in a sorted list: its sort value and its id (the tie-break). */
export interface OpportunityCursor {
  sort: 'title' | 'distance' | 'rank';
  value: string | number;
  id: string;
}

export function encodeCursor(c: OpportunityCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString('base64url');
}

export function decodeCursor(raw: string, expected: OpportunityCursor['sort']): OpportunityCursor {
  try {
    const [sort, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [
      string,
      unknown,
      unknown,
    ];
    const validValue =
      sort === 'title' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
    if (sort === expected && validValue && isUuid(id)) {
      return { sort, value: value as string | number, id };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(
    '`after` is not a cursor from this query. Use pageInfo.endCursor from the previous page, with the same filter.',
  );
}
