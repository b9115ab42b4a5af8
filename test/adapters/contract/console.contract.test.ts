// The console chat (adapters/console) passes the chat-adapter contract: lines typed into its input
// stream, every message it prints read back from its output stream one write at a time.
import { PassThrough, Writable } from 'node:stream';
import { expect } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/index.js';
import { describeChatAdapterContract } from './chat-adapter-contract.js';
import { startContractBot } from './contract-bot.js';
import type { ChatHarness, Seen } from './harness.js';

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function startConsoleHarness(): Promise<ChatHarness> {
  const bot = await startContractBot();
  const writes: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      writes.push(chunk.toString('utf8'));
      done();
    },
  });
  const adapter = createConsoleAdapter({ input: new PassThrough(), output, channelId: 'lab', banner: false, color: false });
  await adapter.start(bot.core);
  const channel = adapter.channel;
  /** `#n` → the threadId of the post it addresses, for the last digest. */
  const threadOfRank = new Map<number, string>();

  const seen = (raw: string, threadId?: string): Seen => {
    const text = raw.replace(/\n+$/, '');
    return { text, raw, channelId: channel.channelId, threadId, private: false, edited: /^↳ #\d+ \(updated\)/.test(text), size: text.length };
  };
  /** Types a line and resolves with what it printed. */
  const type = async (line: string): Promise<string[]> => {
    const mark = writes.length;
    await adapter.handleLine(line);
    return writes.slice(mark);
  };

  return {
    capabilities: { privateReplies: false, admins: 'local-user', mentionAnswer: 'inline' },
    bot,
    channel,
    // The console has one user, who administers its channel: whatever the role, they type it.
    async command(line) {
      const messages = (await type(`/papers ${line}`)).map((w) => seen(w));
      return { messages, text: messages.map((m) => m.text).join('\n'), private: false };
    },
    async postDigest(papers) {
      const mark = writes.length;
      const { result, refs } = await bot.postDigest(adapter, channel, papers);
      refs.forEach((ref, rank) => threadOfRank.set(rank, ref.threadId));
      return { result, refs, posts: writes.slice(mark).map((w) => seen(w)) };
    },
    async ask(_ref, rank, question) {
      const out = await type(`#${rank} ${question}`);
      const answers = out.filter((w) => w.startsWith(`↳ #${rank}`));
      if (answers.length === 0) throw new Error(`no answer in #${rank}; printed: ${out.join('')}`);
      return seen(answers[answers.length - 1]!, threadOfRank.get(rank));
    },
    async react(_ref, rank, value) {
      const out = await type(`#${rank} ${value === 1 ? '+1' : '-1'}`);
      expect(out.join('')).toContain(`recorded for #${rank}`);
    },
    async mention(text) {
      const out = await type(`@paperbot ${text}`);
      return seen(out.join(''));
    },
    expectInert(message, title) {
      // A terminal has no markup to inject; control characters (cursor moves, colors) are the risk.
      expect(CONTROL.test(title)).toBe(true);
      expect(CONTROL.test(message.raw.replace(/\n/g, ''))).toBe(false);
    },
    async close() {
      await adapter.stop();
      await bot.close();
    },
  };
}

describeChatAdapterContract('console', startConsoleHarness);
