// One channel-key builder: every adapter's refs come from src/channel-refs.ts, so keys agree.
import { describe, expect, it } from 'vitest';
import { channelKeyOf, channelRef, messageRef, threadRef } from '../../src/channel-refs.js';
import { slackChannelRef, slackThreadRef } from '../../adapters/slack/refs.js';
import { discordChannelRef, discordThreadRef } from '../../adapters/discord/ids.js';
import { PLATFORMS } from '../../src/platforms.js';

describe('channel refs', () => {
  it('a channel is <platform>:<id>, a thread <platform>:<id>:<thread>, a message keyed by its channel', () => {
    const channel = channelRef('slack', 'C1');
    expect(channel).toEqual({ platform: 'slack', channelId: 'C1', key: 'slack:C1' });
    const thread = threadRef(channel, '171.5');
    expect(thread).toEqual({ platform: 'slack', channelId: 'C1', threadId: '171.5', key: 'slack:C1:171.5' });
    expect(threadRef(thread, '9').key).toBe('slack:C1:9');
    expect(messageRef(thread, 'm2')).toEqual({ platform: 'slack', channelId: 'C1', key: 'slack:C1', messageId: 'm2' });
    expect(channelKeyOf(thread)).toBe('slack:C1');
  });

  it('the Slack and Discord adapters and every descriptor build the same keys', () => {
    expect(slackChannelRef('C9')).toEqual(channelRef('slack', 'C9'));
    expect(slackThreadRef('C9', '1.2')).toEqual(threadRef(channelRef('slack', 'C9'), '1.2'));
    expect(discordChannelRef('123456789012345678')).toEqual(channelRef('discord', '123456789012345678'));
    expect(discordThreadRef('123', '456')).toEqual(threadRef(channelRef('discord', '123'), '456'));
    for (const platform of PLATFORMS) expect(platform.channels.ref('X1')).toEqual(channelRef(platform.name, 'X1'));
  });
});
