import { describe, expect, it } from 'vitest';
import { normalizeAbstract, oneLine, slugify, splitAuthors } from '../../src/sources/text.js';
import { parseRetryAfter } from '../../src/sources/retry-after.js';

describe('text normalisation', () => {
  it('puts a hard-wrapped title on one line', () => {
    expect(oneLine('Breaking the Memory Barrier: Near Infinite Batch Size Scaling for\n  Contrastive Loss')).toBe(
      'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
    );
  });

  it('joins 80-column wraps but keeps indented paragraph breaks and blank lines', () => {
    const text = '  First line wrapped\nhere.\n  Second   paragraph\nwraps too.\n\nThird.  ';
    expect(normalizeAbstract(text)).toBe('First line wrapped here.\nSecond paragraph wraps too.\nThird.');
  });

  it('keeps LaTeX untouched', () => {
    expect(normalizeAbstract('speedup of 6.01$\\times$ in 60 $\\mu$s')).toBe('speedup of 6.01$\\times$ in 60 $\\mu$s');
  });

  it('splits a creator list, keeping ", Jr." with its name', () => {
    expect(splitAuthors('Ada Lovelace, Martin Luther King, Jr., Grace Hopper and Alan Turing')).toEqual([
      'Ada Lovelace',
      'Martin Luther King, Jr.',
      'Grace Hopper',
      'Alan Turing',
    ]);
    expect(splitAuthors('A. One, B. Two, and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
  });

  it('slugifies stably, keeping non-Latin letters', () => {
    expect(slugify('  Attention Is All You Need! ')).toBe('attention-is-all-you-need');
    expect(slugify('Über Modelle: Ästhetik')).toBe('uber-modelle-asthetik');
    expect(slugify('注意力机制')).toBe('注意力机制');
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-04-27T10:00:00Z');
    expect(parseRetryAfter('Mon, 27 Apr 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 27 Apr 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
