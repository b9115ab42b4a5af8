// Splits a user's search text into what websearch_to_tsquery reads and a last word matched as a prefix.

/** A search split for SQL: `websearch` goes to websearch_to_tsquery, `prefix` to `to_tsquery(…:*)`. */
export interface SplitQuery {
  websearch: string;
  /** The last word, matched as a prefix, when the text ends with a plain word. */
  prefix?: string;
  /** How the prefix joins the rest: `or` when the text read "… or word". */
  join: 'and' | 'or';
}

const LAST_WORD = /^(.*?)([\p{L}\p{N}_]+)\s*$/su;

/**
 * Splits `text` so the last word also matches as a prefix ("diffus" finds "diffusion") while the
 * rest keeps websearch syntax (quotes, `or`, `-word`). A last word inside an open quote or
 * negated with `-` stays with the websearch part.
 */
export function splitQuery(text: string): SplitQuery {
  const trimmed = text.trim();
  const m = LAST_WORD.exec(trimmed);
  if (!m) return { websearch: trimmed, join: 'and' };
  const [, before = '', word = ''] = m;
  const quotes = (before.match(/"/g) ?? []).length;
  if (quotes % 2 === 1 || /-$/.test(before) || !/(^|[\s"(])$/.test(before)) return { websearch: trimmed, join: 'and' };
  const orBefore = /(^|\s)or\s+$/i.exec(before);
  if (orBefore && before.slice(0, orBefore.index).trim()) {
    return { websearch: before.slice(0, orBefore.index).trim(), prefix: word, join: 'or' };
  }
  return { websearch: before.trim(), prefix: word, join: 'and' };
}
