// `/papers weekly` through a real BotCore: the week's papers from the corpus, ranked like the
// channel's digest (interests, examples, votes), size and threshold of the digest, posted ones marked.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import type { Outbound, Paper } from '../../src/types.js';
import { createConsoleAdapter, runConsoleChat } from '../../adapters/console/index.js';
import { POSTED_HERE } from '../../src/commands/weekly.js';
import { ADMIN, MEMBER, makeBot, textOf } from '../bot/harness.js';
import { LORA, MEMORY, VIDEO } from '../bot/sample-papers.js';
import { makePaper } from '../store/helpers.js';

// The harness clock reads 2026-06-15 (UTC): the week is 2026-06-09 … 2026-06-15.
const ADAPTERS = makePaper('2406.02001', {
  title: 'Composing Low-Rank Adapters for Multilingual Language Models',
  abstract: 'We merge LoRA adapters trained on different languages into one language model and study interference between adapters.',
  listedOn: '2026-06-10',
});
const COMPRESSION = makePaper('2406.02002', {
  title: 'Compressive Memory for Long-Context Language Models',
  abstract: 'A recurrent compressive memory lets a language model retrieve facts from million-token contexts; evaluated on long-context retrieval benchmarks.',
  listedOn: '2026-06-11',
});
const LENSING = makePaper('2406.02003', {
  title: 'Weak Gravitational Lensing of Galaxy Clusters',
  abstract: 'We measure the mass profiles of galaxy clusters from weak lensing shear in deep imaging surveys.',
  categories: ['astro-ph.CO'],
  listedOn: '2026-06-14',
});
/** Relevant, but listed the day before the week began. */
const LAST_WEEK = makePaper('2406.02004', {
  title: 'Merging Low-Rank Adapters for Language Models, Revisited',
  abstract: 'We revisit merging LoRA adapters of large language models.',
  listedOn: '2026-06-08',
});
const PAPERS: Paper[] = [LORA, MEMORY, VIDEO, ADAPTERS, COMPRESSION, LENSING, LAST_WEEK];

const cards = (out: Outbound) => {
  if (out.kind !== 'papers') throw new Error(`expected paper cards, got ${JSON.stringify(out)}`);
  return out;
};
const ids = (out: Outbound) => cards(out).items.map((i) => i.paper.id);

async function channel(interests: string, size: number) {
  const h = await makeBot({ papers: PAPERS });
  await h.chat.command(h.channel, 'subscribe', interests, ADMIN);
  await h.chat.command(h.channel, 'size', String(size), ADMIN);
  return { h, weekly: () => h.chat.command(h.channel, 'weekly', '', MEMBER) };
}

describe('/papers weekly', () => {
  it("shows the digest-size best of the week's papers for the channel, each with why, only to the asker", async () => {
    const { weekly } = await channel('merging low-rank adapters of language models', 2);
    const out = cards(await weekly());
    expect(out).toMatchObject({ kind: 'papers', ephemeral: true });
    expect(out.title).toContain('2026-06-09 – 2026-06-15');
    expect(ids(out)).toHaveLength(2);
    expect(new Set(ids(out))).toEqual(new Set([LORA.id, ADAPTERS.id]));
    for (const item of out.items) expect(item.why).toMatch(/\S/);
    expect(out.footer).toContain('5 papers listed from 2026-06-09 to 2026-06-15');
    expect(ids(out)).not.toContain(LAST_WEEK.id);
  });

  it("ranks with the channel's example papers, from `like` or a 👍, like its digest", async () => {
    const { h, weekly } = await channel('large language models', 1);
    expect(ids(await weekly())).toEqual([LORA.id]);
    // An example paper about long-context memory lifts the other memory paper to the top.
    await h.chat.command(h.channel, 'like', MEMORY.id, ADMIN);
    expect(ids(await weekly())).toEqual([COMPRESSION.id]);
    await h.chat.command(h.channel, 'unlike', MEMORY.id, ADMIN);
    expect(ids(await weekly())).toEqual([LORA.id]);
    const { papers } = await h.postDigest([MEMORY]);
    await h.chat.react(papers[0]!, 1, MEMBER);
    expect(ids(await weekly())).toEqual([COMPRESSION.id]);
  });

  it('marks papers already posted in this channel instead of hiding them', async () => {
    const { h, weekly } = await channel('merging low-rank adapters of language models', 2);
    await h.postDigest([LORA]);
    await h.store.markSeen(h.channel.key, [LORA.id]);
    const out = cards(await weekly());
    const lora = out.items.find((i) => i.paper.id === LORA.id)!;
    expect(lora.why.startsWith(`${POSTED_HERE} · `)).toBe(true);
    expect(out.items.find((i) => i.paper.id === ADAPTERS.id)!.why).not.toContain(POSTED_HERE);
    expect(out.footer).toContain(`1 ${POSTED_HERE}`);
  });

  it('says so when the corpus holds nothing from the week, or nothing there matched', async () => {
    const empty = await makeBot({ papers: [VIDEO, LAST_WEEK] });
    const out = await empty.chat.command(empty.channel, 'weekly');
    expect(out).toMatchObject({ kind: 'text', ephemeral: true });
    expect(textOf(out)).toMatch(/No stored paper was listed from 2026-06-09 to 2026-06-15/);
    const { weekly } = await channel('protein folding', 3);
    expect(textOf(await weekly())).toMatch(/None of the 5 papers listed from 2026-06-09 to 2026-06-15 matched this channel's interests/);
  });

  it('works on an unsubscribed channel with the default settings, and in the console chat', async () => {
    const h = await makeBot({ papers: PAPERS });
    expect(ids(await h.chat.command(h.channel, 'weekly')).length).toBeGreaterThan(0);
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const chat = runConsoleChat(h.core, createConsoleAdapter({ input, output, channelId: 'lab' }));
    input.end('/papers weekly\n');
    await chat;
    expect(text).toContain('Best of the week');
    expect(text).toContain(`1. `);
  });
});
