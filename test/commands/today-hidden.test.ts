import { describe, expect, it } from 'vitest';
import { MEMBER, makeBot, textOf } from '../bot/harness.js';

describe('/papers today hidden', () => {
  it("shows what the exclude filter hid (nothing in the previewer's digest) and refuses other words", async () => {
    const h = await makeBot();
    const out = await h.chat.command(h.channel, 'today', 'hidden', MEMBER);
    expect(out).toMatchObject({ kind: 'digest', ephemeral: true, digest: { items: [], notes: [{ kind: 'info', text: expect.stringMatching(/hid nothing/) }] } });
    const plain = await h.chat.command(h.channel, 'today', '', MEMBER);
    expect(plain).toMatchObject({ kind: 'digest' });
    expect((plain as { digest: { items: unknown[] } }).digest.items).toHaveLength(2);
    expect(textOf(await h.chat.command(h.channel, 'today', 'tomorrow', MEMBER))).toMatch(/^"tomorrow" is not one of: hidden\.\nUsage: `\/papers today \[hidden\]`/);
  });
});
