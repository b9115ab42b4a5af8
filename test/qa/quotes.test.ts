// Quotes are checked verbatim after normalising whitespace, typographic quotes and dashes.
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../src/qa/quotes.js';

const texts = ['First passage about adapters.', 'All runs use 8 NVIDIA\n  A100 GPUs with 80 GB of memory each. The “best” model — ours.'];

describe('findQuote', () => {
  it('finds a quote across line breaks and spacing, in the passage that holds it', () => {
    expect(findQuote('All runs use 8 NVIDIA A100 GPUs', texts)).toBe(1);
    expect(findQuote('"All runs use 8 NVIDIA A100 GPUs…"', texts)).toBe(1);
    expect(findQuote('The "best" model - ours', texts)).toBe(1);
  });

  it('rejects paraphrases, changed numbers and quotes too short to prove anything', () => {
    expect(findQuote('All runs use eight NVIDIA A100 GPUs', texts)).toBe(-1);
    expect(findQuote('All runs use 16 NVIDIA A100 GPUs', texts)).toBe(-1);
    expect(findQuote('A100 GPUs', texts)).toBe(-1);
    expect(findQuote('', texts)).toBe(-1);
  });
});
