// ThreadRef / ChannelRef ⇄ Discord ids. A posted message's ref is `discord:<channelId>:<messageId>`;
// a thread started from that message has the message's id, so thread messages map to the same key.
import type { ChannelRef, ThreadRef } from '../../src/types.js';
import { InputError } from '../../src/errors.js';
import { channelRef, threadRef } from '../../src/channel-refs.js';

const SNOWFLAKE = /^\d{15,22}$/;

/** The ref of a Discord channel: key `discord:<channelId>`. */
export function discordChannelRef(channelId: string): ChannelRef {
  return channelRef('discord', channelId);
}

/**
 * The ref of a message the bot posted (and of the thread started from it): key
 * `discord:<channelId>:<messageId>`. `channelId` is the channel the message sits in.
 */
export function discordThreadRef(channelId: string, messageId: string): ThreadRef {
  return threadRef(discordChannelRef(channelId), messageId);
}

/** The Discord channel id of a ref; throws InputError when it is not a Discord snowflake. */
export function discordChannelId(ref: ChannelRef): string {
  if (ref.platform !== 'discord' || !SNOWFLAKE.test(ref.channelId)) {
    throw new InputError(`"${ref.key}" is not a Discord channel (expected discord:<channel id>).`);
  }
  return ref.channelId;
}
