// Untrusted text on a terminal: a title must not be able to move the cursor or recolor the screen.

/** Removes control characters (ANSI escapes, carriage returns) but keeps line breaks and tabs. */
export function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** A deep copy of plain data with every string sanitized (for rendering papers and digests). */
export function sanitizeStrings<T>(value: T): T {
  if (typeof value === 'string') return sanitize(value) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeStrings(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeStrings(v)])) as T;
  }
  return value;
}
