import type { Paper } from '../types.js';
import { splitSentences } from '../digest/tldr.js';
import { contentTerms } from '../text/analyze.js';
import type { SectionRef } from './sections.js';

/** A sentence of a paper (abstract or full-text section) with its relevance to a question. */
export interface ScoredSentence {
  paper: Paper;
  /** The section it is from, when it came from a full text. */
  section?: SectionRef;
  /** Position among the sentences scored (0-based): reading order. */
  position: number;
  text: string;
  score: number;
  /** Question terms the sentence contains. */
  matched: string[];
}

/** A sentence to score: its paper and, for full texts, its section. */
export interface CandidateSentence {
  paper: Paper;
  section?: SectionRef;
  text: string;
}

/**
 * The relevance floor. A sentence must match at least one question term (two when the question
 * has three or more) and cover at least `minCoverage` of the question's weight, so a question
 * that shares one common word with a paper ("best", "model") quotes nothing.
 */
export interface RelevanceFloor {
  minCoverage: number;
}

/** For abstracts: a few sentences, each likely about the paper's topic. */
export const ABSTRACT_FLOOR: RelevanceFloor = { minCoverage: 0.25 };
/** For full texts: hundreds of sentences, so a stray word match must not pass. */
export const FULL_TEXT_FLOOR: RelevanceFloor = { minCoverage: 0.4 };

/** Every sentence of the papers' abstracts, in order. */
export function abstractSentences(papers: Paper[]): CandidateSentence[] {
  return papers.flatMap((paper) => splitSentences(paper.abstract).map((text) => ({ paper, text })));
}

/**
 * Scores candidate sentences (with their section's heading words) against the question terms:
 * the sum of the inverse sentence frequency of each matched term, so rare words ("ImageNet") count more than common ones
 * ("model"). Sentences below `floor` are dropped. Best first; ties keep reading order.
 */
export function scoreCandidates(question: Set<string>, candidates: CandidateSentence[], floor: RelevanceFloor): ScoredSentence[] {
  // A sentence also carries its section's heading words: "what are the limitations?" is answered
  // by the Limitations section even when its sentences never say "limitation".
  const all = candidates.map((c, position) => ({ ...c, position, terms: contentTerms(`${c.text} ${c.section?.headings.join(' ') ?? ''}`, { dropGeneric: true }) }));
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
    if (matched.length >= minMatches && score >= totalWeight * floor.minCoverage) {
      const entry: ScoredSentence = { paper: s.paper, position: s.position, text: s.text, score, matched };
      if (s.section) entry.section = s.section;
      scored.push(entry);
    }
  }
  return scored.sort((a, b) => b.score - a.score || a.position - b.position);
}

/** Abstract sentences of `papers` scored against the question (see scoreCandidates). */
export function scoreSentences(question: Set<string>, papers: Paper[]): ScoredSentence[] {
  return scoreCandidates(question, abstractSentences(papers), ABSTRACT_FLOOR);
}

/** Up to `max` best sentences: the best one, then others scoring at least 60% of it. */
export function bestSentences(scored: ScoredSentence[], max = 3): ScoredSentence[] {
  const best = scored[0];
  if (!best) return [];
  return scored.filter((s) => s.score >= best.score * 0.6).slice(0, max);
}
