// 👍/👎 on a paper message, as reactions or as the card's buttons → FeedbackEvent for the core.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { FeedbackEvent } from '../../../src/types.js';
import { errorMessage } from '../../../src/errors.js';
import { slackThreadRef } from '../refs.js';
import { FEEDBACK_ACTIONS } from '../render-paper.js';
import { firstTimeSafe, type ListenerDeps } from './deps.js';

const UP = new Set(['+1', 'thumbsup']);
const DOWN = new Set(['-1', 'thumbsdown']);

/** +1 / -1 for thumbs reactions (any skin tone), undefined for every other emoji. */
export function reactionValue(reaction: string): 1 | -1 | undefined {
  const base = reaction.replace(/::skin-tone-\d$/, '');
  return UP.has(base) ? 1 : DOWN.has(base) ? -1 : undefined;
}

interface ReactionLike {
  type: 'reaction_added' | 'reaction_removed';
  user: string;
  reaction: string;
  item: { type: string; channel?: string; ts?: string };
  item_user?: string;
}

/** Registers reaction_added / reaction_removed and the feedback buttons. */
export function registerFeedback(app: App, deps: ListenerDeps): void {
  const send = async (event: FeedbackEvent): Promise<void> => {
    try {
      await deps.core.handleFeedback(event);
    } catch (err) {
      deps.logger.error('feedback failed', { channel: event.message.key, error: errorMessage(err) });
    }
  };

  const onReaction = async (e: ReactionLike, eventId: string | undefined, botUserId: string | undefined) => {
    const value = reactionValue(e.reaction);
    if (value === undefined || e.item.type !== 'message' || !e.item.channel || !e.item.ts) return;
    // Votes only count on the bot's own posts; skip the store lookup for anyone else's.
    if (botUserId && e.item_user && e.item_user !== botUserId) return;
    if (eventId && !(await firstTimeSafe(deps, `slack:event:${eventId}`))) return;
    await send({
      message: slackThreadRef(e.item.channel, e.item.ts),
      user: { id: e.user },
      value,
      removed: e.type === 'reaction_removed',
    });
  };
  app.event('reaction_added', async ({ event, body, context }) => {
    await deps.track(onReaction(event as unknown as ReactionLike, body.event_id, context.botUserId));
  });
  app.event('reaction_removed', async ({ event, body, context }) => {
    await deps.track(onReaction(event as unknown as ReactionLike, body.event_id, context.botUserId));
  });

  const actionIds = new RegExp(`^(${FEEDBACK_ACTIONS.up}|${FEEDBACK_ACTIONS.down})$`);
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionIds }, async ({ ack, body, action, respond }) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !ts) return;
    const value = action.action_id === FEEDBACK_ACTIONS.up ? 1 : -1;
    await deps.track(
      (async () => {
        await send({ message: slackThreadRef(channel, ts), user: { id: body.user.id }, value });
        try {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: value === 1 ? '👍 Noted: more papers like this one.' : '👎 Noted: fewer papers like this one.',
          });
        } catch (err) {
          deps.logger.debug('could not confirm feedback', { error: errorMessage(err) });
        }
      })(),
    );
  });
}
