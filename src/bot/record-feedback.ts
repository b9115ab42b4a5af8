import type { FeedbackEvent } from '../types.js';
import type { BotDeps } from './deps.js';

/**
 * Stores a 👍/👎 on a digest-paper post for that post's channel; a later vote by the same user
 * replaces the earlier one. Removing a reaction removes the vote only when it is the stored one
 * (removing 👎 must not erase a later 👍). Other messages and bots are ignored.
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
    return 'removed';
  }
  await deps.store.addFeedback(post.channelKey, {
    paperId,
    userId: event.user.id,
    value: event.value,
    at: deps.clock.now().toISOString(),
  });
  return 'added';
}
