import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter, runConsoleChat, type ConsoleAdapter } from '../../../adapters/console/index.js';
import { LORA, MEMORY } from '../../bot/sample-papers.js';
import { makeBot, type Harness } from '../../bot/harness.js';
import { paperCard } from '../../../src/commands/paper-card.js';
import type { Digest } from '../../../src/types.js';

function streams() {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { input, output, read: () => text };
}

/** Posts a digest through the console adapter and records the refs like the digest runner. */
async function postDigestVia(adapter: ConsoleAdapter, h: Harness): Promise<void> {
  const digest: Digest = {
    date: '2026-06-15',
    channelKey: adapter.channel.key,
    interests: 'language models',
    totalNew: 2,
    items: [paperCard(LORA), paperCard(MEMORY)],
    notes: [{ kind: 'quiet-day', text: 'arXiv did not announce papers on Sunday.' }],
  };
  const header = await adapter.post(adapter.channel, { kind: 'digest-header', digest });
  await h.store.rememberPost(header.key, { kind: 'digest-header', channelKey: adapter.channel.key, date: digest.date, paperIds: [LORA.id, MEMORY.id] });
  for (const [i, item] of digest.items.entries()) {
    const ref = await adapter.post(adapter.channel, { kind: 'digest-paper', digest, item, rank: i + 1 });
    await h.store.rememberPost(ref.key, { kind: 'digest-paper', channelKey: adapter.channel.key, date: digest.date, paperIds: [item.paper.id] });
  }
}

describe('console adapter end to end', () => {
  it('runs commands typed with or without /papers until the input ends', async () => {
    const h = await makeBot();
    const io = streams();
    const adapter = createConsoleAdapter({ input: io.input, output: io.output, channelId: 'lab' });
    const chat = runConsoleChat(h.core, adapter);
    io.input.write('/papers subscribe retrieval, long context\n');
    io.input.write('search recurrent memory\n');
    io.input.write('/papers serch lora\n');
    io.input.write('\n');
    io.input.end('/paper 2406.01234\n');
    await chat;
    const out = io.read();
    expect(out).toContain('paperbot console chat');
    expect(out).toContain('Subscribed: this channel will get a digest');
    expect(out).toContain('Interests: retrieval, long context');
    expect(out).toContain(`1. ${MEMORY.title}`);
    expect(out).toMatch(/\d+ match(es)?, showing \d+/);
    expect(out).toContain('Did you mean `/papers search`?');
    expect(out).toContain(`1. ${LORA.title}`);
    expect(out).toContain(`TL;DR: ${LORA.aiSummary}`);
    expect(out).toContain('▲ 42 · ★ 1.3k');
    // Plain text when not a TTY: no ANSI escapes, neutral markup resolved.
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).not.toContain('**');
    expect(await h.store.getSubscription('console:lab')).toMatchObject({ interests: 'retrieval, long context', subscribedBy: 'console-user' });
  });

  it('asks in a posted paper thread with #n, votes with #n +1, and explains bad targets', async () => {
    const h = await makeBot();
    const io = streams();
    const adapter = createConsoleAdapter({ input: io.input, output: io.output, banner: false });
    await adapter.start(h.core);
    await adapter.handleLine('#1 what dataset?'); // before any digest: no threads yet
    await postDigestVia(adapter, h);
    io.input.write('#2 Which benchmark is it evaluated on?\n');
    io.input.write('#1 does it work for protein folding?\n');
    io.input.write('#0 which paper merges adapters?\n');
    io.input.write('#1 +1\n');
    io.input.write('#9 hello\n');
    io.input.end('quit\n');
    await adapter.done;
    await adapter.stop();
    const out = io.read();
    if (process.env.SHOW_CONSOLE) console.log(out);
    expect(out).toContain('(no post #1: #n addresses the papers of a digest posted here');
    expect(out).toContain('#0 paperbot digest · 2026-06-15');
    expect(out).toContain('○ arXiv did not announce papers on Sunday.');
    expect(out).toContain(`#2 ${MEMORY.title}`);
    expect(out).toMatch(/↳ #2: No language model is configured[^\n]*\n {2}> Evaluated on the BABILong benchmark[^\n]*\[1\]/);
    expect(out).toContain(`[1] ${MEMORY.title} — ${MEMORY.links.abs}`);
    expect(out).toContain('↳ #1: The abstract does not seem to say.');
    expect(out).toMatch(/↳ #0: [\s\S]*LoRA/);
    expect(out).toContain('(👍 recorded for #1)');
    expect(out).toContain('(no post #9 in the last digest: use #0 for the digest, #1–#2 for its papers)');
    expect(await h.store.listFeedback(adapter.channel.key)).toMatchObject([{ paperId: LORA.id, userId: 'console-user', value: 1 }]);
  });

  it('strips control characters from untrusted text and colors only when asked', async () => {
    const h = await makeBot();
    const io = streams();
    const adapter = createConsoleAdapter({ input: io.input, output: io.output, banner: false });
    await adapter.start(h.core);
    const evil = { ...LORA, title: 'Evil \u001b[2J\u001b[31mTitle\r' };
    await adapter.post(adapter.channel, { kind: 'papers', title: 'x', items: [paperCard(evil)] });
    const colored = createConsoleAdapter({ input: new PassThrough(), output: io.output, banner: false, color: true });
    await colored.post(colored.channel, { kind: 'text', text: '**bold**' });
    await adapter.stop();
    await adapter.stop(); // safe twice
    const out = io.read();
    expect(out).toContain('1. Evil [2J[31mTitle');
    expect(out).not.toContain('\u001b[2J');
    expect(out).toContain('\u001b[1mbold\u001b[22m');
  });
});
