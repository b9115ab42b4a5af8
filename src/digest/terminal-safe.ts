// Untrusted text on a terminal: a title must not be able to move the cursor or recolor the screen.

/**
 * Control characters (ANSI escapes, carriage returns; line breaks and tabs stay), bidirectional
 * overrides and isolates (which reorder what follows: "Trojan Source"), and invisible zero-width
 * and format characters (which hide or spoof text).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `text` without control, bidi-override and zero-width characters; line breaks and tabs kept. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, '');
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
