import type { Paper } from '../types.js';
import { splitSentences } from '../digest/tldr.js';
import { contentTerms } from './terms.js';

/** A sentence of a paper's abstract with its relevance to a question. */
export interface ScoredSentence {
  paper: Paper;
  /** Position in the abstract (0-based). */
  position: number;
  text: string;
  score: number;
  /** Question terms the sentence contains. */
  matched: string[];
}

/** The sentences of a paper's abstract, each with its content terms. */
function sentencesOf(paper: Paper): Array<{ text: string; terms: Set<string> }> {
  return splitSentences(paper.abstract).map((text) => ({ text, terms: contentTerms(text) }));
}

/**
 * Scores every abstract sentence of `papers` against the question terms: the sum of the inverse
 * sentence frequency of each matched term, so rare words ("ImageNet") count more than common ones
 * ("model"). Sentences that do not overlap "enough" are dropped: they must match at least one term,
 * two when the question has three or more, and cover at least a quarter of the question's weight.
 * Best first; ties keep the abstract order.
 */
export function scoreSentences(question: Set<string>, papers: Paper[]): ScoredSentence[] {
  const all = papers.flatMap((paper) => sentencesOf(paper).map((s, position) => ({ ...s, paper, position })));
  if (question.size === 0 || all.length === 0) return [];
  const df = new Map<string, number>();
  for (const s of all) for (const t of question) if (s.terms.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log(1 + all.length / Math.max(1, df.get(t) ?? 0));
  const totalWeight = [...question].reduce((sum, t) => sum + weight(t), 0);
  const minMatches = question.size >= 3 ? 2 : 1;
  const scored: ScoredSentence[] = [];
  for (const s of all) {
    const matched = [...question].filter((t) => s.terms.has(t));
    const score = matched.reduce((sum, t) => sum + weight(t), 0);
    if (matched.length >= minMatches && score >= totalWeight * 0.25) {
      scored.push({ paper: s.paper, position: s.position, text: s.text, score, matched });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** Up to `max` best sentences: the best one, then others scoring at least 60% of it. */
export function bestSentences(scored: ScoredSentence[], max = 3): ScoredSentence[] {
  const best = scored[0];
  if (!best) return [];
  return scored.filter((s) => s.score >= best.score * 0.6).slice(0, max);
}
