// A paper's text analyzed once for the lexical ranker: term sequences for phrase matching and
// per-field term counts, with the same analysis as the search index.
import type { Paper } from '../types.js';
import { scanTerms } from '../search/text.js';

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

function analyzePaper(paper: Paper): PaperText {
  const counts = new Map<string, TermCounts>();
  const keywords: string[] = [];
  for (const k of paper.aiKeywords ?? []) {
    if (keywords.length) keywords.push(BREAK);
    keywords.push(...analyzeField(k, 'keywords', counts));
  }
  return {
    title: analyzeField(paper.title, 'title', counts),
    keywords,
    abstract: analyzeField(paper.abstract, 'abstract', counts),
    counts,
  };
}

// The same paper is ranked for every channel of a digest run, usually as a fresh object loaded
// from the store each time, so analyses are kept by object and by id + text size (a new
// version or edited text changes the key). Bounded: oldest entries go first.
const byObject = new WeakMap<Paper, PaperText>();
const byKey = new Map<string, PaperText>();
const KEY_CACHE_CAP = 4000;

function cacheKey(p: Paper): string {
  return `${p.id}|${p.version ?? ''}|${p.title.length}|${p.abstract.length}|${p.aiKeywords?.length ?? 0}`;
}

/** The analyzed text of a paper (cached). */
export function paperText(paper: Paper): PaperText {
  const hit = byObject.get(paper);
  if (hit) return hit;
  const key = cacheKey(paper);
  let text = byKey.get(key);
  if (text) {
    byKey.delete(key);
  } else {
    text = analyzePaper(paper);
    if (byKey.size >= KEY_CACHE_CAP) byKey.delete(byKey.keys().next().value!);
  }
  byKey.set(key, text);
  byObject.set(paper, text);
  return text;
}
