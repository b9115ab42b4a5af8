// The one place that writes the store keys of channels, threads and messages:
// a channel is "<platform>:<channel id>", a thread "<platform>:<channel id>:<thread id>".
// Every adapter and the CLI build their refs here, so keys agree across platforms and processes.
import type { ChannelRef, MessageRef, PlatformName, ThreadRef } from './types.js';

/** The ref of channel `channelId` on `platform`; its key is `<platform>:<channelId>`. */
export function channelRef(platform: PlatformName, channelId: string): ChannelRef {
  return { platform, channelId, key: `${platform}:${channelId}` };
}

/** The ref of thread `threadId` in `channel` (only its platform and id are read); key `<platform>:<channelId>:<threadId>`. */
export function threadRef(channel: Pick<ChannelRef, 'platform' | 'channelId'>, threadId: string): ThreadRef {
  const ref = channelRef(channel.platform, channel.channelId);
  return { ...ref, threadId, key: `${ref.key}:${threadId}` };
}

/** The ref of message `messageId` the bot sent in `channel`; its key is the channel's key. */
export function messageRef(channel: Pick<ChannelRef, 'platform' | 'channelId'>, messageId: string): MessageRef {
  return { ...channelRef(channel.platform, channel.channelId), messageId };
}

/** The channel key of any ref (a thread's or message's own channel), `<platform>:<channelId>`. */
export function channelKeyOf(ref: Pick<ChannelRef, 'platform' | 'channelId'>): string {
  return channelRef(ref.platform, ref.channelId).key;
}

