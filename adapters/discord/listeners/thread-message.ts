// Questions under a paper: messages in the thread started from a paper (or header) message, and
// replies to that message which @mention the bot. Without the Message Content intent Discord
// only delivers the text of messages that @mention the bot, so then the mention is required.
import type { Message } from 'discord.js';
import type { Outbound, ThreadMessage, ThreadRef } from '../../../src/types.js';
import { discordThreadRef } from '../ids.js';
import { renderOutbound } from '../render/outbound.js';
import type { ListenerDeps } from './deps.js';

/** Discord's typing indicator lasts ~10 s; renew it while the core thinks. */
const TYPING_EVERY_MS = 8000;

const SORRY: Outbound = { kind: 'text', text: 'Sorry, I could not answer that just now. It has been logged; please try again later.' };

interface Target {
  thread: ThreadRef;
  /** `thread`: answer inside the thread; `reply`: answer as a reply to the question. */
  mode: 'thread' | 'reply';
  /** A mention in the channel itself, in no thread and replying to nothing. */
  outsideThread?: boolean;
}

/**
 * Where a message belongs: a thread under one of our messages (the thread id is the starter
 * message id, so the key equals the one `post()` returned), or a reply to a message in a channel.
 */
function targetOf(message: Message<true>): Target | undefined {
  const channel = message.channel;
  if (channel.isThread()) {
    if (!channel.parentId) return undefined;
    return { thread: discordThreadRef(channel.parentId, channel.id), mode: 'thread' };
  }
  const ref = message.reference;
  if (ref?.messageId && (!ref.channelId || ref.channelId === message.channelId)) {
    return { thread: discordThreadRef(message.channelId, ref.messageId), mode: 'reply' };
  }
  return undefined;
}

function mentionPattern(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, 'g');
}

function keepTyping(message: Message<true>, deps: ListenerDeps): () => void {
  const type = () => {
    message.channel.sendTyping().catch((err: unknown) => deps.logger.debug('sendTyping failed', { error: String(err) }));
  };
  type();
  const timer = setInterval(type, TYPING_EVERY_MS);
  return () => clearInterval(timer);
}

/** Sends `out` (in the thread, or as a reply to the question); returns the first message sent. */
async function answer(message: Message<true>, mode: Target['mode'], out: Outbound): Promise<Message | undefined> {
  let first: Message | undefined;
  for (const m of renderOutbound(out)) {
    const body = { ...(m.content ? { content: m.content } : {}), ...(m.embeds ? { embeds: m.embeds } : {}) };
    const sent = mode === 'thread' ? await message.channel.send(body) : await message.reply(body);
    first ??= sent;
  }
  return first;
}

/** Edits the placeholder to show `out`; further parts of a long answer follow it. */
async function editInto(placeholder: Message, message: Message<true>, mode: Target['mode'], out: Outbound): Promise<void> {
  const [first, ...rest] = renderOutbound(out);
  if (first) await placeholder.edit({ content: first.content ?? '', embeds: first.embeds ?? [] });
  for (const m of rest) {
    const body = { ...(m.content ? { content: m.content } : {}), ...(m.embeds ? { embeds: m.embeds } : {}) };
    if (mode === 'thread') await message.channel.send(body);
    else await message.reply(body);
  }
}

/** The `messageCreate` listener; never rejects (failures are logged). */
export function threadMessageListener(deps: ListenerDeps): (message: Message) => Promise<void> {
  return async (message) => {
    try {
      if (message.author.bot || message.webhookId || message.system || !message.inGuild()) return;
      const botId = message.client.user.id;
      const mentionsBot = message.mentions.users.has(botId) || mentionPattern(botId).test(message.content);
      // A mention in the channel itself is answered as a reply to it (the core gives a short hint).
      const target: Target | undefined =
        targetOf(message) ?? (mentionsBot ? { thread: discordThreadRef(message.channelId, message.id), mode: 'reply', outsideThread: true } : undefined);
      if (!target) return;
      if (target.mode === 'reply' && !mentionsBot) return;
      if (!deps.messageContent && !mentionsBot) return;
      const text = message.content.replace(mentionPattern(botId), ' ').replace(/\s+/g, ' ').trim();
      if (!text) return;
      const msg: ThreadMessage = {
        thread: target.thread,
        text,
        user: { id: message.author.id, name: message.member?.displayName ?? message.author.username },
        mentionsBot,
        ...(target.outsideThread ? { outsideThread: true } : {}),
      };
      const log = deps.logger.child({ thread: target.thread.key, messageId: message.id });
      const stopTyping = keepTyping(message, deps);
      let out: Outbound | null;
      let placeholder: Promise<Message | undefined> | undefined;
      try {
        out = await deps.core.handleThreadMessage(msg, {
          placeholder: (m) => (placeholder = answer(message, target.mode, m)).then(() => undefined),
        });
      } catch (err) {
        log.error('thread question failed', { error: String(err) });
        out = SORRY;
      } finally {
        stopTyping();
      }
      if (!out) return;
      const shown = placeholder ? await placeholder.catch(() => undefined) : undefined;
      if (shown) await editInto(shown, message, target.mode, out);
      else await answer(message, target.mode, out);
    } catch (err) {
      deps.logger.error('message handler failed', { messageId: message.id, error: String(err) });
    }
  };
}
