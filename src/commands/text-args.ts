/** Collapses whitespace and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens text to `max` characters on a word boundary; `cut` tells whether anything was dropped. */
export function capText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const slice = text.slice(0, max);
  const space = slice.lastIndexOf(' ');
  return { text: (space > max * 0.6 ? slice.slice(0, space) : slice).trimEnd(), cut: true };
}

/** A short quote of user text for messages ("…" when cut). */
export function quoteShort(text: string, max = 60): string {
  const { text: short, cut } = capText(normalizeSpace(text), max);
  return cut ? `${short}…` : short;
}

/** Splits a comma list, trimming, dropping empties and case-insensitive duplicates (first spelling wins). */
export function splitDistinct(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(',')) {
    const item = normalizeSpace(part);
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
