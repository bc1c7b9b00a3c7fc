/** Thrown while normalising one record; becomes that record's quarantine reason. */
export class RecordError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordError';
  }
}

export function describeValue(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
