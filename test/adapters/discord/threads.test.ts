// Thread Q&A end to end: MESSAGE_CREATE from the fake gateway → ThreadMessage → answer in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordChannelRef } from '../../../adapters/discord/index.js';
import type { ThreadRef } from '../../../src/types.js';
import { IDS, alice, otherBot, type RecordedRequest } from '../../fakes/fake-discord.js';
import { digest, item, startHarness, type Harness } from './helpers.js';

const channel = discordChannelRef(IDS.channel);
const posts = (channelId: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;

describe('without the Message Content intent (mention required)', () => {
  let h: Harness;
  let paperRef: ThreadRef;
  beforeAll(async () => {
    h = await startHarness({ messageContent: false });
    paperRef = await h.adapter.post(channel, { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
  });
  afterAll(() => h.close());

  it('answers a question in the paper’s thread, in the thread, with the post’s key', async () => {
    const bot = h.fake.state.bot;
    const q = h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> what is the method?`, mentions: [bot] });
    const msg = await h.core.threadMessages.waitFor((m) => m.text === 'what is the method?');
    expect(msg.thread).toEqual(paperRef);
    expect(msg.mentionsBot).toBe(true);
    expect(msg.user.id).toBe(alice.id);
    const answer = await h.fake.rest.waitFor(posts(paperRef.threadId));
    expect(answer.body.content).toBe('answer to: what is the method?');
    const typing = h.fake.rest.find('POST', new RegExp(`^/channels/${paperRef.threadId}/typing$`));
    expect(typing.length).toBeGreaterThan(0);
    expect(typing[0]!.seq).toBeLessThan(answer.seq);
    expect(q.id).toBeTruthy();
  });

  it('ignores thread messages that do not mention the bot (their text is not delivered)', async () => {
    const bot = h.fake.state.bot;
    h.fake.message({ channelId: paperRef.threadId, content: 'just chatting' });
    h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> second question`, mentions: [bot] });
    await h.core.threadMessages.waitFor((m) => m.text === 'second question');
    expect(h.core.threadMessages.items.map((m) => m.text)).not.toContain('just chatting');
  });

  it('ignores bots, including itself', async () => {
    const bot = h.fake.state.bot;
    h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> from a bot`, author: otherBot, mentions: [bot] });
    h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> from myself`, author: bot, mentions: [bot] });
    h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> from a human`, mentions: [bot] });
    await h.core.threadMessages.waitFor((m) => m.text === 'from a human');
    const texts = h.core.threadMessages.items.map((m) => m.text);
    expect(texts).not.toContain('from a bot');
    expect(texts).not.toContain('from myself');
  });

  it('answers a reply to the paper message that mentions the bot, as a reply', async () => {
    const bot = h.fake.state.bot;
    const paperMessage = h.fake.state.messages.get(paperRef.threadId)!;
    h.fake.message({ channelId: IDS.channel, content: 'no mention, ignored', replyTo: paperMessage });
    const q = h.fake.message({ channelId: IDS.channel, content: `<@${bot.id}> which datasets?`, mentions: [bot], replyTo: paperMessage });
    const msg = await h.core.threadMessages.waitFor((m) => m.text === 'which datasets?');
    expect(msg.thread.key).toBe(paperRef.key);
    const answer = await h.fake.rest.waitFor((r) => posts(IDS.channel)(r) && r.body.content === 'answer to: which datasets?');
    expect(answer.body.message_reference).toMatchObject({ message_id: q.id });
    expect(h.core.threadMessages.items.map((m) => m.text)).not.toContain('no mention, ignored');
  });

  it('shows a placeholder in the thread at once and edits the slow answer into it, without pings', async () => {
    const bot = h.fake.state.bot;
    h.core.onThreadMessage = async (_msg, progress) => {
      await progress?.placeholder({ kind: 'text', text: '⏳ Reading the paper to answer…' });
      await new Promise((r) => setTimeout(r, 1200));
      return { kind: 'answer', text: 'They use @everyone & ImageNet. [1 §4.2]', citations: [], extractive: false };
    };
    const start = h.fake.rest.requests.length;
    h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> slow question`, mentions: [bot] });
    const placeholder = await h.fake.rest.waitFor((r) => posts(paperRef.threadId)(r) && r.body.content === '⏳ Reading the paper to answer…');
    const edit = await h.fake.rest.waitFor((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${paperRef.threadId}/messages/`), 5000);
    const edited = h.fake.state.messages.get(edit.path.split('/').pop()!)!;
    expect(edited.content).toContain('They use @everyone & ImageNet. [1 §4.2]');
    expect(edit.body.allowed_mentions).toMatchObject({ parse: [] });
    // The answer replaced the placeholder: it was never posted as a message of its own.
    expect(h.fake.rest.requests.slice(start).filter((r) => posts(paperRef.threadId)(r) && String(r.body.content).includes('They use'))).toEqual([]);
    expect(placeholder.seq).toBeLessThan(edit.seq);
    h.core.onThreadMessage = (msg) => ({ kind: 'text', text: `answer to: ${msg.text}` });
  });

  it('splits a long answer at 2000 characters on line boundaries', async () => {
    const bot = h.fake.state.bot;
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i}: ${'detail '.repeat(6)}`.trim());
    h.core.onThreadMessage = () => ({ kind: 'answer', text: lines.join('\n'), citations: [], extractive: true });
    const start = h.fake.rest.requests.length;
    h.fake.message({ channelId: paperRef.threadId, content: `<@${bot.id}> tell me everything`, mentions: [bot] });
    await h.core.threadMessages.waitFor((m) => m.text === 'tell me everything');
    await h.fake.rest.waitFor((r) => posts(paperRef.threadId)(r) && r.body.content.includes('Line 119'));
    const chunks = h.fake.rest.requests.slice(start).filter(posts(paperRef.threadId))
      .map((r) => r.body.content as string)
      .filter((c) => c.startsWith('Line '));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('stays silent when the core says the thread is not ours', async () => {
    const bot = h.fake.state.bot;
    h.core.onThreadMessage = () => null;
    const start = h.fake.rest.requests.length;
    h.fake.message({ channelId: IDS.thread, content: `<@${bot.id}> anyone?`, mentions: [bot] });
    const msg = await h.core.threadMessages.waitFor((m) => m.text === 'anyone?');
    expect(msg.thread.key).toBe(`discord:${IDS.channel}:${IDS.thread}`);
    h.core.onThreadMessage = (m) => ({ kind: 'text', text: `answer to: ${m.text}` });
    h.fake.message({ channelId: IDS.thread, content: `<@${bot.id}> now?`, mentions: [bot] });
    await h.fake.rest.waitFor((r) => posts(IDS.thread)(r) && r.body.content === 'answer to: now?');
    const answers = h.fake.rest.requests.slice(start).filter(posts(IDS.thread));
    expect(answers).toHaveLength(1);
  });
});

describe('with the Message Content intent', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ messageContent: true });
  });
  afterAll(() => h.close());

  it('asks for the privileged intent and answers thread messages without a mention', async () => {
    const identify = h.fake.gateway.identifies.at(-1)!;
    expect(BigInt(identify.intents) & 32768n).toBe(32768n);
    const ref = await h.adapter.post(channel, { kind: 'digest-header', digest: digest() });
    h.fake.message({ channelId: ref.threadId, content: 'what do these papers share?' });
    const msg = await h.core.threadMessages.waitFor((m) => m.text === 'what do these papers share?');
    expect(msg.mentionsBot).toBe(false);
    expect(msg.thread.key).toBe(ref.key);
    await h.fake.rest.waitFor((r) => posts(ref.threadId)(r) && r.body.content === 'answer to: what do these papers share?');
  });
});
