// Slack ids ⇄ the core's refs. Keys are "slack:<channel>" and "slack:<channel>:<ts>"; a thread's
// id is the ts of its parent message, so a posted message's ref is also its thread's ref.
import type { ChannelRef, ThreadRef } from '../../src/types.js';
import { channelRef, threadRef } from '../../src/channel-refs.js';

/** The ChannelRef of a Slack channel id (key `slack:<channel>`). */
export function slackChannelRef(channelId: string): ChannelRef {
  return channelRef('slack', channelId);
}

/** The ThreadRef of a message (or of the thread under it): key `slack:<channel>:<ts>`. */
export function slackThreadRef(channelId: string, ts: string): ThreadRef {
  return threadRef(slackChannelRef(channelId), ts);
}
