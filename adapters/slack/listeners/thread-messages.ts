// Questions in threads: `message` events with a thread_ts and `app_mention` events become
// ThreadMessages for the core; a non-null answer is posted in the same thread.
import type { App, webApi } from '@slack/bolt';
import type { MessageRef, ThreadMessage } from '../../../src/types.js';
import { errorMessage } from '../../../src/errors.js';
import { slackTextToPlain } from '../incoming-text.js';
import { slackThreadRef } from '../refs.js';
import { showWorking } from '../working-indicator.js';
import { firstTimeSafe, type ListenerDeps } from './deps.js';

/** The fields of message / app_mention events this listener reads. */
interface MessageLike {
  type: string;
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  text?: string;
  ts: string;
  thread_ts?: string;
  parent_user_id?: string;
}

/** Message subtypes that are still a person writing (everything else is an edit, join, bot…). */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** The question as plain text: mentions of the bot removed, Slack sequences and entities resolved. */
export function questionText(text: string, botUserId: string | undefined): string {
  const stripped = botUserId ? text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ') : text;
  return slackTextToPlain(stripped).replace(/[ \t]+/g, ' ').trim();
}

/** True for messages the bot must not answer: its own, other bots', edits and system messages. */
export function isIgnored(e: MessageLike, botUserId: string | undefined): boolean {
  if (e.bot_id || e.bot_profile || !e.user) return true;
  if (botUserId && e.user === botUserId) return true;
  return !PERSON_SUBTYPES.has(e.subtype);
}

/** Registers the `message` and `app_mention` listeners. */
export function registerThreadMessages(app: App, deps: ListenerDeps): void {
  const handle = async (
    e: MessageLike,
    eventId: string | undefined,
    botUserId: string | undefined,
    client: webApi.WebClient,
  ): Promise<void> => {
    if (isIgnored(e, botUserId)) return;
    const mention = e.type === 'app_mention';
    // Top-level chatter is not for us; a top-level mention starts a thread under itself.
    const threadTs = e.thread_ts ?? (mention ? e.ts : undefined);
    if (!threadTs) return;
    if (eventId && !(await firstTimeSafe(deps, `slack:event:${eventId}`))) return;
    // Slack sends `message` and `app_mention` for one mention: answer once per message.
    if (!(await firstTimeSafe(deps, `slack:message:${e.channel}:${e.ts}`))) return;

    const text = e.text ?? '';
    const mentionsBot = mention || (botUserId !== undefined && text.includes(`<@${botUserId}`));
    const thread = slackThreadRef(e.channel, threadTs);
    const msg: ThreadMessage = {
      thread,
      text: questionText(text, botUserId),
      user: { id: e.user! },
      mentionsBot,
      ...(e.thread_ts ? {} : { outsideThread: true }),
    };
    const log = deps.logger.child({ channel: thread.key });
    // Only show "working" where an answer is likely: the bot was addressed or owns the thread.
    const likelyOurs = mentionsBot || (botUserId !== undefined && e.parent_user_id === botUserId);
    const done = likelyOurs ? showWorking(client, e.channel, e.ts, deps.workingReaction, log) : async () => {};
    try {
      let placeholder: Promise<MessageRef> | undefined;
      const out = await deps.core.handleThreadMessage(msg, {
        placeholder: (m) => (placeholder = deps.reply(thread, m)).then(() => undefined),
      });
      const shown = placeholder ? await placeholder.catch(() => undefined) : undefined;
      if (out && shown) await deps.edit(shown, out);
      else if (out) await deps.reply(thread, out);
    } catch (err) {
      log.error('thread reply failed', { error: errorMessage(err) });
    } finally {
      await done();
    }
  };

  app.event('message', async ({ event, body, context, client }) => {
    await deps.track(handle(event as unknown as MessageLike, body.event_id, context.botUserId, client));
  });
  app.event('app_mention', async ({ event, body, context, client }) => {
    await deps.track(handle(event as unknown as MessageLike, body.event_id, context.botUserId, client));
  });
}
