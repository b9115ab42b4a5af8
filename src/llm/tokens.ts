// One approximate token counter for budgets, history trimming and benchmarks.

/**
 * Approximate token count of `text`: one token per four characters, rounded up. Close enough
 * for English prose with BPE tokenizers, and the same everywhere paperbot estimates.
 */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
