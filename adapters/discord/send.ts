// Sending Outbound to Discord: top-level posts (with a thread and 👍/👎 under digest messages) and
// replies into an existing thread. Channel-level failures become ChannelUnavailableError.
import {
  ChannelType,
  ThreadAutoArchiveDuration,
  type Client,
  type Message,
  type MessageCreateOptions,
  type SendableChannels,
} from 'discord.js';
import type { Logger } from '../../src/ports.js';
import type { ChannelRef, MessageRef, Outbound, ThreadRef } from '../../src/types.js';
import { messageRef } from '../../src/channel-refs.js';
import { ChannelUnavailableError } from '../../src/errors.js';
import { discordChannelId, discordChannelRef, discordThreadRef } from './ids.js';
import { isChannelUnavailable, toChannelError } from './errors.js';
import { renderOutbound, type DiscordMessage } from './render/outbound.js';
import { headerThreadName, paperThreadName } from './render/digest.js';

/** Reactions added under every digest paper so readers can vote with one click. */
export const FEEDBACK_EMOJI = ['👍', '👎'] as const;

/** A channel the bot can send to, or ChannelUnavailableError. */
async function sendableChannel(client: Client, channelId: string, key: string): Promise<SendableChannels> {
  let channel;
  try {
    // allowUnknownGuild: post() also works before the gateway has delivered the guild (one-off posts).
    channel = await client.channels.fetch(channelId, { allowUnknownGuild: true });
  } catch (err) {
    throw toChannelError(err, key);
  }
  if (!channel) throw new ChannelUnavailableError(key, 'unknown channel');
  if (!channel.isSendable()) throw new ChannelUnavailableError(key, `not a channel the bot can post in (type ${channel.type})`);
  return channel;
}

function body(m: DiscordMessage): MessageCreateOptions {
  return { ...(m.content ? { content: m.content } : {}), ...(m.embeds ? { embeds: m.embeds } : {}) };
}

function threadNameFor(out: Outbound): string | undefined {
  if (out.kind === 'digest-paper') return paperThreadName(out.item);
  if (out.kind === 'digest-header' || out.kind === 'digest') return headerThreadName(out.digest);
  return undefined;
}

// Works through the channel object we hold rather than `message.startThread()`/`message.react()`,
// which need the channel in the client cache (not there for one-off posts before the gateway).
async function decorate(target: SendableChannels, first: Message, out: Outbound, log: Logger): Promise<void> {
  const name = threadNameFor(out);
  if (name && (target.type === ChannelType.GuildText || target.type === ChannelType.GuildAnnouncement)) {
    try {
      await target.threads.create({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay, startMessage: first.id });
    } catch (err) {
      // Missing CreatePublicThreads: readers can still reply to the message and mention the bot.
      log.warn('could not start a thread under a digest message', { messageId: first.id, error: String(err) });
    }
  }
  if (out.kind === 'digest-paper') {
    for (const emoji of FEEDBACK_EMOJI) {
      try {
        await target.messages.react(first.id, emoji);
      } catch (err) {
        log.warn('could not add a feedback reaction', { messageId: first.id, emoji, error: String(err) });
      }
    }
  }
}

/**
 * Posts `out` at the top level of `channel` (several messages when it does not fit one) and
 * returns the ref of the first message. Digest headers and papers get a thread; papers also get
 * 👍/👎; failures of those extras are logged, not thrown.
 */
export async function postOutbound(client: Client, channel: ChannelRef, out: Outbound, log: Logger): Promise<ThreadRef> {
  const channelId = discordChannelId(channel);
  const target = await sendableChannel(client, channelId, channel.key);
  const sent: Message[] = [];
  for (const m of renderOutbound(out)) {
    try {
      sent.push(await target.send(body(m)));
    } catch (err) {
      throw toChannelError(err, channel.key);
    }
  }
  const first = sent[0]!;
  await decorate(target, first, out, log);
  return discordThreadRef(channelId, first.id);
}

async function existingThread(client: Client, threadId: string): Promise<SendableChannels | undefined> {
  try {
    const ch = await client.channels.fetch(threadId, { allowUnknownGuild: true });
    return ch?.isThread() && ch.isSendable() ? ch : undefined;
  } catch (err) {
    if (isChannelUnavailable(err)) return undefined;
    throw err;
  }
}

/**
 * Sends `out` under the message `thread` points at: inside the thread started from it when there
 * is one, else as replies to the message itself.
 */
export async function replyOutbound(client: Client, thread: ThreadRef, out: Outbound): Promise<MessageRef> {
  const messages = renderOutbound(out);
  const inThread = await existingThread(client, thread.threadId);
  try {
    const sent: Message[] = [];
    if (inThread) {
      for (const m of messages) sent.push(await inThread.send(body(m)));
    } else {
      const channel = await sendableChannel(client, discordChannelId(thread), thread.key);
      for (const m of messages) {
        sent.push(await channel.send({ ...body(m), reply: { messageReference: thread.threadId, failIfNotExists: false } }));
      }
    }
    const first = sent[0]!;
    return messageRef(discordChannelRef(first.channelId), first.id);
  } catch (err) {
    throw toChannelError(err, thread.key);
  }
}

/**
 * Edits the bot's message `ref` to show `out`: the first rendered message replaces its content
 * and embeds; any further parts of a long answer follow as new messages in the same channel.
 */
export async function editOutbound(client: Client, ref: MessageRef, out: Outbound): Promise<void> {
  const [first, ...rest] = renderOutbound(out);
  try {
    const channel = await sendableChannel(client, ref.channelId, ref.key);
    if (first) await channel.messages.edit(ref.messageId, { content: first.content ?? '', embeds: first.embeds ?? [] });
    for (const m of rest) await channel.send(body(m));
  } catch (err) {
    throw toChannelError(err, ref.key);
  }
}
