// The words of a typed query, shared by every corpus backend: letters and digits only, so no
// query text can reach a database's query syntax. Unstemmed, because each database stems the
// words it indexed its own way.
import { isStopWord, words } from '../text/analyze.js';

/** Most words a query contributes: longer queries are pasted abstracts, not searches. */
export const MAX_QUERY_WORDS = 16;

/**
 * Lowercase words of `text` (Unicode letters and digits; everything else separates), without
 * duplicates, in order. Stop words are dropped unless the query has nothing else.
 */
export function queryWords(text: string): string[] {
  const all = [...new Set(words(text, { keepAccents: true }))];
  const content = all.filter((w) => !isStopWord(w));
  return (content.length ? content : all).slice(0, MAX_QUERY_WORDS);
}
