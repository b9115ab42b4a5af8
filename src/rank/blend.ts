// The final order of a judged shortlist: the judge's score blended with the lexical score,
// popularity and this channel's feedback. Pure: same input, same order.
import type { RankedPaper } from '../types.js';
import { popularity } from './signals.js';
import type { Judgement } from './llm-judge.js';

/** How much each signal counts; they sum to 1 so the blend stays in [0, 1]. */
export interface BlendWeights {
  judge: number;
  lexical: number;
  popularity: number;
  feedback: number;
}

/**
 * The judge leads; lexical keeps keyword/author intent; popularity and feedback break near-ties.
 * (The lexical score already holds a little popularity; counting it again here is deliberate:
 * the judge ignores popularity, so without this it would vanish from judged digests.)
 */
export const DEFAULT_BLEND_WEIGHTS: Readonly<BlendWeights> = Object.freeze({
  judge: 0.6,
  lexical: 0.2,
  popularity: 0.1,
  feedback: 0.1,
});

/** Popularity in [0, 1]: the lexical ranker's part when present, else computed from the signals. */
export function popularityOf(r: RankedPaper): number {
  if (typeof r.parts?.popularity === 'number') return clamp01(r.parts.popularity);
  return popularity(r.paper);
}

/**
 * This channel's feedback signal in [0, 1] (0.5 = neutral), from the lexical ranker's `like` and
 * `dislike` parts (each in [0, 1]: resemblance to 👍 / 👎 papers).
 */
export function feedbackOf(r: RankedPaper): number {
  const like = finite01(r.parts?.like);
  const dislike = finite01(r.parts?.dislike);
  return clamp01((1 + like - dislike) / 2);
}

const finite01 = (x: number | undefined): number => (typeof x === 'number' && Number.isFinite(x) ? clamp01(x) : 0);

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** The blended score of one judged paper, in [0, 1]. */
export function blendScore(
  parts: { judge: number; lexical: number; popularity: number; feedback: number },
  weights: BlendWeights = DEFAULT_BLEND_WEIGHTS,
): number {
  const total = weights.judge + weights.lexical + weights.popularity + weights.feedback || 1;
  return clamp01(
    (weights.judge * parts.judge + weights.lexical * parts.lexical + weights.popularity * parts.popularity + weights.feedback * parts.feedback) /
      total,
  );
}

/** "why" for a judged paper: the judge's reason, its score, and the signals that helped. */
function judgedWhy(r: RankedPaper, j: Judgement): string {
  const extras = [`judge ${Math.round(j.score * 10) / 10}/10`];
  const up = r.paper.signals.upvotes;
  if (up) extras.push(`▲ ${up}`);
  if ((r.parts?.like ?? 0) >= 0.25) extras.push('like papers you 👍');
  if ((r.parts?.follow ?? 0) > 0) extras.push('followed author');
  const reason = j.reason.replace(/[.\s]+$/, '');
  return `${reason || 'judged relevant'} (${extras.join(', ')})`;
}

/**
 * Orders a judged shortlist by the blend of judge score (0–10 → 0–1), lexical score, popularity
 * and feedback; ties keep the shortlist order. Shortlisted papers the judge did not return are
 * treated as not judged: they join the rest, which follows in lexical order with scores capped
 * just below the lowest judged score, so the judge's order is never undercut by an unjudged paper.
 */
export function blendJudged(
  shortlist: RankedPaper[],
  judgements: ReadonlyMap<string, Judgement>,
  rest: RankedPaper[],
  weights: BlendWeights = DEFAULT_BLEND_WEIGHTS,
): RankedPaper[] {
  const judged: Array<{ r: RankedPaper; i: number }> = [];
  const unjudged: RankedPaper[] = [];
  shortlist.forEach((r, i) => {
    const j = judgements.get(r.paper.id);
    if (!j) {
      unjudged.push(r);
      return;
    }
    const parts = {
      judge: j.score / 10,
      lexical: clamp01(r.score),
      popularity: popularityOf(r),
      feedback: feedbackOf(r),
    };
    judged.push({
      r: {
        paper: r.paper,
        score: blendScore(parts, weights),
        why: judgedWhy(r, j),
        parts: { ...r.parts, lexicalScore: r.score, judge: j.score },
      },
      i,
    });
  });
  judged.sort((a, b) => b.r.score - a.r.score || a.i - b.i);
  const floor = judged.length ? Math.min(...judged.map((x) => x.r.score)) : 1;
  // Shortlisted-but-unjudged papers ranked higher lexically than the rest, so they lead it.
  const tail = [...unjudged, ...rest].map((r) => (r.score >= floor ? { ...r, score: floor * 0.999 } : r));
  return [...judged.map((x) => x.r), ...tail];
}
