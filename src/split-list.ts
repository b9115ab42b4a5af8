// Comma lists as people type them, for flags and environment variables alike (no dependencies, so
// the CLI can parse flags before loading configuration).
/** Splits a comma list, trimming and dropping empties. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
