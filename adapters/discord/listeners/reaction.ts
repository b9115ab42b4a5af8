// 👍/👎 on a message the bot posted → FeedbackEvent for the core (which ignores messages that are
// not digest papers). Works on uncached messages through partials.
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { discordThreadRef } from '../ids.js';
import type { ListenerDeps } from './deps.js';

/** Skin-tone modifiers: 👍🏽 counts as 👍. */
const SKIN_TONE = /[\u{1F3FB}-\u{1F3FF}]/gu;

/** +1 for 👍, -1 for 👎, undefined for any other emoji. */
export function feedbackValue(emojiName: string | null): 1 | -1 | undefined {
  const name = emojiName?.replace(SKIN_TONE, '').replace(/\uFE0F/g, '');
  if (name === '👍') return 1;
  if (name === '👎') return -1;
  return undefined;
}

/** The `messageReactionAdd` / `messageReactionRemove` listener; never rejects. */
export function reactionListener(
  deps: ListenerDeps,
  removed: boolean,
): (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) => Promise<void> {
  return async (reaction, user) => {
    try {
      const botId = reaction.client.user.id;
      if (user.id === botId || user.bot) return;
      const value = feedbackValue(reaction.emoji.name);
      if (!value) return;
      const message = reaction.message;
      if (!message.guildId) return;
      // When the message is cached we know its author: only our own messages carry feedback.
      if (!message.partial && message.author && message.author.id !== botId) return;
      await deps.core.handleFeedback({
        message: discordThreadRef(message.channelId, message.id),
        user: { id: user.id, ...(user.username ? { name: user.username } : {}) },
        value,
        ...(removed ? { removed: true } : {}),
      });
    } catch (err) {
      deps.logger.error('feedback handler failed', { messageId: reaction.message.id, error: String(err) });
    }
  };
}
