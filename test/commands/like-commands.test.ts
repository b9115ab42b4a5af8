import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OTHER, makeBot, textOf } from '../bot/harness.js';
import { LORA, MEMORY, REMOTE } from '../bot/sample-papers.js';

async function subscribed(options: { lookup?: boolean } = {}) {
  const h = await makeBot(options);
  await h.chat.command(h.channel, 'subscribe', 'robots', MEMBER);
  const sub = async () => (await h.store.getSubscription(h.channel.key))!;
  const run = (name: string, text = '', user = MEMBER) => h.chat.command(h.channel, name, text, user);
  return { h, sub, run };
}

describe('/papers like, unlike, likes', () => {
  it('adds example papers from the store, else arXiv (stored then), by id or URL, and lists them', async () => {
    const { h, sub, run } = await subscribed();
    expect(textOf(await run('likes'))).toMatch(/No example papers yet/);
    const out = await run('like', `${LORA.id} https://arxiv.org/abs/${REMOTE.id}v2`);
    expect(out).toMatchObject({ kind: 'text', ephemeral: false });
    expect(textOf(out)).toContain(`(${LORA.id})`);
    expect(textOf(out)).toContain(`(${REMOTE.id})`);
    expect((await sub()).likes).toEqual([LORA.id, REMOTE.id]);
    expect(h.lookup.calls).toEqual([[REMOTE.id]]);
    expect(await h.corpus.getPaper(REMOTE.id)).toMatchObject({ id: REMOTE.id });
    const list = textOf(await run('likes', '', OTHER));
    expect(list).toContain('Example papers (2):');
    expect(list).toContain(LORA.id);
    expect(textOf(await run('like', LORA.id))).toMatch(/already an example/);
  });

  it('unlike removes one; unknown ids and non-ids are told apart', async () => {
    const { sub, run } = await subscribed();
    await run('like', `${LORA.id}, ${MEMORY.id}`);
    expect(textOf(await run('unlike', LORA.id))).toBe(`Removed example ${LORA.id}.`);
    expect((await sub()).likes).toEqual([MEMORY.id]);
    expect(textOf(await run('unlike', LORA.id))).toMatch(/not an example here/);
    expect(textOf(await run('like', 'not-an-id'))).toMatch(/not an arXiv id or link/);
    expect(textOf(await run('like', '2301.99999'))).toMatch(/could not find 2301.99999/);
    expect((await sub()).likes).toEqual([MEMORY.id]);
  });

  it('like and unlike are for admins once a channel has one; likes is for anyone', async () => {
    const { h, run } = await subscribed();
    await h.store.saveSubscription({ ...(await h.store.getSubscription(h.channel.key))!, subscribedBy: ADMIN.id });
    expect(textOf(await run('like', LORA.id, OTHER))).not.toContain('Added');
    expect((await h.store.getSubscription(h.channel.key))!.likes ?? []).toEqual([]);
    expect(textOf(await run('likes', '', OTHER))).toMatch(/No example papers yet/);
  });
});
