// The contract every chat adapter passes (Slack, Discord, console): the same user-visible
// behaviour through each platform's real SDK or streams, wired to the real BotCore. Where a
// platform legitimately differs, the case reads the harness's declared capabilities.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_LIST } from '../../../src/commands/registry.js';
import { LORA, MEMORY, VIDEO } from '../../bot/sample-papers.js';
import { CORPUS_PAPERS, HOSTILE, HOSTILE_TITLE, STORE_SECRET, longPapers } from './contract-bot.js';
import { until, type ChatHarness } from './harness.js';

const INTERESTS = 'long-context retrieval, adapters';

/**
 * Declares the contract for one platform: `makeHarness` starts a fresh adapter + core for each
 * case; the case drives it only through the harness and the core's store.
 */
export function describeChatAdapterContract(name: string, makeHarness: () => Promise<ChatHarness>): void {
  describe(`chat adapter contract: ${name}`, () => {
    let h: ChatHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      await h?.close();
    });

    const subscribe = async () => {
      const reply = await h.command(`subscribe ${INTERESTS}`, 'admin');
      expect(reply.text).toContain('Subscribed');
      return reply;
    };

    it('help lists every sub-command, privately where the platform can', async () => {
      const reply = await h.command('help', 'member');
      for (const c of COMMAND_LIST) expect(reply.text).toContain(c.usage);
      expect(reply.private).toBe(h.capabilities.privateReplies);
    });

    it('a usage error answers with the one-line usage of that command, not the whole help', async () => {
      await subscribe();
      const reply = await h.command('schedule whenever you like', 'admin');
      const usage = COMMAND_LIST.find((c) => c.name === 'schedule')!.usage;
      expect(reply.text).toContain(usage);
      const others = COMMAND_LIST.filter((c) => c.name !== 'schedule' && !usage.includes(c.name));
      expect(others.filter((c) => reply.text.includes(c.usage))).toEqual([]);
      expect(reply.text.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(3);
      expect(reply.private).toBe(h.capabilities.privateReplies);
    });

    it('a setting changed by an admin persists, and `settings` shows it', async () => {
      await subscribe();
      const changed = await h.command('size 3', 'admin');
      expect(changed.text).toMatch(/\b3\b/);
      expect(await h.bot.store.getSubscription(h.channel.key)).toMatchObject({ size: 3, interests: INTERESTS });
      const shown = await h.command('settings', 'member');
      expect(shown.text).toMatch(/size[^\n]*\b3\b/i);
      expect(shown.text).toContain(INTERESTS);
    });

    it('who may run admin commands follows the platform\'s admins', async () => {
      const admins = h.capabilities.admins;
      if (admins === 'local-user') {
        // One person at the terminal administers the console channel.
        await subscribe();
        expect((await h.command('size 4')).text).not.toMatch(/only a channel admin/i);
        expect((await h.bot.store.getSubscription(h.channel.key))?.size).toBe(4);
        return;
      }
      const first = await h.command(`subscribe ${INTERESTS}`, 'member');
      if (admins === 'platform') {
        expect(first.text).toMatch(/only a channel admin/i);
        expect(first.private).toBe(true);
        expect(await h.bot.store.getSubscription(h.channel.key)).toBeUndefined();
        await subscribe();
      } else {
        // First-subscriber rule: nobody is named admin, so subscribing a fresh channel makes you its admin.
        expect(first.text).toContain('Subscribed');
        expect((await h.command('unsubscribe', 'member')).text).not.toMatch(/only a channel admin/i);
        expect(await h.bot.store.getSubscription(h.channel.key)).toBeUndefined();
        await subscribe();
      }
      const refused = await h.command('size 4', 'member');
      expect(refused.text).toMatch(/only a channel admin/i);
      expect(refused.private).toBe(h.capabilities.privateReplies);
      expect((await h.bot.store.getSubscription(h.channel.key))?.size).toBe(5);
    });

    it('paper <id> shows title and link, and a hostile title stays inert', async () => {
      const reply = await h.command(`paper ${HOSTILE.id}`, 'member');
      expect(reply.text).toContain(HOSTILE.links.abs);
      expect(reply.text).toContain('Attention');
      expect(reply.text).toContain('& more');
      for (const m of reply.messages) h.expectInert(m, HOSTILE_TITLE);
      expect(reply.private).toBe(false);
    });

    it('search finds stored papers by their words', async () => {
      const reply = await h.command('search recurrent memory', 'member');
      expect(reply.text).toContain(MEMORY.title);
      expect(reply.text).not.toContain(VIDEO.title);
      const hostile = await h.command('search attention everyone bold', 'member');
      expect(hostile.text).toContain(HOSTILE.links.abs);
      for (const m of hostile.messages) h.expectInert(m, HOSTILE_TITLE);
    });

    it('a digest reaches the channel: header first, then each paper in rank order, in its own thread', async () => {
      await subscribe();
      const posted = await h.postDigest();
      expect(posted.result.status).toBe('done');
      expect(posted.posts).toHaveLength(1 + CORPUS_PAPERS.length);
      const [header, ...papers] = posted.posts;
      expect(header!.text).toContain(new Date().toISOString().slice(0, 10));
      for (const [i, p] of CORPUS_PAPERS.entries()) {
        expect(papers[i]!.text).toContain(p === HOSTILE ? 'Attention' : p.title);
        if (p === HOSTILE) h.expectInert(papers[i]!, HOSTILE_TITLE);
      }
      for (const post of posted.posts) {
        expect(post.channelId).toBe(h.channel.channelId);
        expect(post.threadId).toBeUndefined();
        expect(post.private).toBe(false);
      }
      expect(new Set(posted.refs.map((r) => r.key)).size).toBe(1 + CORPUS_PAPERS.length);
    });

    it('a long digest is split into messages within the platform\'s limits', async () => {
      await subscribe();
      const papers = longPapers(12);
      const posted = await h.postDigest(papers);
      expect(posted.result.status).toBe('done');
      expect(posted.posts.length).toBeGreaterThanOrEqual(1 + papers.length);
      const max = h.capabilities.maxMessageChars;
      for (const post of posted.posts) if (max !== undefined) expect(post.size).toBeLessThanOrEqual(max);
      const all = posted.posts.map((p) => p.text).join('\n');
      const order = papers.map((p) => all.indexOf(`Long paper ${p.id.slice(-2)}:`));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    it('a question in a paper\'s thread is answered in that thread, from that paper', async () => {
      await subscribe();
      const { refs } = await h.postDigest();
      const answer = await h.ask(refs[1]!, 1, 'Which benchmark is it evaluated on?');
      expect(answer.threadId).toBe(refs[1]!.threadId);
      expect(answer.text).toContain('BABILong');
      expect(answer.private).toBe(false);
      expect(await h.bot.store.getTurns(refs[1]!.key)).toHaveLength(2);
      // Answers cite the paper by title: a hostile one stays inert there too.
      const cited = await h.ask(refs[4]!, 4, 'Which dataset do they evaluate the merged adapters on?');
      expect(cited.threadId).toBe(refs[4]!.threadId);
      expect(cited.text).toContain(HOSTILE.links.abs);
      h.expectInert(cited, HOSTILE_TITLE);
    });

    it('a slow answer shows a placeholder in the thread at once, then the answer replaces it', async () => {
      await subscribe();
      const { refs } = await h.postDigest();
      h.bot.answerDelayMs = 800;
      const answer = await h.ask(refs[2]!, 2, 'Which dataset do they evaluate on?');
      expect(answer.edited).toBe(true);
      expect(answer.threadId).toBe(refs[2]!.threadId);
      expect(answer.text).toContain('GSM-Hard');
      expect(answer.text).not.toContain('Reading the paper');
    });

    it('👍 and 👎 on digest papers are recorded as feedback for those papers', async () => {
      await subscribe();
      const { refs } = await h.postDigest();
      await h.react(refs[2]!, 2, 1);
      await h.react(refs[3]!, 3, -1);
      const votes = await until(async () => {
        const list = await h.bot.store.listFeedback(h.channel.key);
        return list.length >= 2 ? list : undefined;
      }, 'two votes in the store');
      expect(votes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ paperId: LORA.id, value: 1 }),
          expect.objectContaining({ paperId: VIDEO.id, value: -1 }),
        ]),
      );
    });

    it('a mention outside any thread answers with a short hint', async () => {
      const hint = await h.mention('hello there');
      expect(hint.text.length).toBeLessThan(300);
      expect(hint.text).toMatch(/\/papers|thread/);
      expect(hint.private).toBe(false);
      expect(hint.channelId).toBe(h.channel.channelId);
      // Slack starts a thread under the mention; Discord replies to it in the channel; the console answers in line.
      if (h.capabilities.mentionAnswer === 'thread-under-mention') expect(hint.threadId).toBeDefined();
      else expect(hint.threadId).toBeUndefined();
    });

    it('an internal error gives a polite reply that leaks no error text, stack or secret', async () => {
      await subscribe();
      h.bot.failNextSubscriptionRead();
      const reply = await h.command('settings', 'member');
      expect(reply.text).toMatch(/sorry|try again/i);
      const wire = reply.messages.map((m) => m.raw).join('\n');
      for (const leak of [STORE_SECRET, 'ECONNREFUSED', 'db.internal', 'postgres://']) expect(wire).not.toContain(leak);
      expect(wire).not.toMatch(/\bat .+:\d+:\d+/);
      // The next command works again.
      expect((await h.command('settings', 'member')).text).toContain(INTERESTS);
    });

    it('a command that crashes past the core\'s own error handling still gets a polite reply without the error text', async () => {
      h.bot.crashNextCommand();
      const reply = await h.command('settings', 'member');
      expect(reply.text).toMatch(/sorry|try again/i);
      const wire = reply.messages.map((m) => m.raw).join('\n');
      for (const leak of [STORE_SECRET, 'invariant', 'db.internal', 'postgres://']) expect(wire).not.toContain(leak);
      expect((await h.command('help', 'member')).text).toContain('subscribe');
    });

    it('a slow command is acknowledged within the platform\'s deadline and answered later', async () => {
      const deadline = h.capabilities.ackDeadlineMs;
      h.bot.previewDelayMs = (deadline ?? 0) + 400;
      const started = Date.now();
      const reply = await h.command('today', 'member');
      expect(Date.now() - started).toBeGreaterThanOrEqual(h.bot.previewDelayMs);
      expect(reply.text).toContain(MEMORY.title);
      if (deadline === undefined) expect(reply.ackMs).toBeUndefined();
      else expect(reply.ackMs).toBeLessThan(deadline);
    }, 15_000);
  });
}
