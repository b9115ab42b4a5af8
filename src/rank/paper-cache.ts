// Analyses of papers for ranking, kept so each paper is analyzed once: at ingest (warmForRanking)
// or at its first ranking, then reused by every channel's ranking and by feedback comparisons.
//
// The same paper usually arrives as a fresh object loaded from the store each time, so entries
// are found by id and reused only when the analyzed fields are still equal (a string compare,
// instant when the strings are shared). Bounded: the least recently used entries go first.
import type { Paper } from '../types.js';
import { authorNames, type AuthorNames } from './authors.js';
import { analyzePaperText, internTerms, type PaperText } from './paper-text.js';
import { currentVocabulary, renewVocabularyIfFull } from './vocabulary.js';

/** What the lexical ranker reads of one paper, analyzed once. */
export interface AnalyzedPaper {
  text: PaperText;
  authors: AuthorNames;
}

interface Entry {
  title: string;
  abstract: string;
  keywords: string[] | undefined;
  authors: string[];
  analysis: AnalyzedPaper;
}

/** Analyses kept: a few days of candidates, ~10 KB each. */
export const ANALYSIS_CACHE_SIZE = 4000;
const cache = new Map<string, Entry>();

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

function matches(e: Entry, p: Paper): boolean {
  return e.title === p.title && e.abstract === p.abstract && sameList(e.keywords, p.aiKeywords) && sameList(e.authors, p.authors);
}

/**
 * The analysis of a paper, from the cache when its title, abstract, HF keywords and authors are
 * unchanged, else made now (and cached). Its term ids are in the current vocabulary.
 */
export function analyzedPaper(paper: Paper): AnalyzedPaper {
  const vocab = currentVocabulary();
  let e = cache.get(paper.id);
  if (e && matches(e, paper)) {
    cache.delete(paper.id);
    if (e.analysis.text.vocab !== vocab) internTerms(e.analysis.text, vocab);
  } else {
    e = {
      title: paper.title,
      abstract: paper.abstract,
      keywords: paper.aiKeywords,
      authors: paper.authors,
      analysis: { text: analyzePaperText(paper, vocab), authors: authorNames(paper.authors) },
    };
    if (!cache.has(paper.id) && cache.size >= ANALYSIS_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.delete(paper.id);
  }
  cache.set(paper.id, e);
  return e.analysis;
}

/**
 * The analyses of a batch of papers that are compared with each other (one ranking): all their
 * term ids come from one vocabulary.
 */
export function analyzedPapers(papers: Paper[]): AnalyzedPaper[] {
  renewVocabularyIfFull();
  return papers.map(analyzedPaper);
}
