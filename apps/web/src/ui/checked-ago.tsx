/** "checked 2 hours ago": how long since a listing refresh last saw a listing in its feed. */
export function checkedAgo(iso: string | null | undefined, now = Date.now()): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return 'checked just now';
  if (minutes < 60) return `checked ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `checked ${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `checked ${days} days ago`;
}

/** The freshness line of a listing from a feed; nothing for listings no feed carries. */
export function CheckedAgo({ at }: { at: string | null | undefined }) {
  const text = checkedAgo(at);
  if (!text) return null;
  return (
    <p className="checked-ago muted">
      <time dateTime={at!}>{text}</time>
    </p>
  );
}
