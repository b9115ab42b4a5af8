// What a channel wants, in the shape the rankers read.
import type { Paper, Subscription } from '../types.js';

/** One 👍 (1) or 👎 (-1) of this channel, with the paper it was given to. */
export interface FeedbackVote {
  paper: Paper;
  value: 1 | -1;
}

/**
 * A channel's interests for ranking: the free text, include/exclude words, followed authors,
 * the channel's votes, oldest first (later votes are the better guide to current taste), and
 * its example papers (`/papers like`, 👍), which rank their near-duplicates first and are never
 * ranked themselves.
 */
export interface InterestProfile {
  interests: string;
  include: string[];
  exclude: string[];
  follow: string[];
  feedback: FeedbackVote[];
  examples?: Paper[];
  /** Search words and acronym long forms a model gave for `interests` (expandInterests). */
  expansion?: { terms: string[]; longForms: Array<{ short: string; long: string }> };
}

const clean = (words: string[]): string[] => [...new Set(words.map((w) => w.trim()).filter(Boolean))];

/**
 * The profile of a subscription plus its votes (oldest first) and its example papers. Blank and repeated words are
 * dropped; when one user voted twice on a paper the store already kept the later vote, and when
 * several users voted on one paper each vote counts.
 */
export function profileFromSubscription(sub: Subscription, feedback: FeedbackVote[], examples: Paper[] = []): InterestProfile {
  return {
    examples,
    interests: sub.interests.trim(),
    include: clean(sub.include),
    exclude: clean(sub.exclude),
    follow: clean(sub.follow),
    feedback: feedback.filter((f) => f.value === 1 || f.value === -1),
  };
}
