// A paper's text analyzed once for the lexical ranker: term sequences for phrase matching and
// per-field term counts, with the same analysis as the search index.
import type { Paper } from '../types.js';
import { scanTerms } from '../text/analyze.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Where a term occurs, packed in one number (8 bits each, capped at 255): occurrences in the
 * title, the HF keywords, the abstract, and the abstract's opening (which usually states the
 * paper's topic). Read with `countIn`.
 */
export type TermCounts = number;

/** The fields of a packed TermCounts. */
export type CountField = 'title' | 'keywords' | 'abstract' | 'lead';
const SHIFT: Record<CountField, number> = { title: 0, keywords: 8, abstract: 16, lead: 24 };

/** Occurrences of a term in one field, from its packed counts. */
export function countIn(counts: TermCounts | undefined, field: CountField): number {
  return counts === undefined ? 0 : (counts >>> SHIFT[field]) & 255;
}

/** Terms of the abstract that count as its opening. */
export const LEAD_TERMS = 30;

/** The analyzed text of one paper. */
export interface PaperText {
  /** Term sequences per field ("" separates HF keywords so phrases do not run across them). */
  title: string[];
  keywords: string[];
  abstract: string[];
  /** Per-term packed counts (sequence terms and the joined forms of compounds). */
  counts: Map<string, TermCounts>;
  /** The ids in `vocab` of the keys of `counts`, in the same order. */
  ids: Int32Array;
  /** The vocabulary `ids` refer to. */
  vocab: Vocabulary;
}

const BREAK = '';

const UNIT: Record<CountField, number> = { title: 1, keywords: 2 ** 8, abstract: 2 ** 16, lead: 2 ** 24 };

/** Adds one occurrence in the field (shift/unit) and, when `lead`, in the lead too; counts stay ≤ 255. */
function addTo(counts: Map<string, TermCounts>, term: string, shift: number, unit: number, lead: boolean): void {
  const c = counts.get(term) ?? 0;
  let next = ((c >>> shift) & 255) < 255 ? c + unit : c;
  if (lead && ((next >>> SHIFT.lead) & 255) < 255) next += UNIT.lead;
  if (next !== c) counts.set(term, next);
}

function analyzeField(text: string, field: CountField, counts: Map<string, TermCounts>): string[] {
  const seq: string[] = [];
  const lead = field === 'abstract';
  const shift = SHIFT[field];
  const unit = UNIT[field];
  // One map update per occurrence, the lead counted in the same update.
  const onJoined = (t: string) => addTo(counts, t, shift, unit, lead && seq.length <= LEAD_TERMS);
  scanTerms(
    text,
    (t) => {
      seq.push(t);
      onJoined(t);
    },
    onJoined,
  );
  return seq;
}

/** Points `text.ids` at `vocab`, keeping their order (the order of `text.counts`). */
export function internTerms(text: PaperText, vocab: Vocabulary): void {
  const ids = new Int32Array(text.counts.size);
  let k = 0;
  for (const term of text.counts.keys()) ids[k++] = vocab.intern(term);
  text.ids = ids;
  text.vocab = vocab;
}

/** Analyzes a paper's title, HF keywords and abstract, interning its terms into `vocab`. */
export function analyzePaperText(paper: Paper, vocab: Vocabulary): PaperText {
  const counts = new Map<string, TermCounts>();
  const keywords: string[] = [];
  for (const k of paper.aiKeywords ?? []) {
    if (keywords.length) keywords.push(BREAK);
    keywords.push(...analyzeField(k, 'keywords', counts));
  }
  const text: PaperText = {
    title: analyzeField(paper.title, 'title', counts),
    keywords,
    abstract: analyzeField(paper.abstract, 'abstract', counts),
    counts,
    ids: new Int32Array(0),
    vocab,
  };
  internTerms(text, vocab);
  return text;
}
