// Checking a model's quote against the text it was given: verbatim after normalising whitespace
// (and typographic quotes and dashes, which models rewrite freely), never fuzzy.

/** Fewest words a quote must have to count: "the model" proves nothing. */
const MIN_QUOTE_WORDS = 3;

/** Text as compared: NFKC, straight quotes, plain hyphens, one space between words. */
export function normalizeForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The quote without the wrapping a model adds around it (quotation marks, ellipses). */
function core(quote: string): string {
  return normalizeForQuote(quote)
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .replace(/^(\.\.\.|…)\s*|\s*(\.\.\.|…)$/g, '')
    .trim();
}

/**
 * The index in `texts` of the first text containing `quote` verbatim (after normalising
 * whitespace, quotes and dashes), or -1. Quotes shorter than three words never match.
 */
export function findQuote(quote: string, texts: string[]): number {
  const needle = core(quote);
  if (needle.split(' ').filter(Boolean).length < MIN_QUOTE_WORDS) return -1;
  return texts.findIndex((t) => normalizeForQuote(t).includes(needle));
}

/** The quote as it will be shown: normalised and stripped of wrapping marks. */
export function cleanQuote(quote: string): string {
  return core(quote);
}
