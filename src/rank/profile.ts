// What a channel wants, in the shape the rankers read.
import type { FeedbackVote, InterestProfile, Paper, Subscription } from '../types.js';

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
