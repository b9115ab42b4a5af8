import type { FeedbackEvent } from '../types.js';
import type { BotDeps } from '../commands/deps.js';

/**
 * Keeps the channel's example papers in step with its votes: a paper with a 👍 is an example,
 * one whose last 👍 was taken back or replaced by a 👎 is not. Each is one per-member write, so a
 * `/papers like` or another 👍 at the same instant on another instance stays (past the cap the
 * earliest added example makes room).
 */
async function updateExamples(deps: BotDeps, channelKey: string, paperId: string, liked: boolean): Promise<void> {
  const sub = await deps.store.getSubscription(channelKey);
  if (!sub) return;
  if (liked === (sub.likes ?? []).includes(paperId)) return;
  if (liked) await deps.store.addExamples(channelKey, [paperId]);
  else await deps.store.removeExamples(channelKey, [paperId]);
}

/**
 * Stores a 👍/👎 on a digest-paper post for that post's channel; a later vote by the same user
 * replaces the earlier one. Removing a reaction removes the vote only when it is the stored one
 * (removing 👎 must not erase a later 👍). A 👍 also makes the paper one of the channel's
 * example papers, until no 👍 on it remains. Other messages and bots are ignored.
 */
export async function recordFeedback(event: FeedbackEvent, deps: BotDeps): Promise<'added' | 'removed' | 'ignored'> {
  if (event.user.isBot) return 'ignored';
  const post = await deps.store.getPost(event.message.key);
  const paperId = post?.kind === 'digest-paper' ? post.paperIds[0] : undefined;
  if (!post || !paperId) return 'ignored';
  if (event.removed) {
    const votes = await deps.store.listFeedback(post.channelKey);
    const current = votes.find((v) => v.paperId === paperId && v.userId === event.user.id);
    if (!current || current.value !== event.value) return 'ignored';
    await deps.store.removeFeedback(post.channelKey, paperId, event.user.id);
    const stillLiked = votes.some((v) => v.paperId === paperId && v.userId !== event.user.id && v.value === 1);
    if (current.value === 1 && !stillLiked) await updateExamples(deps, post.channelKey, paperId, false);
    return 'removed';
  }
  await deps.store.addFeedback(post.channelKey, {
    paperId,
    userId: event.user.id,
    value: event.value,
    at: deps.clock.now().toISOString(),
  });
  const votes = await deps.store.listFeedback(post.channelKey);
  await updateExamples(deps, post.channelKey, paperId, votes.some((v) => v.paperId === paperId && v.value === 1));
  return 'added';
}
