import { describe, expect, it } from 'vitest';
import { LORA, MEMORY } from './sample-papers.js';
import { MEMBER, OTHER, makeBot } from './harness.js';

describe('BotCore.handleFeedback', () => {
  it('stores a vote per channel, replaces a later vote by the same user, and removes it', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    await h.chat.react(papers[0]!, 1, MEMBER);
    expect(await h.store.listFeedback(h.channel.key)).toEqual([
      { paperId: LORA.id, userId: MEMBER.id, value: 1, at: '2026-06-15T07:00:00.000Z' },
    ]);

    await h.chat.react(papers[0]!, -1, MEMBER);
    await h.chat.react(papers[1]!, 1, OTHER);
    const votes = await h.store.listFeedback(h.channel.key);
    expect(votes).toHaveLength(2);
    expect(votes.find((v) => v.userId === MEMBER.id)).toMatchObject({ paperId: LORA.id, value: -1 });
    expect(votes.find((v) => v.userId === OTHER.id)).toMatchObject({ paperId: MEMORY.id, value: 1 });

    // Removing the 👍 that was replaced by a 👎 must not erase the 👎.
    await h.chat.react(papers[0]!, 1, MEMBER, true);
    expect((await h.store.listFeedback(h.channel.key)).find((v) => v.userId === MEMBER.id)?.value).toBe(-1);
    await h.chat.react(papers[0]!, -1, MEMBER, true);
    expect((await h.store.listFeedback(h.channel.key)).map((v) => v.userId)).toEqual([OTHER.id]);
  });

  it("a 👍 makes the paper one of the channel's examples; a 👎 or taking the last 👍 back undoes it", async () => {
    const h = await makeBot();
    await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
    const likes = async () => (await h.store.getSubscription(h.channel.key))!.likes ?? [];
    const { papers } = await h.postDigest();
    await h.chat.react(papers[0]!, 1, MEMBER);
    await h.chat.react(papers[1]!, 1, OTHER);
    expect(await likes()).toEqual([LORA.id, MEMORY.id]);
    // Another user's 👎 does not undo a 👍 that still stands …
    await h.chat.react(papers[0]!, -1, OTHER);
    expect(await likes()).toEqual([LORA.id, MEMORY.id]);
    // … the liker's own 👎 (replacing the 👍) does, and so does taking the last 👍 back.
    await h.chat.react(papers[0]!, -1, MEMBER);
    await h.chat.react(papers[1]!, 1, OTHER, true);
    expect(await likes()).toEqual([]);
  });

  it('ignores reactions on the digest header, on unknown messages and by bots', async () => {
    const h = await makeBot();
    const { header, papers } = await h.postDigest();
    const other = await h.chat.post(h.channel, { kind: 'text', text: 'hello' });
    await h.chat.react(header, 1, MEMBER);
    await h.chat.react(other, 1, MEMBER);
    await h.chat.react(papers[0]!, 1, { id: 'B1', isBot: true });
    expect(await h.store.listFeedback(h.channel.key)).toEqual([]);
  });

  it('never throws: a failing store is logged', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    h.store.addFeedback = async () => {
      throw new Error('disk full');
    };
    await expect(h.chat.react(papers[0]!, 1, MEMBER)).resolves.toBeUndefined();
    expect(h.logger.lines.find((l) => l.level === 'error')).toMatchObject({ msg: 'feedback failed', fields: { channel: h.channel.key } });
  });
});
