import { describe, expect, it } from 'vitest';
import type { Answer, Answerer } from '../../src/ports.js';
import type { Paper, ThreadTurn } from '../../src/types.js';
import { LlmUnavailableError } from '../../src/errors.js';
import { LORA, MEMORY, VIDEO } from './sample-papers.js';
import { MEMBER, makeBot, textOf } from './harness.js';

describe('BotCore.handleThreadMessage', () => {
  it('stays silent (null) in a thread that is not one of ours', async () => {
    const h = await makeBot();
    const posted = await h.chat.post(h.channel, { kind: 'text', text: 'someone else posted this' });
    expect(await h.chat.threadMessage(posted, 'what dataset?')).toBeNull();
    const stranger = { ...h.channel, threadId: 'nope', key: `${h.channel.key}:nope` };
    expect(await h.core.handleThreadMessage({ thread: stranger, text: 'hi', user: MEMBER, mentionsBot: true })).toBeNull();
    expect(h.chat.replies).toHaveLength(0);
  });

  it('answers a mention outside any thread with a short hint, but not a plain message there', async () => {
    const h = await makeBot();
    const own = { ...h.channel, threadId: 'm1', key: `${h.channel.key}:m1` };
    const hint = await h.core.handleThreadMessage({ thread: own, text: 'hello', user: MEMBER, mentionsBot: true, outsideThread: true });
    expect(textOf(hint)).toContain('/papers help');
    expect(textOf(hint).length).toBeLessThan(200);
    expect(await h.core.handleThreadMessage({ thread: own, text: 'hello', user: MEMBER, mentionsBot: false, outsideThread: true })).toBeNull();
  });

  it('answers about the paper of a digest-paper thread with quoted, cited sentences', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    const out = await h.chat.threadMessage(papers[0]!, 'Which dataset do they evaluate the merged adapters on?');
    expect(out?.kind).toBe('answer');
    if (out?.kind !== 'answer') return;
    expect(out.extractive).toBe(true);
    expect(out.text).toMatch(/No language model is configured/);
    expect(out.text).toContain('GSM-Hard');
    expect(out.text).toContain('[1]');
    expect(out.citations).toEqual([{ index: 1, paperId: LORA.id, title: LORA.title, url: LORA.links.abs }]);
    expect(h.chat.repliesIn(papers[0]!.key)).toHaveLength(1);
  });

  it('says plainly when the abstract does not say', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    const out = await h.core.handleThreadMessage({
      thread: papers[1]!,
      text: 'Does it work for protein folding?',
      user: MEMBER,
      mentionsBot: false,
    });
    expect(out?.kind).toBe('answer');
    if (out?.kind !== 'answer') return;
    expect(out.text).toBe('The abstract does not seem to say.');
    expect(out.citations).toEqual([]);
  });

  it('answers about the whole digest in the header thread, citing the right paper', async () => {
    const h = await makeBot();
    const { header } = await h.postDigest();
    const out = await h.chat.threadMessage(header, 'Which paper uses a recurrent memory for long contexts?');
    expect(out?.kind).toBe('answer');
    if (out?.kind !== 'answer') return;
    expect(out.citations.map((c) => c.paperId)).toContain(MEMORY.id);
    expect(out.citations.map((c) => c.paperId)).not.toContain(VIDEO.id);
  });

  it('passes the last turns as history and records the new turn', async () => {
    const seen: ThreadTurn[][] = [];
    const answerer: Answerer = {
      async answerAboutPapers(question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer> {
        seen.push(history);
        return { text: `about ${papers[0]!.id}: ${question}`, citations: [], extractive: false };
      },
      async askCorpus() {
        throw new Error('unused');
      },
    };
    const h = await makeBot({ answerer });
    const { papers } = await h.postDigest();
    await h.chat.threadMessage(papers[0]!, 'first question');
    h.clock.advance(60_000);
    await h.chat.threadMessage(papers[0]!, '<@UBOT> second   question');
    expect(seen[0]).toEqual([]);
    expect(seen[1]!.map((t) => [t.role, t.text])).toEqual([
      ['user', 'first question'],
      ['assistant', `about ${LORA.id}: first question`],
    ]);
    const turns = await h.store.getTurns(papers[0]!.key);
    expect(turns).toHaveLength(4);
    expect(turns[2]).toMatchObject({ role: 'user', text: 'second question', at: '2026-06-15T07:01:00.000Z' });
  });

  it('turns an answerer failure into a short message and logs it with the thread key', async () => {
    const answerer: Answerer = {
      async answerAboutPapers() {
        throw new LlmUnavailableError('429 after 3 retries');
      },
      async askCorpus() {
        throw new Error('unused');
      },
    };
    const h = await makeBot({ answerer });
    const { papers } = await h.postDigest();
    const out = await h.chat.threadMessage(papers[0]!, 'what is new?');
    expect(textOf(out)).toMatch(/language model is unavailable/);
    expect(textOf(out)).not.toContain('429');
    const err = h.logger.lines.find((l) => l.level === 'error');
    expect(err?.fields).toMatchObject({ channel: h.channel.key, thread: papers[0]!.key });
  });

  it('ignores bots and stays silent when the store fails (logged)', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    expect(await h.chat.threadMessage(papers[0]!, 'what?', { id: 'B1', isBot: true })).toBeNull();
    h.store.getPost = async () => {
      throw new Error('store down');
    };
    expect(await h.chat.threadMessage(papers[0]!, 'what dataset?')).toBeNull();
    expect(h.logger.lines.some((l) => l.level === 'error' && l.fields.channel === h.channel.key)).toBe(true);
  });

  it('hints when mentioned with an empty question', async () => {
    const h = await makeBot();
    const { papers } = await h.postDigest();
    expect(textOf(await h.chat.threadMessage(papers[0]!, '<@UBOT>', MEMBER, true))).toMatch(/Ask me something/);
    expect(await h.chat.threadMessage(papers[0]!, '   ', MEMBER, false)).toBeNull();
  });
});
