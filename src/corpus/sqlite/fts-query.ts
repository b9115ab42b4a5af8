// FTS5 MATCH expressions built from query words. Every word is a quoted string, so nothing a
// user types is read as FTS5 syntax.

const quoted = (word: string): string => `"${word.replace(/"/g, '""')}"`;

/** Shortest last word that is also matched as a prefix (shorter ones expand to half the corpus). */
const MIN_PREFIX = 3;

/** Every word must match; the last also as a prefix ("lora merg" finds "merging"). */
export function allWords(words: readonly string[], prefixLast: boolean): string {
  return words
    .map((w, i) => (prefixLast && i === words.length - 1 && w.length >= MIN_PREFIX ? `${quoted(w)}*` : quoted(w)))
    .join(' AND ');
}

/** Any word may match; bm25 ranks papers with more (and rarer) words first. */
export function anyWord(words: readonly string[]): string {
  return words.map(quoted).join(' OR ');
}

/** The token a paper id becomes in a chunk's `pid` column: letters and digits only. */
export function paperToken(paperId: string): string {
  return `p${paperId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}
