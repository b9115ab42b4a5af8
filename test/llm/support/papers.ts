// Small synthetic papers for LLM-layer tests.
import type { Paper } from '../../../src/types.js';

/** A paper with sensible defaults; override any field. */
export function makePaper(id: string, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `We study topic ${id}. We show results on benchmarks.`,
    authors: ['A. Author', 'B. Author'],
    categories: ['cs.LG'],
    links: { abs: `https://arxiv.org/abs/${id}` },
    signals: {},
    sources: ['test'],
    ...overrides,
  };
}
