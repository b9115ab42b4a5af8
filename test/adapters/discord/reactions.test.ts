// 👍/👎 reactions end to end: MESSAGE_REACTION_ADD / REMOVE (on uncached messages too) → FeedbackEvent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { discordChannelRef } from '../../../adapters/discord/index.js';
import type { ThreadRef } from '../../../src/types.js';
import { IDS, alice, bob } from '../../fakes/fake-discord.js';
import { digest, item, startHarness, type Harness } from './helpers.js';

let h: Harness;
let ref: ThreadRef;
beforeAll(async () => {
  h = await startHarness();
  ref = await h.adapter.post(discordChannelRef(IDS.channel), { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
});
afterAll(() => h.close());

it('turns 👍 on a paper message into a +1 FeedbackEvent keyed like the post', async () => {
  h.fake.react({ channelId: IDS.channel, messageId: ref.threadId, emoji: '👍', user: alice });
  const ev = await h.core.feedback.waitFor((e) => e.user.id === alice.id);
  expect(ev).toEqual({ message: ref, user: { id: alice.id, name: 'alice' }, value: 1 });
});

it('turns 👎 (any skin tone) into -1 and a removal into removed: true', async () => {
  h.fake.react({ channelId: IDS.channel, messageId: ref.threadId, emoji: '👎🏽', user: bob });
  const down = await h.core.feedback.waitFor((e) => e.user.id === bob.id);
  expect(down.value).toBe(-1);
  h.fake.react({ channelId: IDS.channel, messageId: ref.threadId, emoji: '👎🏽', user: bob, removed: true });
  const removed = await h.core.feedback.waitFor((e) => e.user.id === bob.id && e.removed === true);
  expect(removed).toMatchObject({ message: { key: ref.key }, value: -1 });
});

it('works for messages posted before a restart (not cached)', async () => {
  const old = '950000000000000999';
  h.fake.react({ channelId: IDS.channel, messageId: old, emoji: '👍', user: alice });
  const ev = await h.core.feedback.waitFor((e) => e.message.threadId === old);
  expect(ev.message.key).toBe(`discord:${IDS.channel}:${old}`);
});

it('ignores other emoji, the bot’s own reactions and votes on (known) messages of other people', async () => {
  const before = h.core.feedback.items.length;
  const human = h.fake.message({ channelId: IDS.channel, content: 'a human message', author: bob });
  h.fake.react({ channelId: IDS.channel, messageId: human.id, emoji: '👍', user: alice });
  h.fake.react({ channelId: IDS.channel, messageId: ref.threadId, emoji: '🎉', user: alice });
  h.fake.react({ channelId: IDS.channel, messageId: ref.threadId, emoji: '👍', user: h.fake.state.bot });
  h.fake.react({ channelId: IDS.channel, messageId: ref.threadId, emoji: '👎', user: alice });
  await h.core.feedback.waitFor((e) => e.user.id === alice.id && e.value === -1);
  expect(h.core.feedback.items.slice(before)).toHaveLength(1);
});
