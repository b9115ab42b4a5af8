// Caps on each paper field, so one oversized record (a 54 MB abstract, ten thousand authors)
// cannot take the process's memory in ranking, storage and every later command.

/** Most characters kept per text field; the rest is cut and a note says so. */
export const FIELD_LIMITS = {
  id: 300,
  title: 1_000,
  abstract: 20_000,
  author: 300,
  authors: 200,
  category: 64,
  categories: 50,
  aiSummary: 4_000,
  aiKeyword: 120,
  aiKeywords: 50,
  comment: 2_000,
  journalRef: 1_000,
  doi: 300,
  link: 2_000,
} as const;

/** The note that ends a cut field, so readers and models know the text is incomplete. */
export function truncationNote(originalLength: number): string {
  return ` … [truncated by paperbot: ${originalLength.toLocaleString('en-US')} characters in all]`;
}

const NOTED = / … \[truncated by paperbot: [\d,]+ characters in all\]$/;

/** `text` cut to about `max` characters with a truncation note; unchanged when it fits or was already cut. */
export function capField(text: string, max: number): string {
  if (text.length <= max) return text;
  const noted = NOTED.exec(text);
  if (noted && noted.index <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut).trimEnd() + truncationNote(text.length);
}

/** `items` cut to `maxItems` entries of at most `maxChars` each; a cut list ends with "… and N more". */
export function capList(items: readonly string[], maxItems: number, maxChars: number, more?: (n: number) => string): string[] {
  const kept = items.slice(0, maxItems).map((s) => capField(s, maxChars));
  if (items.length > maxItems && more) kept.push(more(items.length - maxItems));
  return kept;
}
